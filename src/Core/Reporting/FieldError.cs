using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>One refusal: which field, which input key ("items.2.text"), and why, in Spanish and English.</summary>
public sealed record FieldError(string FieldId, string Key, LocalizedText Message);

/// <summary>The outcome of a validation: valid when there are no errors.</summary>
public sealed record ValidationResult(IReadOnlyList<FieldError> Errors)
{
    public static ValidationResult Valid { get; } = new([]);

    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<FieldError> For(string fieldId) => [.. Errors.Where(e => e.FieldId == fieldId)];

    public IReadOnlyList<FieldError> ForKey(string key) => [.. Errors.Where(e => e.Key == key)];
}

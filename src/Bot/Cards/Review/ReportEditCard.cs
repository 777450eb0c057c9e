using ParticipaBot.Bot.Reporting;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// What the edit card offers for the space and the activity: the schedule's spaces of the report's area that no other
/// report holds, the report's own space, and the plan's activities, each with the label the wizard shows.
/// </summary>
/// <param name="Validation">The rules a saved edit is checked with; its known spaces are the ones offered.</param>
internal sealed record ReportEditChoices(
    ReportValidationContext Validation,
    IReadOnlyDictionary<string, string> SpaceLabels,
    IReadOnlyDictionary<string, string> ActivityLabels);

/// <summary>
/// Editing a submitted report: the space step (the space, or «No programado» with its reason, and the plan activity) as
/// the wizard shows it, and the free-text content a delegate most often corrects after a review, pre-filled, with the
/// errors of a refused save next to each input. Saving creates a new version (who, when, what changed).
/// </summary>
internal static class ReportEditCard
{
    /// <summary>The space step's keys on this card; a card sent before they were on it carries none of them.</summary>
    public static IReadOnlyList<string> SpaceKeys { get; } = ["space.id", "space.unscheduled", "space.reason", ReportFields.Activity];

    /// <summary>The content keys this card edits, in order.</summary>
    public static IReadOnlyList<string> ContentKeys { get; } =
    [
        "name", "activitiesDone", "participants.total", "result.text",
        "internalEvaluation.achievements", "internalEvaluation.difficulties", "internalEvaluation.lessons",
    ];

    /// <summary>Every key this card edits; anything else in a submitted card is ignored.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. SpaceKeys, .. ContentKeys];

    public static AdaptiveCard Build(
        UserLanguage language,
        ParticipationReport report,
        ReportEditChoices choices,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FieldError>? errors = null,
        ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(choices);
        form ??= ReportForm.Default;
        values ??= ReportValues.ToValues(report);
        var title = ReviewTexts.EditHeading.Format(language, report.Name);
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(title))
            .WithFallbackText(title)
            .Add(CardElements.TextBlock(ReviewTexts.EditIntro.For(language), subtle: true));
        if (errors is { Count: > 0 })
        {
            builder.Add(ReviewCardParts.ErrorText(ReviewTexts.FixErrors.For(language)));
        }

        // The space and the activity exactly as the wizard's first step renders them (choices, labels, errors).
        var spaceStep = new FieldRenderContext(form, values, new ValidationResult(errors ?? []), choices.Validation, language, choices.SpaceLabels)
        {
            ActivityLabels = choices.ActivityLabels,
        };
        builder.Add(ReportFieldCardRenderer.RenderField(form.Field(ReportFields.Space), spaceStep));
        builder.Add(ReportFieldCardRenderer.RenderField(form.Field(ReportFields.Activity), spaceStep));

        foreach (var key in ContentKeys)
        {
            var match = form.Match(key);
            var label = match is null ? key
                : match.Part.Id.Length == 0 || match.Field.Parts.Count <= 1 ? match.Field.Label.For(language)
                : match.Field.Label.For(language) + ": " + match.Part.Label.For(language);
            var required = match is { } m && (m.Field.Required && (m.Field.Parts.Count == 0 || m.Part.Required));
            var multiline = match?.Field.Kind == FieldKind.LongText || key.StartsWith("internalEvaluation.", StringComparison.Ordinal) || key == "result.text";
            values.TryGetValue(key, out var value);
            builder.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputText(key, label, isRequired: required, isMultiline: multiline, maxLength: match?.Part.MaxLength, value: value ?? string.Empty),
                key,
                errors,
                language));
        }

        builder.AddRange(ReviewCardParts.OtherErrors(errors, [.. ContentKeys, ReportFields.Space, ReportFields.Activity], language));
        return builder
            .AddAction(CardActions.Execute(ReviewTexts.Save.For(language), ReviewVerbs.SaveEdit, ReviewCardParts.ReportData(report)))
            .AddAction(CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, ReviewCardParts.ReportData(report)))
            .Build();
    }
}

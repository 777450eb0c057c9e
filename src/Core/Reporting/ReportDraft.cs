using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// A report being filled in: the raw values typed on the cards (keyed as the form defines, see
/// <see cref="ReportForm.Match"/>) and the step the delegate is on. Values are kept as typed, valid or not, so
/// nothing is lost between steps; validation decides whether the wizard moves on.
/// </summary>
public sealed record ReportDraft
{
    /// <summary>A hard cap on one stored raw value, far above every field limit (a forged megabyte is not kept).</summary>
    public const int MaxStoredValueLength = 20_000;

    /// <summary>A cap on the inputs one card may store (the largest step has a few hundred).</summary>
    public const int MaxStoredKeys = 1_000;

    public required string Id { get; init; }

    public required int Year { get; init; }

    public required string CurrentStep { get; init; }

    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Starts a draft pre-filled from a scheduled space (or empty for a space that was not scheduled).</summary>
    public static ReportDraft Start(string id, int year, ReportForm form, ReportPrefill? prefill, Catalogs catalogs)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalogs);
        var values = prefill is null ? new Dictionary<string, string>(StringComparer.Ordinal) : PrefillValues(prefill, catalogs);
        return new ReportDraft { Id = id, Year = year, CurrentStep = form.Steps[0].Id, Values = values };
    }

    /// <summary>A draft to edit an existing report (a returned one, or answers added later).</summary>
    public static ReportDraft FromReport(ParticipationReport report, ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(form);
        return new ReportDraft { Id = report.Id, Year = report.Year, CurrentStep = form.Steps[0].Id, Values = ReportValues.ToValues(report) };
    }

    /// <summary>
    /// Stores what a step's card submitted. Only keys of that step's fields are kept (a forged key cannot write another
    /// step, an unknown slot, an entry beyond the field's maximum or a malformed code); for each field the card
    /// submitted, its previous values are replaced; blanks remove.
    /// </summary>
    public ReportDraft Apply(ReportForm form, string stepId, IReadOnlyDictionary<string, string> submitted)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submitted);
        // Two passes over what was submitted (whether a key is kept is a lookup), so nothing is copied twice.
        var touched = new List<string>();
        foreach (var key in submitted.Keys)
        {
            if (Accepts(form, stepId, key) is { } field && !touched.Contains(field.Id))
            {
                touched.Add(field.Id);
            }
        }

        var merged = new Dictionary<string, string>(Values.Count + Math.Min(submitted.Count, MaxStoredKeys), StringComparer.Ordinal);
        foreach (var (key, value) in Values)
        {
            if (touched.Count > 0 && form.Match(key) is { } match && touched.Contains(match.Field.Id))
            {
                continue;
            }

            merged[key] = value;
        }

        var stored = 0;
        foreach (var (key, value) in submitted)
        {
            if (stored == MaxStoredKeys)
            {
                break;
            }

            if (Accepts(form, stepId, key) is not null && !string.IsNullOrWhiteSpace(value))
            {
                merged[key] = value.Length > MaxStoredValueLength ? value[..MaxStoredValueLength] : value;
                stored++;
            }
        }

        return this with { Values = merged };
    }

    /// <summary>The field a submitted key may write on this step, or null for a key that is dropped.</summary>
    private static FormField? Accepts(ReportForm form, string stepId, string key) =>
        form.Match(key) is not { } match || match.Field.StepId != stepId || match.Field.SystemManaged
        || match.Index >= match.Field.MaxEntries
        || (match.Code is { } code && !Vocabulary.IsValidCode(code.ToUpperInvariant()))
            ? null
            : match.Field;

    public ReportDraft MoveTo(ReportForm form, string stepId)
    {
        ArgumentNullException.ThrowIfNull(form);
        return this with { CurrentStep = form.Step(stepId).Id };
    }

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;

    private static Dictionary<string, string> PrefillValues(ReportPrefill prefill, Catalogs catalogs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value.Trim();
            }
        }

        Set("space.id", prefill.SpaceId);
        Set(ReportFields.Activity, prefill.ActivityId);
        Set(ReportFields.Name, prefill.Name);
        Set("heldOn.from", prefill.PlannedDate?.ToString(ReportValues.DateFormat, System.Globalization.CultureInfo.InvariantCulture));
        Set("heldOn.to", prefill.PlannedEndDate is { } end && end != prefill.PlannedDate
            ? end.ToString(ReportValues.DateFormat, System.Globalization.CultureInfo.InvariantCulture)
            : null);
        Set("area.leader", prefill.LeaderArea);
        Set("area.support", ReportValues.JoinCodes(prefill.SupportAreas));
        // The planning side may hold labels ("taller", "Mesa de trabajo") rather than codes.
        string? Code(string vocabularyId, string? text) =>
            text is null ? null : catalogs.Get(vocabularyId).FindByCodeOrLabel(text)?.Code ?? text;

        Set("modality.mode", Code(VocabularyIds.Modality, prefill.Modality));
        Set("modality.channel", prefill.Channel);
        Set("place.venue", prefill.Place);
        Set("place.municipality", prefill.Municipality);
        Set("place.link", prefill.Link);
        Set(ReportFields.Format, Code(VocabularyIds.Format, prefill.Format));
        Set(ReportFields.SpaceKind, Code(VocabularyIds.SpaceKind, prefill.Kind));
        Set(ReportFields.Phase, Code(VocabularyIds.Phase, prefill.Phase));
        Set(ReportFields.Level, Code(VocabularyIds.Level, prefill.Level));

        // Target groups come as one list; the report asks for them on two axes.
        var actors = catalogs.Get(VocabularyIds.ActorType);
        var focus = catalogs.Get(VocabularyIds.PopulationFocus);
        Set("valueGroups.actorTypes", ReportValues.JoinCodes(prefill.TargetValueGroups.Select(actors.FindByCodeOrLabel).OfType<VocabularyEntry>().Select(e => e.Code)));
        Set("valueGroups.populationFocus", ReportValues.JoinCodes(prefill.TargetValueGroups.Select(focus.FindByCodeOrLabel).OfType<VocabularyEntry>().Select(e => e.Code)));

        var index = 0;
        foreach (var goal in prefill.Goals.Where(g => !string.IsNullOrWhiteSpace(g)).Take(20))
        {
            Set($"{ReportFields.Goals}.{index++}", goal);
        }

        return values;
    }
}

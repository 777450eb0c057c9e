using System.Globalization;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Reporting;

/// <summary>
/// What a step's card is rendered from: the form, the (raw) values, the errors to show next to the fields, where the
/// options come from, and how list entries are removed. Reusable by any card that edits report fields.
/// </summary>
/// <param name="EntryAction">Builds the button under a list entry ("Quitar"), or null for read-only entries without one.</param>
internal sealed record FieldRenderContext(
    ReportForm Form,
    IReadOnlyDictionary<string, string> Values,
    ValidationResult Validation,
    ReportValidationContext Options,
    UserLanguage Language,
    IReadOnlyDictionary<string, string>? SpaceLabels = null,
    Func<FormField, int, string, CardObject>? EntryAction = null)
{
    /// <summary>Plan activities by id ("2.1 Descripción…"): the activity is then picked from a list rather than typed.</summary>
    public IReadOnlyDictionary<string, string>? ActivityLabels { get; init; }

    public CultureInfo Culture => Language.ToCulture();

    public string Text(LocalizedText text) => text.For(Language);
}

/// <summary>
/// Renders report fields as Adaptive Card inputs, straight from the form definition: one container per field with its
/// label, help, inputs pre-filled with the raw values (valid or not) and its errors right below. List fields show their
/// saved entries as lines (editable when they have errors) and one blank entry to add; a list that answers another
/// (answers to contributions) is rendered inside the entries it answers.
/// </summary>
internal static class ReportFieldCardRenderer
{
    /// <summary>Characters of a value shown in a summary line (the card must stay under 28 KB).</summary>
    public const int SummaryLength = 400;

    /// <summary>Lists whose entry n belongs to entry n of another list of the same step.</summary>
    public static IReadOnlyDictionary<string, string> Companions => CompanionLists;

    private static readonly Dictionary<string, string> CompanionLists = new(StringComparer.Ordinal)
    {
        [ReportFields.Answers] = ReportFields.Items,
    };

    /// <summary>The inputs of every editable field of the step.</summary>
    public static IEnumerable<CardObject> RenderStep(string stepId, FieldRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Form.FieldsOf(stepId)
            .Where(f => !f.SystemManaged && !Companions.ContainsKey(f.Id))
            .Select(f => RenderField(f, context));
    }

    /// <summary>One field: heading, help, inputs, errors.</summary>
    public static CardObject RenderField(FormField field, FieldRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(context);
        var label = context.Text(field.Label);
        var items = new List<CardObject>
        {
            CardElements.TextBlock(field.Required ? Texts.WizardRequiredMark.Format(context.Language, label) : label, bold: true, separator: true),
        };
        if (!field.Help.IsEmpty)
        {
            items.Add(CardElements.TextBlock(context.Text(field.Help), subtle: true));
        }

        foreach (var part in field.Parts)
        {
            if (part.CodeKeyed)
            {
                items.AddRange(CodeKeyedInputs(field, part, context));
                continue;
            }

            items.Add(Input(field, part, field.KeyOf(part), context, required: field.Required && part.Required));
        }

        if (field.IsList)
        {
            items.AddRange(Entries(field, context));
        }

        var companions = CompanionsOf(field, context.Form);
        items.AddRange(Errors(companions.Count == 0
            ? context.Validation.For(field.Id)
            : context.Validation.For(field.Id).Concat(companions.SelectMany(c => context.Validation.For(c.Id))), context));
        return CardElements.Container(items);
    }

    /// <summary>The error lines of one field, in the user's language, in the attention colour.</summary>
    public static IEnumerable<CardObject> Errors(IEnumerable<FieldError> errors, FieldRenderContext context) =>
        errors.Select(e => e.Message.For(context.Culture)).Distinct(StringComparer.Ordinal)
            .Select(message => CardElements.TextBlock("⚠ " + message, color: "attention"));

    /// <summary>One line per field of a step, as the export writes it (review cards, summaries).</summary>
    public static IEnumerable<(string Title, string Value)> Summary(string stepId, FieldRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var field in context.Form.FieldsOf(stepId).Where(f => !f.SystemManaged))
        {
            var text = ReportExport.Describe(field, context.Values, context.Options.Catalogs, context.Culture);
            if (field.Id == ReportFields.Space && context.Values.TryGetValue("space.id", out var spaceId)
                && context.SpaceLabels?.TryGetValue(spaceId, out var spaceLabel) == true)
            {
                text = text.Replace(spaceId, spaceLabel, StringComparison.Ordinal);
            }

            if (field.Id == ReportFields.Activity && context.ActivityLabels?.TryGetValue(text, out var activityLabel) == true)
            {
                text = activityLabel;
            }

            yield return (context.Text(field.Label), text.Length == 0 ? Texts.WizardReviewEmpty.For(context.Language) : Shorten(text, SummaryLength));
        }
    }

    public static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    private static IEnumerable<CardObject> Entries(FormField field, FieldRenderContext context)
    {
        var indices = ReportValues.EntryIndices(field.Id, context.Values);
        var companions = CompanionsOf(field, context.Form);
        foreach (var index in indices)
        {
            var prefix = $"{field.Id}.{index}";
            var invalid = context.Validation.Errors.Any(e => e.Key == prefix || e.Key.StartsWith(prefix + ".", StringComparison.Ordinal)
                || companions.Any(c => e.Key.StartsWith($"{c.Id}.{index}", StringComparison.Ordinal)));
            var title = string.Create(CultureInfo.InvariantCulture, $"{index + 1}.");
            var entry = new List<CardObject>();
            if (invalid)
            {
                // An entry with errors stays editable, holding exactly what was typed.
                entry.Add(CardElements.TextBlock(title, bold: true));
                entry.AddRange(field.EntryParts.Select(p => Input(field, p, field.KeyOf(index, p), context, required: false)));
                foreach (var companion in companions)
                {
                    entry.AddRange(CompanionInputs(companion, index, context));
                }
            }
            else
            {
                entry.Add(CardElements.TextBlock($"{title} {Shorten(EntrySummary(field, index, context), SummaryLength)}"));
                foreach (var companion in companions)
                {
                    var answer = EntrySummary(companion, index, context);
                    if (answer.Length > 0)
                    {
                        entry.Add(CardElements.TextBlock($"↳ {context.Text(companion.Label)}: {Shorten(answer, SummaryLength)}", subtle: true));
                    }
                }
            }

            if (context.EntryAction is { } action)
            {
                entry.Add(CardElements.ActionSet([action(field, index, Texts.WizardRemoveEntry.Format(context.Language, title))]));
            }

            yield return CardElements.Container(entry, style: "emphasis");
        }

        var next = indices.Count == 0 ? 0 : indices[^1] + 1;
        if (next < field.MaxEntries)
        {
            var blank = new List<CardObject> { CardElements.TextBlock(Texts.WizardNewEntry.For(context.Language), subtle: true) };
            blank.AddRange(field.EntryParts.Select(p => Input(field, p, field.KeyOf(next, p), context, required: false)));
            foreach (var companion in companions)
            {
                blank.AddRange(CompanionInputs(companion, next, context));
            }

            yield return CardElements.Container(blank);
        }
    }

    /// <summary>The lists that answer this one (usually none).</summary>
    private static List<FormField> CompanionsOf(FormField field, ReportForm form)
    {
        var companions = new List<FormField>(0);
        foreach (var (companion, owner) in CompanionLists)
        {
            if (owner == field.Id)
            {
                companions.Add(form.Field(companion));
            }
        }

        return companions;
    }

    private static IEnumerable<CardObject> CompanionInputs(FormField companion, int index, FieldRenderContext context)
    {
        yield return CardElements.TextBlock(Texts.WizardAnswerHeading.For(context.Language), subtle: true);
        foreach (var part in companion.EntryParts)
        {
            yield return Input(companion, part, companion.KeyOf(index, part), context, required: false);
        }
    }

    private static string EntrySummary(FormField field, int index, FieldRenderContext context)
    {
        var prefix = $"{field.Id}.{index}";
        var only = context.Values.Where(kv => kv.Key == prefix || kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (field.Id == ReportFields.Evidence && only.TryGetValue($"{prefix}.fileName", out var fileName))
        {
            var kind = only.TryGetValue($"{prefix}.kind", out var k) ? Label(field.Part("kind"), k, context) : string.Empty;
            var size = only.TryGetValue($"{prefix}.size", out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                ? FileSizes.Describe(bytes, context.Language)
                : Texts.WizardFileSizeUnknown.For(context.Language);
            return $"{kind} / {Texts.WizardFileEntry.Format(context.Language, fileName, size)}";
        }

        return ReportExport.Describe(field, only, context.Options.Catalogs, context.Culture);
    }

    private static IEnumerable<CardObject> CodeKeyedInputs(FormField field, FieldPart part, FieldRenderContext context)
    {
        // One count per value group selected on the card (both axes); the groups come from the saved values.
        var groups = context.Form.FieldsOf(field.StepId)
            .SelectMany(f => f.Parts.Where(p => p.Kind == PartKind.MultiChoice && p.VocabularyId is VocabularyIds.ActorType or VocabularyIds.PopulationFocus)
                .Select(p => (Part: p, Raw: context.Values.GetValueOrDefault(f.KeyOf(p)))))
            .SelectMany(x => ReportValues.SplitCodes(x.Raw).Select(code => (x.Part, Code: code.ToUpperInvariant())))
            .Where(x => Vocabulary.IsValidCode(x.Code))
            .DistinctBy(x => x.Code)
            .Take(40)
            .ToList();
        if (groups.Count == 0)
        {
            yield break;
        }

        yield return CardElements.TextBlock(Texts.WizardGroupCountsHint.For(context.Language), subtle: true);
        foreach (var (groupPart, code) in groups)
        {
            var key = $"{field.KeyOf(part)}.{code}";
            yield return NumberInput(key, Label(groupPart, code, context), context.Values.GetValueOrDefault(key), required: false, part, context);
        }
    }

    private static CardObject Input(FormField field, FieldPart part, string key, FieldRenderContext context, bool required)
    {
        var label = context.Text(part.Label);
        var raw = context.Values.GetValueOrDefault(key);
        var error = required ? Texts.WizardRequiredInput.Format(context.Language, label) : null;
        var placeholder = part.Placeholder.IsEmpty ? null : context.Text(part.Placeholder);
        switch (part.Kind)
        {
            case PartKind.LongText:
                return CardElements.InputText(key, label, required, error, placeholder, isMultiline: true, maxLength: part.MaxLength, value: raw);
            case PartKind.Date:
                return CardElements.InputDate(key, label, required, error, ReportValues.TryParseDate(raw, out var date) ? ReportValues.Date(date) : null);
            case PartKind.Number:
                return NumberInput(key, label, raw, required, part, context);
            case PartKind.Toggle:
                return CardElements.InputToggle(key, label, label, ReportValues.TryParseToggle(raw, out var on) && on);
            case PartKind.Choice:
            case PartKind.MultiChoice:
                var spaceLabels = part.Rule<KnownSpaceRule>() is not null ? context.SpaceLabels : null;
                var entries = ReportChoices.Options(part, context.Options);
                var options = new List<(string Title, string Value)>(entries.Count);
                foreach (var option in entries)
                {
                    options.Add((OptionTitle(spaceLabels, option, context), option.Code));
                }

                var multi = part.Kind == PartKind.MultiChoice;
                var value = raw is null ? null : multi
                    ? string.Join(',', ReportValues.SplitCodes(raw).Select(c => options.FirstOrDefault(o => string.Equals(o.Value, c, StringComparison.OrdinalIgnoreCase)).Value ?? c))
                    : options.FirstOrDefault(o => string.Equals(o.Value, raw.Trim(), StringComparison.OrdinalIgnoreCase)).Value ?? raw;
                return CardElements.InputChoiceSet(key, label, options, required, error, isMultiSelect: multi, value: value);
            case PartKind.Text when field.Id == ReportFields.Activity && context.ActivityLabels is { Count: > 0 } activities:
                var activityChoices = activities.Select(a => (Title: a.Value, Value: a.Key)).ToList();
                if (raw is not null && !activities.ContainsKey(raw))
                {
                    // What was stored stays visible, even when it is not an activity of the plan (the error says so).
                    activityChoices.Insert(0, (raw, raw));
                }

                return CardElements.InputChoiceSet(key, label, activityChoices, required, error, value: raw);
            default:
                return CardElements.InputText(key, label, required, error, placeholder, maxLength: part.MaxLength, value: raw);
        }
    }

    private static CardObject NumberInput(string key, string label, string? raw, bool required, FieldPart part, FieldRenderContext context)
    {
        _ = context;
        var range = part.Rule<NumberRangeRule>();
        double? value = ReportValues.TryParseNumber(raw, out var number) ? (double)number : null;
        return CardElements.InputNumber(key, label, required, required ? Texts.WizardRequiredInput.Format(context.Language, label) : null,
            range is null ? null : (double)range.Min, range is null ? null : (double)range.Max, value);
    }

    /// <param name="spaceLabels">The space names when the part lists known spaces, else null.</param>
    private static string OptionTitle(IReadOnlyDictionary<string, string>? spaceLabels, VocabularyEntry option, FieldRenderContext context) =>
        spaceLabels?.TryGetValue(option.Code, out var spaceLabel) == true
            ? spaceLabel
            : context.Text(option.Label);

    private static string Label(FieldPart part, string code, FieldRenderContext context) =>
        part.VocabularyId is { } id && context.Options.Catalogs.TryGet(id, out var vocabulary) && vocabulary.Find(code) is { } entry
            ? context.Text(entry.Label)
            : code;
}

/// <summary>File sizes as people read them.</summary>
internal static class FileSizes
{
    public static string Describe(long bytes, UserLanguage language)
    {
        var culture = language.ToCulture();
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(culture, $"{bytes / 1024.0:0.#} KB"),
            _ => string.Create(culture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        };
    }
}

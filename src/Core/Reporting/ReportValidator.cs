using System.Globalization;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// Server-side validation of the report. Card values are strings and can be forged, so every rule of the form is
/// checked here whatever the card enforced: codes against the entity's catalog, dates against today in Bogotá and the
/// plan year, numbers and lengths against their limits, links against https, the area against the user's own areas.
/// </summary>
public static class ReportValidator
{
    /// <summary>
    /// Validates what one step's card submitted. <paramref name="otherValues"/> (the draft's values) lets rules that
    /// span steps check against what was entered earlier (an answer not before the date held). Keys of other steps are
    /// ignored here (<see cref="ReportDraft.Apply"/> never stores them); malformed keys of this step are refused.
    /// </summary>
    public static ValidationResult ValidateStep(
        ReportForm form,
        string stepId,
        IReadOnlyDictionary<string, string> submitted,
        ReportValidationContext context,
        IReadOnlyDictionary<string, string>? otherValues = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(context);
        var step = form.Step(stepId);
        var run = new Run(form, context, submitted, otherValues);
        run.CheckStep(step.Id);
        return new ValidationResult(run.Errors);
    }

    /// <summary>Validates every step (the final submit of a draft, or re-checking stored values).</summary>
    public static ValidationResult ValidateAll(ReportForm form, IReadOnlyDictionary<string, string> values, ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);

        // One run over all the values, step by step: the same checks as validating each step with everything
        // submitted, without matching every key once per step.
        var run = new Run(form, context, values, null);
        foreach (var step in form.Steps)
        {
            run.CheckStep(step.Id);
        }

        return new ValidationResult(run.Errors);
    }

    /// <summary>
    /// Checks a built report before it is submitted: every required field, at least one value group and one goal,
    /// contributions or an explicit "none received", answers and evidence complete. The report is flattened to the
    /// storage shape and checked with the wizard's own rules, so there is one rule set.
    /// </summary>
    public static ValidationResult ValidateComplete(ParticipationReport report, ReportValidationContext context, ReportForm? form = null) =>
        ValidateAll(form ?? ReportForm.Default, ReportValues.ToValues(report), context);

    /// <summary>
    /// One validation over <paramref name="values"/>. Rules that span steps also see <paramref name="otherValues"/> (the
    /// draft), minus the fields <paramref name="values"/> replaces, as <see cref="ReportDraft.Apply"/> would store them.
    /// </summary>
    private sealed class Run(ReportForm form, ReportValidationContext context, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? otherValues)
    {
        // The entries of a field without entries: shared, never added to.
        private static readonly List<int> s_noEntries = [];
        private Dictionary<string, List<string>>? _keysByField;
        private List<(string Key, FormField Field)>? _ownedKeys;
        private HashSet<string>? _touched;

        public List<FieldError> Errors { get; } = [];

        public void CheckStep(string stepId)
        {
            CheckKeys(stepId);
            foreach (var field in form.FieldsOf(stepId))
            {
                if (!field.SystemManaged)
                {
                    CheckField(field);
                }
            }
        }

        private void CheckKeys(string stepId)
        {
            IndexKeys();
            foreach (var (key, field) in _ownedKeys!)
            {
                if (field.StepId != stepId || field.SystemManaged)
                {
                    continue;
                }

                var match = form.Match(key);
                if (match is null)
                {
                    Add(field, key, $"la entrada «{Show(key)}» no existe en este formulario.", $"the input \"{Show(key)}\" does not exist in this form.");
                }
                else if (match.Index is { } index && index >= field.MaxEntries)
                {
                    Add(field, key, $"admite como máximo {field.MaxEntries} entradas.", $"accepts at most {field.MaxEntries} entries.");
                }
            }
        }

        private void CheckField(FormField field)
        {
            foreach (var part in field.Parts)
            {
                if (part.CodeKeyed)
                {
                    CheckCodeKeyed(field, part);
                    continue;
                }

                var key = form.KeyOf(field, part);
                var raw = Get(key);
                if (raw is null)
                {
                    if (field.Required && part.Required)
                    {
                        Add(field, key, Missing(field, part).Es, Missing(field, part).En);
                    }

                    continue;
                }

                CheckValue(new Spot(field, part, key, null), raw);
            }

            var entries = Entries(field);
            foreach (var index in entries)
            {
                foreach (var part in field.EntryParts)
                {
                    var key = form.KeyOf(field, index, part);
                    var raw = Get(key);
                    if (raw is null)
                    {
                        if (part.Required)
                        {
                            Add(field, key, $"entrada {index + 1}: falta «{part.Label.Es}».", $"entry {index + 1}: \"{part.Label.En}\" is missing.");
                        }

                        continue;
                    }

                    CheckValue(new Spot(field, part, key, index), raw);
                }
            }

            if (field.Required && field.Rule<MinSelectionsRule>() is { } min)
            {
                var selected = 0;
                foreach (var part in field.Parts)
                {
                    if (part.Kind == PartKind.MultiChoice)
                    {
                        selected += ReportValues.SplitCodes(Get(form.KeyOf(field, part))).Count;
                    }
                }

                if (selected < min.Min)
                {
                    Add(field, field.Id, $"elija al menos {min.Min}.", $"pick at least {min.Min}.");
                }
            }

            if (field.Required && field.IsList && entries.Count == 0 && field.Id != ReportFields.Items)
            {
                Add(field, field.Id, "registre al menos una entrada.", "enter at least one entry.");
            }

            CheckCrossRules(field, entries);
        }

        private void CheckCodeKeyed(FormField field, FieldPart part)
        {
            var prefix = $"{form.KeyOf(field, part)}.";
            foreach (var key in KeysOf(field.Id))
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var code = key[prefix.Length..];
                if (!IsValueGroup(code))
                {
                    Add(field, key, $"«{Show(code)}» no es un grupo de valor del catálogo.", $"\"{Show(code)}\" is not a value group of the catalog.");
                }
                else if (Get(key) is { } raw)
                {
                    CheckValue(new Spot(field, part, key, null), raw);
                }
            }
        }

        private void CheckValue(in Spot spot, string raw)
        {
            var part = spot.Part;
            switch (part.Kind)
            {
                case PartKind.Text or PartKind.LongText:
                    if (raw.Length > part.MaxLength)
                    {
                        Fail(spot, $"tiene {raw.Length} caracteres; el máximo es {part.MaxLength}.", $"has {raw.Length} characters; the maximum is {part.MaxLength}.");
                    }
                    else if (HasControlCharacter(raw, allowLineBreaks: part.Kind == PartKind.LongText))
                    {
                        Fail(spot, "contiene caracteres de control no permitidos.", "contains control characters that are not allowed.");
                    }

                    break;
                case PartKind.Date:
                    CheckDate(spot, raw);
                    break;
                case PartKind.Number:
                    CheckNumber(spot, raw);
                    break;
                case PartKind.Choice:
                    CheckChoice(spot, raw.Trim());
                    break;
                case PartKind.MultiChoice:
                    var codes = ReportValues.SplitCodes(raw);
                    if (codes.Count > 100)
                    {
                        Fail(spot, "tiene demasiadas opciones.", "has too many options.");
                        break;
                    }

                    foreach (var code in codes)
                    {
                        CheckChoice(spot, code);
                    }

                    break;
                case PartKind.Toggle:
                    if (!ReportValues.TryParseToggle(raw, out _))
                    {
                        Fail(spot, $"«{Show(raw)}» no es sí/no.", $"\"{Show(raw)}\" is not yes/no.");
                    }

                    break;
                case PartKind.Url:
                    CheckUrl(spot, raw.Trim());
                    break;
            }
        }

        private void CheckDate(in Spot spot, string raw)
        {
            var part = spot.Part;
            if (!ReportValues.TryParseDate(raw, out var date))
            {
                Fail(spot, $"«{Show(raw)}» no es una fecha válida (AAAA-MM-DD).", $"\"{Show(raw)}\" is not a valid date (YYYY-MM-DD).");
                return;
            }

            if (part.Rule<NotInFutureRule>() is not null && date > context.Today)
            {
                Fail(spot, $"la fecha {ReportValues.Date(date)} está en el futuro.", $"the date {ReportValues.Date(date)} is in the future.");
            }

            if (part.Rule<WithinPlanYearRule>() is { } year && (date.Year < context.PlanYear || date.Year > context.PlanYear + year.YearsAfter))
            {
                Fail(spot, 
                    year.YearsAfter == 0
                        ? $"la fecha {ReportValues.Date(date)} está fuera de la vigencia {context.PlanYear}."
                        : $"la fecha {ReportValues.Date(date)} debe estar entre {context.PlanYear} y {context.PlanYear + year.YearsAfter}.",
                    year.YearsAfter == 0
                        ? $"the date {ReportValues.Date(date)} is outside the plan year {context.PlanYear}."
                        : $"the date {ReportValues.Date(date)} must be between {context.PlanYear} and {context.PlanYear + year.YearsAfter}.");
            }
        }

        private void CheckNumber(in Spot spot, string raw)
        {
            var part = spot.Part;
            if (!ReportValues.TryParseNumber(raw, out var number))
            {
                Fail(spot, $"«{Show(raw)}» no es un número.", $"\"{Show(raw)}\" is not a number.");
                return;
            }

            if (part.Rule<NumberRangeRule>() is not { } range)
            {
                return;
            }

            if (range.IntegerOnly && decimal.Truncate(number) != number)
            {
                Fail(spot, $"{Show(raw)} debe ser un número entero.", $"{Show(raw)} must be a whole number.");
            }
            else if (number < range.Min || number > range.Max)
            {
                var min = range.Min.ToString(CultureInfo.InvariantCulture);
                var max = range.Max.ToString(CultureInfo.InvariantCulture);
                Fail(spot, $"{Show(raw)} debe estar entre {min} y {max}.", $"{Show(raw)} must be between {min} and {max}.");
            }
        }

        private void CheckChoice(in Spot spot, string code)
        {
            var part = spot.Part;
            if (part.Rule<KnownSpaceRule>() is not null)
            {
                if (!context.KnownSpaceIds.Contains(code))
                {
                    Fail(spot, $"«{Show(code)}» no es un espacio programado de la vigencia {context.PlanYear}.", $"\"{Show(code)}\" is not a scheduled space of plan year {context.PlanYear}.");
                }

                return;
            }

            if (part.Rule<AllowedAreaRule>() is not null)
            {
                if (!context.AllowedAreas.Any(a => string.Equals(a, code, StringComparison.OrdinalIgnoreCase)))
                {
                    Fail(spot, $"no puede reportar por otra dependencia («{Show(code)}»).", $"you cannot report for another area (\"{Show(code)}\").");
                }

                return;
            }

            if (part.VocabularyId == VocabularyIds.Area)
            {
                IEnumerable<string>? known = context.KnownAreas is { } knownAreas ? knownAreas : AreaCodes();
                if (code.Length > FormLimits.Text || (known is not null && !known.Any(a => string.Equals(a, code, StringComparison.OrdinalIgnoreCase))))
                {
                    Fail(spot, $"«{Show(code)}» no es una dependencia de la entidad.", $"\"{Show(code)}\" is not an area of the entity.");
                }

                return;
            }

            if (part.VocabularyId is { } vocabularyId && !(context.Catalogs.TryGet(vocabularyId, out var vocabulary) && vocabulary.Contains(code)))
            {
                Fail(spot, $"«{Show(code)}» no es una opción válida.", $"\"{Show(code)}\" is not a valid option.");
            }
        }

        private void CheckUrl(in Spot spot, string raw)
        {
            var part = spot.Part;
            var rule = part.Rule<UrlRule>() ?? new UrlRule();
            if (raw.Length > rule.MaxLength)
            {
                Fail(spot, $"el enlace tiene {raw.Length} caracteres; el máximo es {rule.MaxLength}.", $"the link has {raw.Length} characters; the maximum is {rule.MaxLength}.");
                return;
            }

            var ok = Uri.TryCreate(raw, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || (!rule.HttpsOnly && uri.Scheme == Uri.UriSchemeHttp))
                && uri.Host.Length > 0
                && uri.UserInfo.Length == 0
                && !raw.Any(char.IsWhiteSpace);
            if (!ok)
            {
                Fail(spot, 
                    rule.HttpsOnly ? $"«{Show(raw)}» no es un enlace https válido." : $"«{Show(raw)}» no es un enlace http(s) válido.",
                    rule.HttpsOnly ? $"\"{Show(raw)}\" is not a valid https link." : $"\"{Show(raw)}\" is not a valid http(s) link.");
            }
        }

        private void CheckCrossRules(FormField field, List<int> entries)
        {
            switch (field.Id)
            {
                case ReportFields.Space:
                    var unscheduled = On("space.unscheduled");
                    if (unscheduled && Get("space.id") is not null)
                    {
                        Add(field, "space.id", "elija un espacio del cronograma o márquelo como no programado, no ambas cosas.", "pick a scheduled space or mark it as not scheduled, not both.");
                    }
                    else if (unscheduled && Get("space.reason") is null)
                    {
                        Add(field, "space.reason", "explique por qué el espacio no estaba programado.", "explain why the space was not scheduled.");
                    }
                    else if (!unscheduled && Get("space.id") is null)
                    {
                        Add(field, "space.id", "elija el espacio del cronograma o marque «No programado».", "pick the space from the schedule or tick \"Not scheduled\".");
                    }

                    break;
                case ReportFields.Activity:
                    if (Get(ReportFields.Activity) is { } activity && context.KnownActivityIds is { } activities && !activities.Contains(activity))
                    {
                        Add(field, field.Id, $"«{Show(activity)}» no es una actividad del plan {context.PlanYear}.", $"\"{Show(activity)}\" is not an activity of the {context.PlanYear} plan.");
                    }

                    break;
                case ReportFields.HeldOn:
                    if (Date("heldOn.from") is { } from && Date("heldOn.to") is { } to)
                    {
                        if (to < from)
                        {
                            Add(field, "heldOn.to", "el último día es anterior al primero.", "the last day is before the first one.");
                        }
                        else if (to.DayNumber - from.DayNumber > 31)
                        {
                            Add(field, "heldOn.to", "un espacio no puede durar más de 31 días; repórtelo por sesiones.", "a space cannot last more than 31 days; report it per session.");
                        }
                    }

                    break;
                case ReportFields.Place:
                    if (field.Required && Get("place.venue") is null && Get("place.municipality") is null && Get("place.link") is null)
                    {
                        Add(field, "place.venue", "indique el lugar o el enlace.", "give the place or the link.");
                    }

                    break;
                case ReportFields.Participants:
                    if (Whole("participants.total") is { } total)
                    {
                        var bySex = (Whole("participants.women") ?? 0) + (Whole("participants.men") ?? 0) + (Whole("participants.otherSex") ?? 0);
                        if (bySex > total)
                        {
                            Add(field, "participants.women", $"el desglose por sexo suma {bySex}, más que el total ({total}).", $"the breakdown by sex adds up to {bySex}, more than the total ({total}).");
                        }

                        foreach (var key in KeysOf(field.Id))
                        {
                            if (key.StartsWith("participants.group.", StringComparison.Ordinal) && Whole(key) is { } count && count > total)
                            {
                                Add(field, key, $"{count} participantes de un grupo supera el total ({total}).", $"{count} participants of one group exceeds the total ({total}).");
                            }
                        }
                    }

                    break;
                case ReportFields.Items:
                    if (On("items.none") && entries.Count > 0)
                    {
                        Add(field, "items.none", "marcó que no se recibieron aportes, pero registró aportes.", "you ticked that none were received, yet entered contributions.");
                    }
                    else if (field.Required && entries.Count == 0 && !On("items.none"))
                    {
                        Add(field, field.Id, "registre al menos un aporte o marque «No se recibieron aportes».", "enter at least one contribution or tick \"No contributions received\".");
                    }

                    break;
                case ReportFields.Answers:
                    foreach (var i in entries)
                    {
                        if (GetAll($"items.{i}.text") is null)
                        {
                            Add(field, $"answers.{i}.decision", $"entrada {i + 1}: responde a un aporte que no existe.", $"entry {i + 1}: answers a contribution that does not exist.");
                        }

                        if (ReportCodes.TryParse(Get($"answers.{i}.decision"), out AnswerDecision decision)
                            && decision is AnswerDecision.NoAcogida or AnswerDecision.AcogidaParcial
                            && Get($"answers.{i}.justification") is null)
                        {
                            Add(field, $"answers.{i}.justification", $"entrada {i + 1}: justifique por qué no se acogió (o se acogió parcialmente).", $"entry {i + 1}: justify why it was not (fully) adopted.");
                        }

                        if (ReportCodes.TryParse(Get($"answers.{i}.decision"), out AnswerDecision final)
                            && final != AnswerDecision.EnEstudio
                            && Get($"answers.{i}.date") is null)
                        {
                            Add(field, $"answers.{i}.date", $"entrada {i + 1}: indique la fecha de la respuesta.", $"entry {i + 1}: give the date of the answer.");
                        }

                        if (Date($"answers.{i}.date") is { } answered && DateAll("heldOn.from") is { } held && answered < held)
                        {
                            Add(field, $"answers.{i}.date", $"entrada {i + 1}: la respuesta es anterior a la realización del espacio.", $"entry {i + 1}: the answer predates the space.");
                        }
                    }

                    break;
                case ReportFields.ParticipantEvaluation:
                    if (Whole("participantEvaluation.surveys") is { } surveys && WholeAll("participants.total") is { } people && surveys > people)
                    {
                        Add(field, "participantEvaluation.surveys", $"hay más encuestas ({surveys}) que participantes ({people}).", $"there are more surveys ({surveys}) than participants ({people}).");
                    }

                    break;
                case ReportFields.Evidence:
                    foreach (var i in entries)
                    {
                        if (Get($"evidence.{i}.url") is not null || Get($"evidence.{i}.fileName") is not null)
                        {
                            continue;
                        }

                        Add(field, $"evidence.{i}.url", $"entrada {i + 1}: indique un enlace o adjunte un archivo.", $"entry {i + 1}: give a link or attach a file.");
                    }

                    break;
                case ReportFields.Publication:
                    if ((Get("publication.date") is null) != (Get("publication.url") is null))
                    {
                        var missing = Get("publication.date") is null ? "publication.date" : "publication.url";
                        Add(field, missing, "indique la fecha y el enlace de la publicación.", "give both the publication date and link.");
                    }
                    else if (Date("publication.date") is { } published && DateAll("heldOn.from") is { } heldOn && published < heldOn)
                    {
                        Add(field, "publication.date", "la publicación es anterior a la realización del espacio.", "the publication predates the space.");
                    }

                    break;
                case ReportFields.DifferentialFocus:
                    if (On("differentialFocus.applied") && Get("differentialFocus.description") is null)
                    {
                        Add(field, "differentialFocus.description", "describa cómo se aplicó el enfoque diferencial.", "describe how the differential focus was applied.");
                    }

                    break;
            }
        }

        /// <summary>The indices of the field's non-blank entries below its maximum, in order.</summary>
        private List<int> Entries(FormField field)
        {
            if (field.EntryParts.Count == 0)
            {
                return s_noEntries;
            }

            var entries = new List<int>();
            foreach (var key in KeysOf(field.Id))
            {
                if (!string.IsNullOrWhiteSpace(values[key]) && form.Match(key)?.Index is { } index && index < field.MaxEntries && !entries.Contains(index))
                {
                    entries.Add(index);
                }
            }

            entries.Sort();
            return entries;
        }

        /// <summary>The submitted keys whose first segment names the field, in the order they came.</summary>
        private List<string> KeysOf(string fieldId)
        {
            IndexKeys();
            return _keysByField!.TryGetValue(fieldId, out var found) ? found : [];
        }

        /// <summary>Groups the submitted keys by the field their first segment names, once per run.</summary>
        private void IndexKeys()
        {
            if (_keysByField is not null)
            {
                return;
            }

            _keysByField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            _ownedKeys = new List<(string, FormField)>(values.Count);
            foreach (var key in values.Keys)
            {
                if (form.TryGetFieldOfKey(key, out var owner))
                {
                    if (!_keysByField.TryGetValue(owner.Id, out var keys))
                    {
                        keys = [];
                        _keysByField[owner.Id] = keys;
                    }

                    keys.Add(key);
                    _ownedKeys.Add((key, owner));
                }
            }
        }

        private bool IsValueGroup(string code) =>
            context.Catalogs.Get(VocabularyIds.ActorType).Contains(code) || context.Catalogs.Get(VocabularyIds.PopulationFocus).Contains(code);

        private IReadOnlyList<string>? AreaCodes()
        {
            var areas = context.Catalogs.TryGet(VocabularyIds.Area, out var vocabulary) ? vocabulary.Entries : [];
            return areas.Count == 0 ? null : [.. areas.Select(a => a.Code)];
        }

        private string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

        /// <summary>A value of the step, or else of the draft unless the step replaces its field (see <see cref="ReportDraft.Apply"/>).</summary>
        private string? GetAll(string key)
        {
            if (!values.TryGetValue(key, out var v) && (otherValues is null || !otherValues.TryGetValue(key, out v) || IsReplaced(key)))
            {
                return null;
            }

            return string.IsNullOrWhiteSpace(v) ? null : v;
        }

        /// <summary>A draft key of a field the step submitted (a malformed one is kept, as it names no field).</summary>
        private bool IsReplaced(string key)
        {
            if (_touched is null)
            {
                _touched = new HashSet<string>(StringComparer.Ordinal);
                foreach (var submitted in values.Keys)
                {
                    if (form.Match(submitted) is { } match)
                    {
                        _touched.Add(match.Field.Id);
                    }
                }
            }

            return form.TryGetFieldOfKey(key, out var field) && _touched.Contains(field.Id) && form.Match(key) is not null;
        }

        private bool On(string key) => ReportValues.TryParseToggle(Get(key), out var on) && on;

        private DateOnly? Date(string key) => ReportValues.TryParseDate(Get(key), out var d) ? d : null;

        private DateOnly? DateAll(string key) => ReportValues.TryParseDate(GetAll(key), out var d) ? d : null;

        private int? Whole(string key) => ToWhole(Get(key));

        private int? WholeAll(string key) => ToWhole(GetAll(key));

        private static int? ToWhole(string? raw) =>
            ReportValues.TryParseNumber(raw, out var n) && n >= 0 && n <= int.MaxValue && decimal.Truncate(n) == n ? (int)n : null;

        /// <summary>An error of one input, prefixed with the input it names (built only when a value fails).</summary>
        private void Fail(in Spot spot, string es, string en)
        {
            var (whereEs, whereEn) = spot.Index is { } i
                ? ($"entrada {i + 1}, «{spot.Part.Label.Es}»: ", $"entry {i + 1}, \"{spot.Part.Label.En}\": ")
                : PartPrefix(spot.Field, spot.Part);
            Add(spot.Field, spot.Key, whereEs + es, whereEn + en);
        }

        private void Add(FormField field, string key, string es, string en) =>
            Errors.Add(new FieldError(field.Id, key, new LocalizedText($"«{field.Label.Es}»: {es}", $"\"{field.Label.En}\": {en}")));

        private static LocalizedText Missing(FormField field, FieldPart part) =>
            part.Label == field.Label || field.Parts.Count == 1
                ? new LocalizedText("es obligatorio.", "is required.")
                : new LocalizedText($"falta «{part.Label.Es}».", $"\"{part.Label.En}\" is missing.");

        private static (string Es, string En) PartPrefix(FormField field, FieldPart part) =>
            part.Label == field.Label || field.Parts.Count == 1 ? (string.Empty, string.Empty) : ($"en «{part.Label.Es}», ", $"in \"{part.Label.En}\", ");

        private static bool HasControlCharacter(string raw, bool allowLineBreaks)
        {
            foreach (var c in raw)
            {
                if (char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The input a value was checked for: its field, part, key and list entry.</summary>
        private readonly record struct Spot(FormField Field, FieldPart Part, string Key, int? Index);

        // What a user typed is echoed in messages only briefly (a forged value can be huge).
        private static string Show(string value)
        {
            var clean = new string([.. value.Where(c => !char.IsControl(c))]);
            return clean.Length <= 40 ? clean : string.Concat(clean.AsSpan(0, 40), "…");
        }
    }
}

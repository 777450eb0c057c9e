using System.Globalization;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// The storage shape of a report: the same flat keys the cards submit ("heldOn.from", "items.0.text"), with
/// canonical texts (ISO dates, invariant numbers, comma-separated codes, "true"). A draft and a report share it, so a
/// stored report can be re-validated with the very rules of the wizard and diffed field by field.
/// </summary>
public static class ReportValues
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string JoinCodes(IEnumerable<string> codes) => string.Join(',', codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>Codes of a multi-choice input (cards send "A,B,C"); blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> SplitCodes(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static bool TryParseDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Numbers as cards send them; a decimal comma ("85,5") is accepted, thousands separators are not.</summary>
    public static bool TryParseNumber(string? value, out decimal number)
    {
        number = 0;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 30)
        {
            return false;
        }

        if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal))
        {
            text = text.Replace(',', '.');
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>"true"/"false" as Input.Toggle sends them; blank is false; anything else is not a toggle value.</summary>
    public static bool TryParseToggle(string? value, out bool on)
    {
        var text = value?.Trim();
        on = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        return string.IsNullOrEmpty(text) || on || string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Number(decimal number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values of a report (only non-blank ones; the status too).</summary>
    public static Dictionary<string, string> ToValues(ParticipationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Set("space.id", report.SpaceId);
        Set("space.unscheduled", report.SpaceId is null ? "true" : null);
        Set("space.reason", report.UnscheduledReason);
        Set(ReportFields.Activity, report.ActivityId);
        Set(ReportFields.Name, report.Name);
        Set("heldOn.from", Date(report.HeldFrom));
        Set("heldOn.to", report.HeldTo is { } to ? Date(to) : null);
        Set("area.leader", report.LeaderArea);
        Set("area.support", JoinCodes(report.SupportAreas));
        Set("modality.mode", report.Modality);
        Set("modality.channel", report.Channel);
        Set("place.venue", report.Place.Venue);
        Set("place.municipality", report.Place.Municipality);
        Set("place.link", report.Place.Link?.OriginalString);
        Set(ReportFields.Format, report.Format);
        Set(ReportFields.SpaceKind, report.Kind);
        Set(ReportFields.Phase, report.Phase);
        Set(ReportFields.Level, report.Level);
        Set(ReportFields.ActivitiesDone, report.ActivitiesCarriedOut);
        Set("valueGroups.actorTypes", JoinCodes(report.ActorTypes));
        Set("valueGroups.populationFocus", JoinCodes(report.PopulationFocus));
        Set("participants.total", Number(report.Participants.Total));
        Set("participants.women", report.Participants.Women is { } w ? Number(w) : null);
        Set("participants.men", report.Participants.Men is { } m ? Number(m) : null);
        Set("participants.otherSex", report.Participants.OtherSex is { } o ? Number(o) : null);
        foreach (var (code, count) in report.Participants.ByGroup)
        {
            Set($"participants.group.{code}", Number(count));
        }

        for (var i = 0; i < report.Goals.Count; i++)
        {
            Set($"goals.{i}", report.Goals[i]);
        }

        Set("items.none", report.NoItemsReceived ? "true" : null);
        for (var i = 0; i < report.Items.Count; i++)
        {
            var item = report.Items[i];
            Set($"items.{i}.kind", item.Kind.ToCode());
            Set($"items.{i}.text", item.Text);
            Set($"items.{i}.group", item.ValueGroup);
            if (item.Answer is { } answer)
            {
                Set($"answers.{i}.decision", answer.Decision.ToCode());
                Set($"answers.{i}.justification", answer.Justification);
                Set($"answers.{i}.who", answer.AnsweredBy);
                Set($"answers.{i}.date", answer.AnsweredOn is { } d ? Date(d) : null);
            }
        }

        Set("result.text", report.Result.Text);
        Set("result.category", report.Result.Category);
        for (var i = 0; i < report.Commitments.Count; i++)
        {
            var c = report.Commitments[i];
            Set($"commitments.{i}.what", c.What);
            Set($"commitments.{i}.who", c.Who);
            Set($"commitments.{i}.due", Date(c.Due));
            Set($"commitments.{i}.status", c.Status.ToCode());
        }

        if (report.ParticipantEvaluation is { } pe)
        {
            Set("participantEvaluation.surveys", pe.SurveysAnswered is { } s ? Number(s) : null);
            Set("participantEvaluation.satisfaction", pe.SatisfactionPercent is { } p ? Number(p) : null);
            Set("participantEvaluation.notes", pe.Notes);
        }

        if (report.InternalEvaluation is { } ie)
        {
            Set("internalEvaluation.achievements", ie.Achievements);
            Set("internalEvaluation.difficulties", ie.Difficulties);
            Set("internalEvaluation.lessons", ie.Lessons);
        }

        for (var i = 0; i < report.Evidence.Count; i++)
        {
            var e = report.Evidence[i];
            Set($"evidence.{i}.kind", e.Kind);
            Set($"evidence.{i}.url", e.Link?.OriginalString);
            Set($"evidence.{i}.fileName", e.File?.Name);
            Set($"evidence.{i}.contentType", e.File?.ContentType);
            Set($"evidence.{i}.size", e.File?.Size is { } size ? size.ToString(CultureInfo.InvariantCulture) : null);
        }

        if (report.Publication is { } pub)
        {
            Set("publication.date", pub.Date is { } pd ? Date(pd) : null);
            Set("publication.url", pub.Link?.OriginalString);
        }

        Set("differentialFocus.applied", report.DifferentialFocus.Applied ? "true" : null);
        Set("differentialFocus.description", report.DifferentialFocus.Description);
        Set(ReportFields.Status, report.Status.ToCode());
        return values;
    }

    /// <summary>
    /// Reads a report out of values that passed <see cref="ReportValidator.ValidateAll"/>; codes are normalised to the
    /// catalog's spelling by the caller's validation, texts are trimmed. Use <see cref="ReportBuilder"/> rather than this.
    /// </summary>
    internal static ParticipationReport FromValues(string id, int year, IReadOnlyDictionary<string, string> values, Func<string, string> code)
    {
        string? Get(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? Code(string key) => Get(key) is { } v ? code(v) : null;
        int? Int(string key) => TryParseNumber(Get(key), out var n) ? (int)n : null;
        DateOnly? Day(string key) => TryParseDate(Get(key), out var d) ? d : null;
        Uri? Link(string key) => Get(key) is { } v && Uri.TryCreate(v, UriKind.Absolute, out var u) ? u : null;
        bool On(string key) => TryParseToggle(Get(key), out var on) && on;
        List<int> Indices(string field) => EntryIndices(field, values);

        var unscheduled = On("space.unscheduled");
        var byGroup = values.Keys
            .Where(k => k.StartsWith("participants.group.", StringComparison.Ordinal))
            .Where(k => Int(k) is not null)
            .ToDictionary(k => code(k["participants.group.".Length..]), k => Int(k)!.Value, StringComparer.Ordinal);

        var items = new List<ReportItem>();
        foreach (var i in Indices(ReportFields.Items))
        {
            if (Get($"items.{i}.text") is not { } text)
            {
                continue;
            }

            var kind = ReportCodes.TryParse(Get($"items.{i}.kind"), out ItemKind parsedKind) ? parsedKind : ItemKind.Observacion;
            ItemAnswer? answer = ReportCodes.TryParse(Get($"answers.{i}.decision"), out AnswerDecision decision)
                ? new ItemAnswer(decision, Get($"answers.{i}.justification"), Get($"answers.{i}.who"), Day($"answers.{i}.date"))
                : null;
            items.Add(new ReportItem(kind, text, Code($"items.{i}.group"), answer));
        }

        var commitments = Indices(ReportFields.Commitments)
            .Where(i => Get($"commitments.{i}.what") is not null)
            .Select(i =>
            {
                var status = ReportCodes.TryParse(Get($"commitments.{i}.status"), out CommitmentStatus parsed) ? parsed : CommitmentStatus.Pendiente;
                return new Commitment(Get($"commitments.{i}.what")!, Get($"commitments.{i}.who") ?? string.Empty, Day($"commitments.{i}.due") ?? default, status);
            })
            .ToList();

        var evidence = Indices(ReportFields.Evidence)
            .Where(i => Get($"evidence.{i}.kind") is not null)
            .Select(i => new Evidence(
                Code($"evidence.{i}.kind")!,
                Link($"evidence.{i}.url"),
                Get($"evidence.{i}.fileName") is { } name
                    ? new EvidenceFile(name, Get($"evidence.{i}.contentType"), TryParseNumber(Get($"evidence.{i}.size"), out var size) ? (long)size : null)
                    : null))
            .ToList();

        var surveys = Int("participantEvaluation.surveys");
        decimal? satisfaction = TryParseNumber(Get("participantEvaluation.satisfaction"), out var sat) ? sat : null;
        var notes = Get("participantEvaluation.notes");
        var achievements = Get("internalEvaluation.achievements");
        var difficulties = Get("internalEvaluation.difficulties");
        var lessons = Get("internalEvaluation.lessons");
        var publicationDate = Day("publication.date");
        var publicationLink = Link("publication.url");
        var status = ReportCodes.TryParse(Get(ReportFields.Status), out ReportStatus parsedStatus) ? parsedStatus : ReportStatus.Borrador;

        return new ParticipationReport
        {
            Id = id,
            Year = year,
            SpaceId = unscheduled ? null : Get("space.id"),
            UnscheduledReason = unscheduled ? Get("space.reason") : null,
            ActivityId = Get(ReportFields.Activity),
            Name = Get(ReportFields.Name) ?? string.Empty,
            HeldFrom = Day("heldOn.from") ?? default,
            HeldTo = Day("heldOn.to") is { } to && to != Day("heldOn.from") ? to : null,
            LeaderArea = Get("area.leader") ?? string.Empty,
            SupportAreas = SplitCodes(Get("area.support")),
            Modality = Code("modality.mode") ?? string.Empty,
            Channel = Get("modality.channel"),
            Place = new SpacePlace(Get("place.venue"), Get("place.municipality"), Link("place.link")),
            Format = Code(ReportFields.Format) ?? string.Empty,
            Kind = Code(ReportFields.SpaceKind) ?? string.Empty,
            Phase = Code(ReportFields.Phase) ?? string.Empty,
            Level = Code(ReportFields.Level) ?? string.Empty,
            ActivitiesCarriedOut = Get(ReportFields.ActivitiesDone) ?? string.Empty,
            ActorTypes = [.. SplitCodes(Get("valueGroups.actorTypes")).Select(code)],
            PopulationFocus = [.. SplitCodes(Get("valueGroups.populationFocus")).Select(code)],
            Participants = new ParticipantCount(Int("participants.total") ?? 0, Int("participants.women"), Int("participants.men"), Int("participants.otherSex")) { ByGroup = byGroup },
            Goals = [.. Indices(ReportFields.Goals).Select(i => Get($"goals.{i}")).OfType<string>()],
            Items = items,
            NoItemsReceived = On("items.none"),
            Result = new ParticipationResult(Get("result.text") ?? string.Empty, Code("result.category") ?? string.Empty),
            Commitments = commitments,
            ParticipantEvaluation = surveys is null && satisfaction is null && notes is null ? null : new ParticipantEvaluation(surveys, satisfaction, notes),
            InternalEvaluation = achievements is null && difficulties is null && lessons is null ? null : new InternalEvaluation(achievements, difficulties, lessons),
            Evidence = evidence,
            Publication = publicationDate is null && publicationLink is null ? null : new Publication(publicationDate, publicationLink),
            DifferentialFocus = new DifferentialFocus(On("differentialFocus.applied"), Get("differentialFocus.description")),
            Status = status,
        };
    }

    /// <summary>
    /// The entry numbers of a field's keys ("items.2.text" → 2), in order; asked of every list field by the review, the
    /// build and every wizard card, so it reads the keys in place rather than splitting them.
    /// </summary>
    public static List<int> EntryIndices(string fieldId, IReadOnlyDictionary<string, string> values)
    {
        var indices = new List<int>();
        foreach (var key in values.Keys)
        {
            if (key.Length <= fieldId.Length || key[fieldId.Length] != '.' || !key.StartsWith(fieldId, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key.AsSpan(fieldId.Length + 1);
            var dot = rest.IndexOf('.');
            if (int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && !indices.Contains(index))
            {
                indices.Add(index);
            }
        }

        indices.Sort();
        return indices;
    }
}

using System.Globalization;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Compliance;

/// <summary>Verbs of the summary's drill-down buttons; data carries "area" and "period" (strings).</summary>
internal static class StatusVerbs
{
    public const string Scope = "status.scope";
    public const string Overdue = "status.overdue";
    public const string Proposals = "status.proposals";
    public const string Held = "status.held";

    public static readonly IReadOnlyList<string> All = [Scope, Overdue, Proposals, Held];
}

/// <summary>The summary card and its drill-down cards. Lists are capped so a card stays under the size limit.</summary>
internal static class StatusCards
{
    public const int MaxListed = 10;
    private const int MaxAreaButtons = 6;

    private static readonly string[] Headline =
    [
        IndicatorCodes.ScheduleCompliance, IndicatorCodes.OnTime, IndicatorCodes.ActivitiesCompleted, IndicatorCodes.ValueGroupCoverage,
        IndicatorCodes.CycleCoverage, IndicatorCodes.GoalsWithParticipation, IndicatorCodes.AnswerRate, IndicatorCodes.Uptake,
        IndicatorCodes.CommitmentsMet, IndicatorCodes.ReportTimeliness, IndicatorCodes.EvidenceCompleteness,
    ];

    /// <summary>The summary of one scope: headline figures, a line per visible area, what is overdue, drill-down buttons.</summary>
    public static AdaptiveCard Summary(UserLanguage language, ComplianceSnapshot snapshot, ComplianceAccess access, ComplianceScope scope)
    {
        var english = language == UserLanguage.English;
        var visibleAreas = scope.Area is null ? snapshot.Areas.Where(a => access.Areas.Count > 0 || access.AllAreas).Where(access.CanSeeArea).ToList() : [];

        // The scope and its visible areas in one calculation (one index over the facts).
        var summaries = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, [scope, .. visibleAreas.Select(a => scope with { Area = a })]);
        var summary = summaries[0];
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(ComplianceTexts.StatusTitle.Format(language, snapshot.Plan.Year)))
            .Add(CardElements.TextBlock(ScopeTitle(language, scope) + " · " + ComplianceTexts.CutOff.Format(language, summary.CutOff.ToDateTime(TimeOnly.MinValue))
                + (summary.IsPeriodOpen ? " " + ComplianceTexts.Provisional.For(language) : string.Empty), subtle: true));

        var facts = new List<(string, string)>();
        foreach (var code in Headline)
        {
            facts.Add(($"{code} {IndicatorNames.Get(code, english)}", Figure(language, summary[code])));
        }

        facts.Add(($"{IndicatorCodes.SpacesHeld} {IndicatorNames.Get(IndicatorCodes.SpacesHeld, english)}", Number(language, summary[IndicatorCodes.SpacesHeld].Value)));
        facts.Add(($"{IndicatorCodes.MedianDaysToAnswer} {IndicatorNames.Get(IndicatorCodes.MedianDaysToAnswer, english)}",
            summary[IndicatorCodes.MedianDaysToAnswer].Value is { } days ? ComplianceTexts.DaysValue.Format(language, days) : ComplianceTexts.NoData.For(language)));
        facts.Add(($"{IndicatorCodes.AttendanceAndSatisfaction} {IndicatorNames.Get(IndicatorCodes.AttendanceAndSatisfaction, english)}",
            ComplianceTexts.Participants.Format(language, summary.TotalParticipants,
                summary.AverageSatisfactionPercent is { } s ? s.ToString("0.#", language.ToCulture()) + " %" : ComplianceTexts.NoData.For(language))));
        builder.Add(CardElements.FactSet(facts));

        var areaLines = new List<(string, string)>();
        for (var a = 0; a < visibleAreas.Count; a++)
        {
            var area = visibleAreas[a];
            var areaSummary = summaries[a + 1];
            if (areaSummary[IndicatorCodes.ScheduleCompliance].Denominator is 0 && areaSummary[IndicatorCodes.SpacesHeld].Value is 0)
            {
                continue;
            }

            areaLines.Add((area, ComplianceTexts.AreaLine.Format(language, Figure(language, areaSummary[IndicatorCodes.ScheduleCompliance]),
                areaSummary[IndicatorCodes.SpacesHeld].Value ?? 0, areaSummary.OverdueSpaceIds.Count)));
        }

        if (areaLines.Count > 0)
        {
            builder.Add(CardElements.TextBlock(ComplianceTexts.ByAreaHeading.For(language), bold: true, separator: true));
            builder.Add(CardElements.FactSet(areaLines.Take(20)));
        }

        var overdue = VisibleOverdue(snapshot, access, summary);
        builder.Add(CardElements.TextBlock(ComplianceTexts.OverdueHeading.Format(language, summary.OverdueSpaceIds.Count), bold: true, separator: true));
        foreach (var space in overdue.Take(5))
        {
            builder.Add(CardElements.TextBlock("• " + ComplianceTexts.OverdueLine.Format(language, space.Name, space.Area, space.PlannedStart.ToDateTime(TimeOnly.MinValue)), subtle: true));
        }

        var canList = access.AllAreas || access.Areas.Count > 0;
        if (!canList)
        {
            builder.Add(CardElements.TextBlock(ComplianceTexts.EntityOnlyNote.For(language), subtle: true));
        }

        var data = Data(scope);
        var actions = new List<CardObject>();
        if (scope.Area is not null)
        {
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonEntity.For(language), StatusVerbs.Scope, new CardObject { ["period"] = Text(scope.Period) }));
        }

        foreach (var area in visibleAreas.Where(a => areaLines.Any(l => l.Item1 == a)).Take(MaxAreaButtons))
        {
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonArea.Format(language, area), StatusVerbs.Scope, new CardObject { ["area"] = area, ["period"] = Text(scope.Period) }));
        }

        foreach (var period in snapshot.Calculator.Rules.Periods.Where(p => p.Start(snapshot.Plan.Year) <= snapshot.AsOf && p.Number != scope.Period))
        {
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonPeriod.Format(language, period.Number), StatusVerbs.Scope, new CardObject { ["area"] = scope.Area, ["period"] = Text(period.Number) }));
        }

        if (canList)
        {
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonOverdue.For(language), StatusVerbs.Overdue, data));
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonProposals.For(language), StatusVerbs.Proposals, data));
            actions.Add(CardActions.Execute(ComplianceTexts.ButtonHeld.For(language), StatusVerbs.Held, data));
        }

        builder.Add(CardElements.ActionSet(actions));
        return builder.WithFallbackText(ComplianceTexts.StatusTitle.Format(language, snapshot.Plan.Year)).Build();
    }

    /// <summary>A list card (overdue spaces, unanswered items, evaluations) with at most <see cref="MaxListed"/> entries.</summary>
    public static AdaptiveCard List(UserLanguage language, LocalizedText title, ComplianceScope scope, IReadOnlyList<(string Title, string Detail)> entries)
    {
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(title.For(language)))
            .Add(CardElements.TextBlock(ScopeTitle(language, scope), subtle: true));
        if (entries.Count == 0)
        {
            builder.Add(CardElements.TextBlock(ComplianceTexts.NothingToList.For(language)));
        }

        foreach (var (entryTitle, detail) in entries.Take(MaxListed))
        {
            builder.Add(CardElements.TextBlock(entryTitle, bold: true, separator: true));
            builder.Add(CardElements.TextBlock(detail, subtle: true));
        }

        if (entries.Count > MaxListed)
        {
            builder.Add(CardElements.TextBlock(ComplianceTexts.MoreNotShown.Format(language, entries.Count - MaxListed), subtle: true));
        }

        builder.Add(CardElements.ActionSet([CardActions.Execute(ComplianceTexts.ButtonEntity.For(language), StatusVerbs.Scope, Data(scope))]));
        return builder.WithFallbackText(title.For(language)).Build();
    }

    /// <summary>Overdue spaces of the scope that the reader may see.</summary>
    public static IReadOnlyList<Core.Compliance.SpaceFact> VisibleOverdue(ComplianceSnapshot snapshot, ComplianceAccess access, ComplianceSummary summary)
    {
        var ids = summary.OverdueSpaceIds.ToHashSet(StringComparer.Ordinal);
        return [.. snapshot.Facts.Spaces.Where(s => ids.Contains(s.Id) && (access.AllAreas || (access.Areas.Count > 0 && access.CanSeeArea(s.Area))))];
    }

    /// <summary>Reports that count, in the scope, that the reader may see.</summary>
    public static IReadOnlyList<ParticipationReport> VisibleReports(ComplianceSnapshot snapshot, ComplianceAccess access, ComplianceScope scope, DateOnly cutOff)
    {
        var rules = snapshot.Calculator.Rules;
        return [.. snapshot.Reports.Where(r =>
            ReportFacts.Counts(r)
            && r.HeldFrom <= cutOff
            && (scope.Period is null || rules.PeriodOf(r.HeldFrom) == scope.Period)
            && (scope.Area is null || Core.Text.TextFolding.EqualsFolded(r.LeaderArea, scope.Area))
            && (access.AllAreas || (access.Areas.Count > 0 && access.CanSeeArea(r.LeaderArea))))];
    }

    public static string Figure(UserLanguage language, IndicatorValue value)
    {
        if (value.Value is not { } ratio || !value.IsRatio)
        {
            return "⚪ " + ComplianceTexts.NoData.For(language);
        }

        var light = value.Light switch
        {
            TrafficLight.Green => "🟢",
            TrafficLight.Yellow => "🟡",
            TrafficLight.Red => "🔴",
            _ => "⚪",
        };
        var culture = language.ToCulture();
        return $"{light} {Math.Round(ratio * 100, 0).ToString("0", culture)} % ({value.Numerator?.ToString("0.#", culture)}/{value.Denominator?.ToString("0.#", culture)})";
    }

    private static string Number(UserLanguage language, decimal? value) =>
        value is { } v ? v.ToString("N0", language.ToCulture()) : ComplianceTexts.NoData.For(language);

    private static string ScopeTitle(UserLanguage language, ComplianceScope scope) =>
        (scope.Area ?? ComplianceTexts.ScopeEntity.For(language)) + " · "
        + (scope.Period is { } p ? ComplianceTexts.ScopePeriod.Format(language, p) : ComplianceTexts.ScopeYear.For(language));

    private static CardObject Data(ComplianceScope scope) => new() { ["area"] = scope.Area, ["period"] = Text(scope.Period) };

    private static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}

namespace ParticipaBot.Core.Compliance;

/// <summary>
/// Pure arithmetic from facts to the indicators I1-I14 (DOMAIN.md; the counting rules are in
/// docs/indicators.md). Every figure can be explained: <see cref="Explain"/> runs the same selection as
/// <see cref="Summarize(ComplianceFacts, DateOnly, ComplianceScope)"/> and returns the ids it counted, so the two never disagree.
/// </summary>
/// <param name="rules">Thresholds, periods and phases.</param>
/// <param name="workingDaysAfter">Working days strictly after the first date up to and including the second (0 for the same day).</param>
public sealed class ComplianceCalculator(ComplianceRules rules, Func<DateOnly, DateOnly, int> workingDaysAfter)
{
    public ComplianceRules Rules => rules;

    /// <summary>The entity for the year, every period and every area, at <paramref name="asOf"/>.</summary>
    public ComplianceOverview Overview(ComplianceFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var index = new FactIndex(facts, workingDaysAfter);
        var entity = Summarize(index, asOf, ComplianceScope.Entity);
        var byPeriod = rules.Periods
            .Where(p => p.Start(facts.PlanYear) <= asOf)
            .Select(p => Summarize(index, asOf, new ComplianceScope(p.Number)))
            .ToList();
        var byArea = index.Areas
            .Select(area => Summarize(index, asOf, new ComplianceScope(null, area)))
            .ToList();
        return new ComplianceOverview(entity, byPeriod, byArea);
    }

    /// <summary>The indicators of one scope at <paramref name="asOf"/>.</summary>
    public ComplianceSummary Summarize(ComplianceFacts facts, DateOnly asOf, ComplianceScope scope)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Summarize(new FactIndex(facts, workingDaysAfter), asOf, scope);
    }

    /// <summary>Which ids one indicator of one scope counted.</summary>
    public IndicatorTrace Explain(ComplianceFacts facts, DateOnly asOf, ComplianceScope scope, string code)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var selection = Select(new FactIndex(facts, workingDaysAfter), asOf, scope);
        var trace = new TraceCollector();
        _ = Compute(selection, code, trace);
        return new IndicatorTrace(code, trace.Numerator, trace.Denominator);
    }

    private ComplianceSummary Summarize(FactIndex index, DateOnly asOf, ComplianceScope scope)
    {
        var selection = Select(index, asOf, scope);
        var indicators = new Dictionary<string, IndicatorValue>(IndicatorCodes.All.Count, StringComparer.Ordinal);
        foreach (var code in IndicatorCodes.All)
        {
            indicators[code] = Compute(selection, code, trace: null);
        }

        var participants = 0;
        decimal satisfactionSum = 0;
        var satisfactionCount = 0;
        foreach (var report in selection.Reports)
        {
            participants += report.Participants;
            if (report.SatisfactionPercent is { } satisfaction)
            {
                satisfactionSum += satisfaction;
                satisfactionCount++;
            }
        }

        var overdue = new List<string>();
        foreach (var space in selection.Spaces)
        {
            if (!space.IsCancelled && space.PlannedStart <= selection.CutOff && !index.ReportedSpaceIds.Contains(space.Id))
            {
                overdue.Add(space.Id);
            }
        }

        return new ComplianceSummary(
            scope,
            asOf,
            selection.CutOff,
            selection.IsPeriodOpen,
            indicators,
            Breakdown(selection.Reports),
            participants,
            satisfactionCount == 0 ? null : Math.Round(satisfactionSum / satisfactionCount, 1),
            overdue);
    }

    private Selection Select(FactIndex index, DateOnly asOf, ComplianceScope scope)
    {
        var year = index.Facts.PlanYear;
        DateOnly cutOff;
        bool isOpen;
        if (scope.Period is { } periodNumber)
        {
            var period = rules.GetPeriod(periodNumber);
            var end = period.End(year);
            cutOff = end < asOf ? end : asOf;
            isOpen = asOf < end;
        }
        else
        {
            var end = new DateOnly(year, 12, 31);
            cutOff = end < asOf ? end : asOf;
            isOpen = asOf < end;
        }

        bool InPeriod(DateOnly date) =>
            date.Year == year && (scope.Period is null || rules.PeriodOf(date) == scope.Period);

        // The index groups spaces and reports by area, so an area's scope reads only its own rows.
        var spaces = new List<SpaceFact>();
        foreach (var space in index.SpacesIn(scope.Area))
        {
            if (InPeriod(space.PlannedStart))
            {
                spaces.Add(space);
            }
        }

        // Reports count from the day they were held, and only up to the cut-off.
        var reports = new List<ReportFact>();
        foreach (var report in index.ReportsIn(scope.Area))
        {
            if (report.HeldOn <= cutOff && InPeriod(report.HeldOn))
            {
                reports.Add(report);
            }
        }

        var milestones = new List<(ActivityFact Activity, MilestoneFact Milestone)>();
        foreach (var activity in index.Facts.Activities)
        {
            if (scope.Area is not null && !string.Equals(activity.Area, scope.Area, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var milestone in activity.Milestones)
            {
                var inPeriod = scope.Period is { } p
                    ? milestone.Period == p
                    : rules.GetPeriod(milestone.Period).Start(year) <= cutOff;
                if (inPeriod)
                {
                    milestones.Add((activity, milestone));
                }
            }
        }

        return new Selection(index, cutOff, isOpen, spaces, reports, milestones);
    }

    private IndicatorValue Compute(Selection selection, string code, TraceCollector? trace) => code switch
    {
        IndicatorCodes.ScheduleCompliance => ScheduleCompliance(selection, trace),
        IndicatorCodes.OnTime => OnTime(selection, trace),
        IndicatorCodes.ActivitiesCompleted => ActivitiesCompleted(selection, trace),
        IndicatorCodes.SpacesHeld => SpacesHeld(selection, trace),
        IndicatorCodes.ValueGroupCoverage => Coverage(code, selection.Reports.SelectMany(r => r.ValueGroups), selection.Index.Facts.PrioritizedValueGroups, trace),
        IndicatorCodes.CycleCoverage => Coverage(code, selection.Reports.Select(r => r.Phase ?? string.Empty), rules.Phases, trace),
        IndicatorCodes.GoalsWithParticipation => Coverage(code, selection.Reports.SelectMany(r => r.Goals), selection.Index.Facts.PlanGoals, trace),
        IndicatorCodes.AnswerRate => AnswerRate(selection, trace),
        IndicatorCodes.Uptake => UptakeRate(selection, trace),
        IndicatorCodes.MedianDaysToAnswer => MedianDaysToAnswer(selection, trace),
        IndicatorCodes.CommitmentsMet => CommitmentsMet(selection, trace),
        IndicatorCodes.ReportTimeliness => ReportTimeliness(selection, trace),
        IndicatorCodes.EvidenceCompleteness => EvidenceCompleteness(selection, trace),
        IndicatorCodes.AttendanceAndSatisfaction => Attendance(selection, trace),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown indicator code."),
    };

    // I1: spaces planned up to the cut-off (current planned date; cancelled ones left out) that have a counted report.
    private IndicatorValue ScheduleCompliance(Selection selection, TraceCollector? trace)
    {
        int planned = 0, held = 0;
        foreach (var space in selection.Spaces)
        {
            if (space.IsCancelled || space.PlannedStart > selection.CutOff)
            {
                continue;
            }

            planned++;
            trace?.Denominator.Add(space.Id);
            if (selection.Index.ReportedSpaceIds.Contains(space.Id))
            {
                held++;
                trace?.Numerator.Add(space.Id);
            }
        }

        return Ratio(IndicatorCodes.ScheduleCompliance, held, planned);
    }

    // I2: held scheduled spaces whose first report's date falls inside the ORIGINAL (baseline) window.
    private IndicatorValue OnTime(Selection selection, TraceCollector? trace)
    {
        int held = 0, onTime = 0;
        foreach (var space in selection.Spaces)
        {
            if (!selection.Index.FirstHeldOn.TryGetValue(space.Id, out var heldOn) || heldOn > selection.CutOff)
            {
                continue;
            }

            held++;
            trace?.Denominator.Add(space.Id);
            if (heldOn >= space.BaselineStart && heldOn <= space.BaselineEnd)
            {
                onTime++;
                trace?.Numerator.Add(space.Id);
            }
        }

        return Ratio(IndicatorCodes.OnTime, onTime, held);
    }

    // I3: activities whose milestones in scope are all met / activities with milestones in scope.
    private IndicatorValue ActivitiesCompleted(Selection selection, TraceCollector? trace)
    {
        var byActivity = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (activity, milestone) in selection.Milestones)
        {
            byActivity[activity.Id] = byActivity.TryGetValue(activity.Id, out var allMet) ? allMet && milestone.IsMet : milestone.IsMet;
        }

        var completed = 0;
        foreach (var (id, allMet) in byActivity)
        {
            trace?.Denominator.Add(id);
            if (allMet)
            {
                completed++;
                trace?.Numerator.Add(id);
            }
        }

        return Ratio(IndicatorCodes.ActivitiesCompleted, completed, byActivity.Count);
    }

    // I4: spaces held (one per counted report, unscheduled ones included).
    private static IndicatorValue SpacesHeld(Selection selection, TraceCollector? trace)
    {
        if (trace is not null)
        {
            foreach (var report in selection.Reports)
            {
                trace.Numerator.Add(report.Id);
            }
        }

        return Count(IndicatorCodes.SpacesHeld, selection.Reports.Count);
    }

    // I5, I6, I7: distinct expected values reached / expected values. Values outside the expected list do not count.
    private IndicatorValue Coverage(string code, IEnumerable<string> reached, IReadOnlyList<string> expected, TraceCollector? trace)
    {
        var expectedSet = new HashSet<string>(expected, StringComparer.OrdinalIgnoreCase);
        var reachedSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in reached)
        {
            if (expectedSet.Contains(value))
            {
                reachedSet.Add(value);
            }
        }

        if (trace is not null)
        {
            trace.Denominator.AddRange(expectedSet.Order(StringComparer.OrdinalIgnoreCase));
            trace.Numerator.AddRange(reachedSet.Order(StringComparer.OrdinalIgnoreCase));
        }

        return Ratio(code, reachedSet.Count, expectedSet.Count);
    }

    // I8: items answered / items received.
    private IndicatorValue AnswerRate(Selection selection, TraceCollector? trace)
    {
        int received = 0, answered = 0;
        foreach (var item in Items(selection))
        {
            received++;
            trace?.Denominator.Add(item.Id);
            if (item.IsAnswered && item.AnsweredOn <= selection.CutOff)
            {
                answered++;
                trace?.Numerator.Add(item.Id);
            }
        }

        return Ratio(IndicatorCodes.AnswerRate, answered, received);
    }

    // I9: items taken up (acogida = 1, parcialmente = PartialUptakeWeight) / items received.
    private IndicatorValue UptakeRate(Selection selection, TraceCollector? trace)
    {
        var received = 0;
        decimal taken = 0;
        foreach (var item in Items(selection))
        {
            received++;
            trace?.Denominator.Add(item.Id);
            var weight = item.Uptake switch
            {
                Uptake.Full => 1m,
                Uptake.Partial => rules.PartialUptakeWeight,
                _ => 0m,
            };
            if (weight > 0 && item.AnsweredOn <= selection.CutOff)
            {
                taken += weight;
                trace?.Numerator.Add(item.Id);
            }
        }

        return Ratio(IndicatorCodes.Uptake, taken, received);
    }

    // I10: median working days from the space to the answer, over answered items.
    private static IndicatorValue MedianDaysToAnswer(Selection selection, TraceCollector? trace)
    {
        var days = new List<int>();
        foreach (var report in selection.Reports)
        {
            foreach (var item in report.Items)
            {
                if (item.AnsweredOn is { } answeredOn && answeredOn <= selection.CutOff)
                {
                    days.Add(selection.Index.WorkingDaysAfter(report.HeldOn, answeredOn));
                    trace?.Numerator.Add(item.Id);
                }
            }
        }

        if (days.Count == 0)
        {
            return new IndicatorValue(IndicatorCodes.MedianDaysToAnswer, null, null, null, TrafficLight.None);
        }

        days.Sort();
        var middle = days.Count / 2;
        decimal median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2m;
        return new IndicatorValue(IndicatorCodes.MedianDaysToAnswer, null, null, median, TrafficLight.None);
    }

    // I11: commitments met / commitments due by the cut-off.
    private IndicatorValue CommitmentsMet(Selection selection, TraceCollector? trace)
    {
        int due = 0, met = 0;
        foreach (var report in selection.Reports)
        {
            foreach (var commitment in report.Commitments)
            {
                if (commitment.Due is not { } dueOn || dueOn > selection.CutOff)
                {
                    continue;
                }

                due++;
                trace?.Denominator.Add(commitment.Id);
                if (commitment.IsMet)
                {
                    met++;
                    trace?.Numerator.Add(commitment.Id);
                }
            }
        }

        return Ratio(IndicatorCodes.CommitmentsMet, met, due);
    }

    // I12: reports sent at most N working days after the space / spaces held.
    private IndicatorValue ReportTimeliness(Selection selection, TraceCollector? trace)
    {
        var timely = 0;
        foreach (var report in selection.Reports)
        {
            trace?.Denominator.Add(report.Id);
            if (report.SubmittedOn is { } submitted && selection.Index.WorkingDaysAfter(report.HeldOn, submitted) <= rules.ReportDueWorkingDays)
            {
                timely++;
                trace?.Numerator.Add(report.Id);
            }
        }

        return Ratio(IndicatorCodes.ReportTimeliness, timely, selection.Reports.Count);
    }

    // I13: reports with both evidence and publication of results / reports.
    private IndicatorValue EvidenceCompleteness(Selection selection, TraceCollector? trace)
    {
        var complete = 0;
        foreach (var report in selection.Reports)
        {
            trace?.Denominator.Add(report.Id);
            if (report.HasEvidence && report.HasPublication)
            {
                complete++;
                trace?.Numerator.Add(report.Id);
            }
        }

        return Ratio(IndicatorCodes.EvidenceCompleteness, complete, selection.Reports.Count);
    }

    // I14: total attendance (value); satisfaction is on the summary itself.
    private static IndicatorValue Attendance(Selection selection, TraceCollector? trace)
    {
        var total = 0;
        foreach (var report in selection.Reports)
        {
            total += report.Participants;
            trace?.Numerator.Add(report.Id);
        }

        return Count(IndicatorCodes.AttendanceAndSatisfaction, total);
    }

    private static IEnumerable<ItemFact> Items(Selection selection) => selection.Reports.SelectMany(r => r.Items);

    private IndicatorValue Ratio(string code, decimal numerator, decimal denominator)
    {
        decimal? value = denominator == 0 ? null : Math.Round(numerator / denominator, 4);
        return new IndicatorValue(code, numerator, denominator, value, rules.LightFor(value));
    }

    private static IndicatorValue Count(string code, int count) => new(code, null, null, count, TrafficLight.None);

    private static HeldBreakdown Breakdown(IReadOnlyList<ReportFact> reports)
    {
        var byPhase = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byKind = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byModality = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byLevel = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byArea = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var report in reports)
        {
            Increment(byPhase, report.Phase);
            Increment(byKind, report.Kind);
            Increment(byModality, report.Modality);
            Increment(byLevel, report.Level);
            Increment(byArea, report.Area);
        }

        return new HeldBreakdown(byPhase, byKind, byModality, byLevel, byArea);

        static void Increment(Dictionary<string, int> counts, string? key)
        {
            key ??= string.Empty;
            counts[key] = counts.TryGetValue(key, out var count) ? count + 1 : 1;
        }
    }

    /// <summary>Lookups built once per calculation and shared by every scope.</summary>
    private sealed class FactIndex
    {
        private readonly Dictionary<string, List<SpaceFact>> _spacesByArea = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<ReportFact>> _reportsByArea = new(StringComparer.OrdinalIgnoreCase);
        private readonly Func<DateOnly, DateOnly, int> _workingDaysAfter;

        // Distinct (from, to) pairs are few (days of one year), the calls many (every report and answer of every scope).
        private readonly Dictionary<(DateOnly From, DateOnly To), int> _workingDays = [];

        public FactIndex(ComplianceFacts facts, Func<DateOnly, DateOnly, int> workingDaysAfter)
        {
            Facts = facts;
            _workingDaysAfter = workingDaysAfter;
            FirstHeldOn = new Dictionary<string, DateOnly>(facts.Spaces.Count, StringComparer.Ordinal);
            foreach (var report in facts.Reports)
            {
                if (report.SpaceId is { } spaceId && (!FirstHeldOn.TryGetValue(spaceId, out var earlier) || report.HeldOn < earlier))
                {
                    FirstHeldOn[spaceId] = report.HeldOn;
                }

                Add(_reportsByArea, report.Area, report);
            }

            foreach (var space in facts.Spaces)
            {
                Add(_spacesByArea, space.Area, space);
            }

            ReportedSpaceIds = FirstHeldOn.Keys.ToHashSet(StringComparer.Ordinal);
            Areas = facts.Spaces.Select(s => s.Area)
                .Concat(facts.Reports.Select(r => r.Area))
                .Concat(facts.Activities.Select(a => a.Area))
                .Where(a => !string.IsNullOrWhiteSpace(a))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        public ComplianceFacts Facts { get; }

        public Dictionary<string, DateOnly> FirstHeldOn { get; }

        public HashSet<string> ReportedSpaceIds { get; }

        public IReadOnlyList<string> Areas { get; }

        public IReadOnlyList<SpaceFact> SpacesIn(string? area) =>
            area is null ? Facts.Spaces : _spacesByArea.TryGetValue(area, out var spaces) ? spaces : [];

        public IReadOnlyList<ReportFact> ReportsIn(string? area) =>
            area is null ? Facts.Reports : _reportsByArea.TryGetValue(area, out var reports) ? reports : [];

        public int WorkingDaysAfter(DateOnly from, DateOnly to)
        {
            if (!_workingDays.TryGetValue((from, to), out var days))
            {
                days = _workingDaysAfter(from, to);
                _workingDays[(from, to)] = days;
            }

            return days;
        }

        private static void Add<T>(Dictionary<string, List<T>> groups, string key, T value)
        {
            if (!groups.TryGetValue(key, out var list))
            {
                list = [];
                groups[key] = list;
            }

            list.Add(value);
        }
    }

    private sealed record Selection(
        FactIndex Index,
        DateOnly CutOff,
        bool IsPeriodOpen,
        IReadOnlyList<SpaceFact> Spaces,
        IReadOnlyList<ReportFact> Reports,
        IReadOnlyList<(ActivityFact Activity, MilestoneFact Milestone)> Milestones);

    private sealed class TraceCollector
    {
        public List<string> Numerator { get; } = [];

        public List<string> Denominator { get; } = [];
    }
}

namespace ParticipaBot.Core.Compliance;

/// <summary>
/// Pure arithmetic from facts to the indicators I1-I14 (DOMAIN.md; the counting rules are in
/// docs/indicators.md). Every figure can be explained: <see cref="Explain"/> runs the same selection as
/// <see cref="Summarize(ComplianceFacts, DateOnly, ComplianceScope)"/> and returns the ids it counted, so the two never disagree.
/// </summary>
/// <param name="rules">Thresholds, periods and phases.</param>
/// <param name="workingDaysAfter">Working days strictly after the first date up to and including the second (0 for the same day,
/// negative when the second is earlier). It must be additive (f(a, c) = f(a, b) + f(b, c)), as counting days is: the calculator
/// asks it day by day around the plan year and sums.</param>
public sealed class ComplianceCalculator(ComplianceRules rules, Func<DateOnly, DateOnly, int> workingDaysAfter)
{
    public ComplianceRules Rules => rules;

    /// <summary>The entity for the year, every period and every area, at <paramref name="asOf"/>.</summary>
    public ComplianceOverview Overview(ComplianceFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var index = new FactIndex(facts, rules, workingDaysAfter);
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
        return Summarize(new FactIndex(facts, rules, workingDaysAfter), asOf, scope);
    }

    /// <summary>The indicators of several scopes at <paramref name="asOf"/>, sharing one index (a card's entity and area lines).</summary>
    public IReadOnlyList<ComplianceSummary> Summarize(ComplianceFacts facts, DateOnly asOf, IEnumerable<ComplianceScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(scopes);
        var index = new FactIndex(facts, rules, workingDaysAfter);
        return [.. scopes.Select(scope => Summarize(index, asOf, scope))];
    }

    /// <summary>
    /// The same figures computed indicator by indicator through the traced selection that <see cref="Explain"/> uses.
    /// Slower; kept so tests can prove the single-pass <see cref="Summarize(ComplianceFacts, DateOnly, ComplianceScope)"/> agrees with it.
    /// </summary>
    internal IReadOnlyDictionary<string, IndicatorValue> SummarizeByIndicator(ComplianceFacts facts, DateOnly asOf, ComplianceScope scope)
    {
        var selection = Select(new FactIndex(facts, rules, workingDaysAfter), asOf, scope);
        return IndicatorCodes.All.ToDictionary(code => code, code => Compute(selection, code, trace: null), StringComparer.Ordinal);
    }

    /// <summary>Which ids one indicator of one scope counted.</summary>
    public IndicatorTrace Explain(ComplianceFacts facts, DateOnly asOf, ComplianceScope scope, string code)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var selection = Select(new FactIndex(facts, rules, workingDaysAfter), asOf, scope);
        var trace = new TraceCollector();
        _ = Compute(selection, code, trace);
        return new IndicatorTrace(code, trace.Numerator, trace.Denominator);
    }

    // One pass over the scope's reports and one over its spaces, on values the index derived once per report
    // (period, timeliness, ids of the expected groups, goals and phases, days to answer). Same rules as Compute;
    // SummarizeByIndicator is the indicator-by-indicator reference the tests compare it with.
    private ComplianceSummary Summarize(FactIndex index, DateOnly asOf, ComplianceScope scope)
    {
        var (cutOff, isOpen) = CutOff(index.Facts.PlanYear, asOf, scope);
        var year = index.Facts.PlanYear;
        int held = 0, participants = 0, satisfactionCount = 0, timely = 0, complete = 0, received = 0, answered = 0, due = 0, met = 0;
        decimal satisfactionSum = 0, taken = 0;
        var days = new List<int>();
        var groups = new bool[index.GroupCount];
        var goals = new bool[index.GoalCount];
        var phases = new bool[index.PhaseCount];
        var breakdown = new BreakdownCounter(index.KeyCount);
        // Only the index's flat arrays are read here: following each report's lists and objects costs more than the arithmetic.
        var cutOffDay = cutOff.DayNumber;
        var derivedReports = index.Derived;
        foreach (var i in index.ReportIndexesIn(scope))
        {
            ref readonly var derived = ref derivedReports[i];
            if (derived.HeldDay > cutOffDay || derived.HeldYear != year || (scope.Period is { } period && derived.Period != period))
            {
                continue;
            }

            held++;
            participants += derived.Participants;
            if (derived.HasSatisfaction)
            {
                satisfactionSum += derived.Satisfaction;
                satisfactionCount++;
            }

            if (derived.Timely)
            {
                timely++;
            }

            if (derived.Complete)
            {
                complete++;
            }

            for (var g = derived.GroupStart; g < derived.GroupEnd; g++)
            {
                groups[index.GroupIds[g]] = true;
            }

            for (var g = derived.GoalStart; g < derived.GoalEnd; g++)
            {
                goals[index.GoalIds[g]] = true;
            }

            if (derived.Phase >= 0)
            {
                phases[derived.Phase] = true;
            }

            for (var k = derived.DaysStart; k < derived.ItemEnd; k++)
            {
                received++;
                if (index.ItemAnsweredDay[k] <= cutOffDay)
                {
                    answered++;
                    days.Add(index.DaysToAnswer[k]);
                    taken += index.ItemUptake[k] switch
                    {
                        Uptake.Full => 1m,
                        Uptake.Partial => rules.PartialUptakeWeight,
                        _ => 0m,
                    };
                }
            }

            for (var c = derived.CommitStart; c < derived.CommitEnd; c++)
            {
                if (index.CommitmentDueDay[c] <= cutOffDay)
                {
                    due++;
                    if (index.CommitmentMet[c])
                    {
                        met++;
                    }
                }
            }

            breakdown.Add(in derived, i, index.Facts.Reports);
        }

        int planned = 0, plannedHeld = 0, heldScheduled = 0, onTime = 0;
        var overdue = new List<string>();
        foreach (var space in index.SpacesIn(scope.Area))
        {
            if (space.PlannedStart.Year != year || (scope.Period is { } period && rules.PeriodOf(space.PlannedStart) != period))
            {
                continue;
            }

            var reported = index.FirstHeldOn.TryGetValue(space.Id, out var heldOn);
            if (!space.IsCancelled && space.PlannedStart <= cutOff)
            {
                planned++;
                if (reported)
                {
                    plannedHeld++;
                }
                else
                {
                    overdue.Add(space.Id);
                }
            }

            if (reported && heldOn <= cutOff)
            {
                heldScheduled++;
                if (heldOn >= space.BaselineStart && heldOn <= space.BaselineEnd)
                {
                    onTime++;
                }
            }
        }

        var selection = new Selection(index, cutOff, isOpen, [], [], Milestones(index, scope, cutOff));
        var indicators = new Dictionary<string, IndicatorValue>(IndicatorCodes.All.Count, StringComparer.Ordinal)
        {
            [IndicatorCodes.ScheduleCompliance] = Ratio(IndicatorCodes.ScheduleCompliance, plannedHeld, planned),
            [IndicatorCodes.OnTime] = Ratio(IndicatorCodes.OnTime, onTime, heldScheduled),
            [IndicatorCodes.ActivitiesCompleted] = ActivitiesCompleted(selection, trace: null),
            [IndicatorCodes.SpacesHeld] = Count(IndicatorCodes.SpacesHeld, held),
            [IndicatorCodes.ValueGroupCoverage] = Ratio(IndicatorCodes.ValueGroupCoverage, groups.Count(x => x), groups.Length),
            [IndicatorCodes.CycleCoverage] = Ratio(IndicatorCodes.CycleCoverage, phases.Count(x => x), phases.Length),
            [IndicatorCodes.GoalsWithParticipation] = Ratio(IndicatorCodes.GoalsWithParticipation, goals.Count(x => x), goals.Length),
            [IndicatorCodes.AnswerRate] = Ratio(IndicatorCodes.AnswerRate, answered, received),
            [IndicatorCodes.Uptake] = Ratio(IndicatorCodes.Uptake, taken, received),
            [IndicatorCodes.MedianDaysToAnswer] = Median(days),
            [IndicatorCodes.CommitmentsMet] = Ratio(IndicatorCodes.CommitmentsMet, met, due),
            [IndicatorCodes.ReportTimeliness] = Ratio(IndicatorCodes.ReportTimeliness, timely, held),
            [IndicatorCodes.EvidenceCompleteness] = Ratio(IndicatorCodes.EvidenceCompleteness, complete, held),
            [IndicatorCodes.AttendanceAndSatisfaction] = Count(IndicatorCodes.AttendanceAndSatisfaction, participants),
        };

        return new ComplianceSummary(
            scope,
            asOf,
            cutOff,
            isOpen,
            indicators,
            breakdown.ToBreakdown(),
            participants,
            satisfactionCount == 0 ? null : Math.Round(satisfactionSum / satisfactionCount, 1),
            overdue);
    }

    private (DateOnly CutOff, bool IsOpen) CutOff(int year, DateOnly asOf, ComplianceScope scope)
    {
        var end = scope.Period is { } periodNumber ? rules.GetPeriod(periodNumber).End(year) : new DateOnly(year, 12, 31);
        return (end < asOf ? end : asOf, asOf < end);
    }

    private List<(ActivityFact Activity, MilestoneFact Milestone)> Milestones(FactIndex index, ComplianceScope scope, DateOnly cutOff)
    {
        var year = index.Facts.PlanYear;
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

        return milestones;
    }

    private static IndicatorValue Median(List<int> days)
    {
        if (days.Count == 0)
        {
            return new IndicatorValue(IndicatorCodes.MedianDaysToAnswer, null, null, null, TrafficLight.None);
        }

        days.Sort();
        var middle = days.Count / 2;
        decimal median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2m;
        return new IndicatorValue(IndicatorCodes.MedianDaysToAnswer, null, null, median, TrafficLight.None);
    }

    private Selection Select(FactIndex index, DateOnly asOf, ComplianceScope scope)
    {
        var year = index.Facts.PlanYear;
        var (cutOff, isOpen) = CutOff(year, asOf, scope);

        bool InPeriod(DateOnly date) =>
            date.Year == year && (scope.Period is null || rules.PeriodOf(date) == scope.Period);

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
        foreach (var i in index.ReportIndexesIn(scope))
        {
            var report = index.Facts.Reports[i];
            if (report.HeldOn <= cutOff && InPeriod(report.HeldOn))
            {
                reports.Add(report);
            }
        }

        return new Selection(index, cutOff, isOpen, spaces, reports, Milestones(index, scope, cutOff));
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
            if (selection.Index.IsReported(space.Id))
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

        return Median(days);
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

    /// <summary>What the index derives once per report for the single-pass summaries.</summary>
    /// <param name="Period">The evaluation period of the day held (0 outside the periods).</param>
    /// <param name="Timely">Sent within the working days allowed (I12).</param>
    /// <param name="Phase">Id of its phase among the rules' phases, or -1 (I6).</param>
    /// <param name="GroupStart">Its prioritised groups (I5) are GroupIds[GroupStart..GroupEnd).</param>
    /// <param name="GoalStart">Its plan goals (I7) are GoalIds[GoalStart..GoalEnd).</param>
    /// <param name="DaysStart">Working days from the space to each item's answer (I10) start at DaysToAnswer[DaysStart].</param>
    /// <param name="PhaseKey">Interned ids of phase, kind, modality, level and area (I4's breakdowns).</param>
    /// <remarks>A struct with offsets into shared lists: no allocation per report.</remarks>
    /// <param name="HeldDay">DayNumber of the day held; <paramref name="HeldYear"/> its year.</param>
    /// <param name="ItemEnd">Its items are [DaysStart..ItemEnd) in the index's item arrays.</param>
    /// <param name="CommitStart">Its commitments are [CommitStart..CommitEnd) in the index's commitment arrays.</param>
    private readonly record struct DerivedReport(
        int Period, bool Timely, int Phase, int GroupStart, int GroupEnd, int GoalStart, int GoalEnd, int DaysStart,
        int PhaseKey, int KindKey, int ModalityKey, int LevelKey, int AreaKey,
        int HeldDay, int HeldYear, int Participants, bool HasSatisfaction, decimal Satisfaction, bool Complete, int ItemEnd, int CommitStart, int CommitEnd);

    /// <summary>Lookups built once per calculation and shared by every scope.</summary>
    private sealed class FactIndex
    {
        private readonly Dictionary<string, List<SpaceFact>> _spacesByArea = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<int>> _reportsByArea = new(StringComparer.OrdinalIgnoreCase);
        private readonly Func<DateOnly, DateOnly, int> _workingDaysAfter;
        private readonly List<int> _allReports;
        private readonly Dictionary<int, List<int>> _reportsByPeriod = [];

        // Working days from the 1 January before the plan year to each day up to the 31 December after it.
        private readonly int _origin;
        private readonly int[] _runningTotal;

        // Distinct (from, to) pairs are few (days of one year), the calls many (every report and answer).
        private readonly Dictionary<(DateOnly From, DateOnly To), int> _workingDays = [];

        public FactIndex(ComplianceFacts facts, ComplianceRules rules, Func<DateOnly, DateOnly, int> workingDaysAfter)
        {
            Facts = facts;
            _workingDaysAfter = workingDaysAfter;
            var first = new DateOnly(facts.PlanYear - 1, 1, 1);
            _origin = first.DayNumber;
            _runningTotal = new int[new DateOnly(facts.PlanYear + 1, 12, 31).DayNumber - _origin + 1];
            for (var d = 1; d < _runningTotal.Length; d++)
            {
                _runningTotal[d] = _runningTotal[d - 1] + workingDaysAfter(first.AddDays(d - 1), first.AddDays(d));
            }

            FirstHeldOn = new Dictionary<string, DateOnly>(facts.Spaces.Count, StringComparer.Ordinal);
            var groupIds = Ids(facts.PrioritizedValueGroups, out var groupCount);
            var goalIds = Ids(facts.PlanGoals, out var goalCount);
            var phaseIds = Ids(rules.Phases, out var phaseCount);
            GroupCount = groupCount;
            GoalCount = goalCount;
            PhaseCount = phaseCount;
            var keys = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int Key(string? value)
            {
                value ??= string.Empty;
                if (!keys.TryGetValue(value, out var id))
                {
                    id = keys.Count;
                    keys[value] = id;
                }

                return id;
            }

            Derived = new DerivedReport[facts.Reports.Count];
            _allReports = new List<int>(facts.Reports.Count);
            for (var i = 0; i < facts.Reports.Count; i++)
            {
                var report = facts.Reports[i];
                _allReports.Add(i);
                if (report.SpaceId is { } spaceId && (!FirstHeldOn.TryGetValue(spaceId, out var earlier) || report.HeldOn < earlier))
                {
                    FirstHeldOn[spaceId] = report.HeldOn;
                }

                if (!_reportsByArea.TryGetValue(report.Area, out var list))
                {
                    list = [];
                    _reportsByArea[report.Area] = list;
                }

                list.Add(i);
                var reportPeriod = rules.PeriodOf(report.HeldOn);
                if (!_reportsByPeriod.TryGetValue(reportPeriod, out var byPeriod))
                {
                    byPeriod = [];
                    _reportsByPeriod[reportPeriod] = byPeriod;
                }

                byPeriod.Add(i);
                var daysStart = DaysToAnswer.Count;
                var items = report.Items;
                for (var k = 0; k < items.Count; k++)
                {
                    var item = items[k];
                    DaysToAnswer.Add(item.AnsweredOn is { } answeredOn ? WorkingDaysAfter(report.HeldOn, answeredOn) : 0);
                    ItemAnsweredDay.Add(item.AnsweredOn?.DayNumber ?? int.MaxValue);
                    ItemUptake.Add(item.Uptake);
                }

                var commitStart = CommitmentDueDay.Count;
                var commitments = report.Commitments;
                for (var c = 0; c < commitments.Count; c++)
                {
                    CommitmentDueDay.Add(commitments[c].Due?.DayNumber ?? int.MaxValue);
                    CommitmentMet.Add(commitments[c].IsMet);
                }

                var groupStart = GroupIds.Count;
                Lookup(report.ValueGroups, groupIds, GroupIds);
                var goalStart = GoalIds.Count;
                Lookup(report.Goals, goalIds, GoalIds);
                Derived[i] = new DerivedReport(
                    reportPeriod,
                    report.SubmittedOn is { } submitted && WorkingDaysAfter(report.HeldOn, submitted) <= rules.ReportDueWorkingDays,
                    phaseIds.TryGetValue(report.Phase ?? string.Empty, out var phase) ? phase : -1,
                    groupStart,
                    GroupIds.Count,
                    goalStart,
                    GoalIds.Count,
                    daysStart,
                    Key(report.Phase),
                    Key(report.Kind),
                    Key(report.Modality),
                    Key(report.Level),
                    Key(report.Area),
                    report.HeldOn.DayNumber,
                    report.HeldOn.Year,
                    report.Participants,
                    report.SatisfactionPercent is not null,
                    report.SatisfactionPercent ?? 0m,
                    report.HasEvidence && report.HasPublication,
                    DaysToAnswer.Count,
                    commitStart,
                    CommitmentDueDay.Count);
            }

            KeyCount = keys.Count;
            foreach (var space in facts.Spaces)
            {
                if (!_spacesByArea.TryGetValue(space.Area, out var list))
                {
                    list = [];
                    _spacesByArea[space.Area] = list;
                }

                list.Add(space);
            }

            // The groups' keys are each area's first spelling, as a Distinct over spaces, then reports, then activities keeps.
            Areas = _spacesByArea.Keys
                .Concat(_reportsByArea.Keys)
                .Concat(facts.Activities.Select(a => a.Area))
                .Where(a => !string.IsNullOrWhiteSpace(a))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        public ComplianceFacts Facts { get; }

        public DerivedReport[] Derived { get; }

        public List<int> GroupIds { get; } = [];

        public List<int> GoalIds { get; } = [];

        public List<int> DaysToAnswer { get; } = [];

        /// <summary>Per item: DayNumber of the answer, or int.MaxValue while unanswered.</summary>
        public List<int> ItemAnsweredDay { get; } = [];

        public List<Uptake> ItemUptake { get; } = [];

        /// <summary>Per commitment: DayNumber of its due date, or int.MaxValue without one.</summary>
        public List<int> CommitmentDueDay { get; } = [];

        public List<bool> CommitmentMet { get; } = [];

        public Dictionary<string, DateOnly> FirstHeldOn { get; }

        public IReadOnlyList<string> Areas { get; }

        public int GroupCount { get; }

        public int GoalCount { get; }

        public int PhaseCount { get; }

        public int KeyCount { get; }

        public IReadOnlyList<SpaceFact> SpacesIn(string? area) =>
            area is null ? Facts.Spaces : _spacesByArea.TryGetValue(area, out var spaces) ? spaces : [];

        /// <summary>The reports of the scope's area, or of its period for the whole entity (callers still filter by date).</summary>
        /// <remarks>A concrete list, so the hot loops enumerate with a struct enumerator.</remarks>
        public List<int> ReportIndexesIn(ComplianceScope scope) => scope switch
        {
            { Area: { } area } => _reportsByArea.TryGetValue(area, out var reports) ? reports : [],
            { Period: { } period } => _reportsByPeriod.TryGetValue(period, out var reports) ? reports : [],
            _ => _allReports,
        };

        public bool IsReported(string spaceId) => FirstHeldOn.ContainsKey(spaceId);

        public int WorkingDaysAfter(DateOnly from, DateOnly to)
        {
            // Inside the plan year and its neighbours: a difference of running totals (the function is additive).
            var a = from.DayNumber - _origin;
            var b = to.DayNumber - _origin;
            if ((uint)a < (uint)_runningTotal.Length && (uint)b < (uint)_runningTotal.Length)
            {
                return _runningTotal[b] - _runningTotal[a];
            }

            if (!_workingDays.TryGetValue((from, to), out var days))
            {
                days = _workingDaysAfter(from, to);
                _workingDays[(from, to)] = days;
            }

            return days;
        }

        // Expected values (case-insensitive, duplicates share an id) → id; the count is the distinct expected values.
        private static Dictionary<string, int> Ids(IReadOnlyList<string> expected, out int count)
        {
            var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in expected)
            {
                ids.TryAdd(value, ids.Count);
            }

            count = ids.Count;
            return ids;
        }

        private static void Lookup(IReadOnlyList<string> values, Dictionary<string, int> ids, List<int> found)
        {
            for (var v = 0; v < values.Count; v++)
            {
                if (ids.TryGetValue(values[v], out var id))
                {
                    found.Add(id);
                }
            }
        }
    }

    /// <summary>I4's breakdowns counted on interned ids; each key is written as first seen in the scope.</summary>
    private sealed class BreakdownCounter(int keyCount)
    {
        private readonly int[][] _counts = [.. Enumerable.Range(0, 5).Select(_ => new int[keyCount])];
        private readonly string?[][] _names = [.. Enumerable.Range(0, 5).Select(_ => new string?[keyCount])];
        private readonly List<int>[] _order = [.. Enumerable.Range(0, 5).Select(_ => new List<int>())];

        public void Add(in DerivedReport derived, int reportIndex, IReadOnlyList<ReportFact> reports)
        {
            Count(0, derived.PhaseKey, reportIndex, reports);
            Count(1, derived.KindKey, reportIndex, reports);
            Count(2, derived.ModalityKey, reportIndex, reports);
            Count(3, derived.LevelKey, reportIndex, reports);
            Count(4, derived.AreaKey, reportIndex, reports);
        }

        public HeldBreakdown ToBreakdown() => new(Dictionary(0), Dictionary(1), Dictionary(2), Dictionary(3), Dictionary(4));

        // The report is read only when a key is first seen in the scope, for its spelling.
        private void Count(int dimension, int key, int reportIndex, IReadOnlyList<ReportFact> reports)
        {
            if (_counts[dimension][key]++ == 0)
            {
                var report = reports[reportIndex];
                _names[dimension][key] = dimension switch
                {
                    0 => report.Phase,
                    1 => report.Kind,
                    2 => report.Modality,
                    3 => report.Level,
                    _ => report.Area,
                } ?? string.Empty;
                _order[dimension].Add(key);
            }
        }

        private Dictionary<string, int> Dictionary(int dimension)
        {
            var result = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in _order[dimension])
            {
                result[_names[dimension][key]!] = _counts[dimension][key];
            }

            return result;
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

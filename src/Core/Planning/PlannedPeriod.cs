namespace ParticipaBot.Core.Planning;

/// <summary>The forms a planned period takes in real plans.</summary>
public enum PeriodKind
{
    /// <summary>One day, with or without time ("Viernes 24 de Noviembre de 2023 - 09:00 AM").</summary>
    ExactDate,

    /// <summary>Consecutive or listed days ("19 y 20 de abril", "22 al 28 de abril de 2017").</summary>
    DateRange,

    /// <summary>One month ("Marzo de 2022").</summary>
    Month,

    /// <summary>From one month to another ("Marzo de 2022" .. "Noviembre de 2022").</summary>
    MonthRange,

    /// <summary>One or several cuatrimestres (Jan-Apr, May-Aug, Sep-Dec); one milestone per cuatrimestre.</summary>
    Cuatrimestres,

    /// <summary>A quarter (trimestre).</summary>
    Quarter,

    /// <summary>A semester.</summary>
    Semester,

    /// <summary>The whole year (vigencia).</summary>
    Year,

    /// <summary>Recurring within the year ("mensual", "trimestral", "permanente").</summary>
    Recurring,

    /// <summary>Written as "por definir": no dates yet, on purpose.</summary>
    ToBeDefined,
}

/// <summary>
/// A planned period normalised to {kind, start, end, original text}. Start and End are inclusive days and are
/// null only for <see cref="PeriodKind.ToBeDefined"/>. The original text is kept beside what was understood.
/// </summary>
/// <param name="Kind">Which form it had.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day.</param>
/// <param name="OriginalText">Exactly what the source wrote.</param>
/// <param name="Time">Start time when one was written.</param>
/// <param name="Cuatrimestres">For <see cref="PeriodKind.Cuatrimestres"/>: the marked cuatrimestres (1..3), ascending.</param>
/// <param name="Recurrence">For <see cref="PeriodKind.Recurring"/>: "mensual", "trimestral", ...</param>
public sealed record PlannedPeriod(
    PeriodKind Kind,
    DateOnly? Start,
    DateOnly? End,
    string OriginalText,
    TimeOnly? Time = null,
    IReadOnlyList<int>? Cuatrimestres = null,
    string? Recurrence = null)
{
    /// <summary>First day of cuatrimestre 1..3 of the year.</summary>
    public static DateOnly CuatrimestreStart(int year, int cuatrimestre) => new(year, ((cuatrimestre - 1) * 4) + 1, 1);

    /// <summary>Last day of cuatrimestre 1..3 of the year (30 Apr, 31 Aug, 31 Dec: the internal-control cut-offs).</summary>
    public static DateOnly CuatrimestreEnd(int year, int cuatrimestre) => LastDayOfMonth(year, cuatrimestre * 4);

    /// <summary>The cuatrimestre (1..3) a date falls in.</summary>
    public static int CuatrimestreOf(DateOnly date) => ((date.Month - 1) / 4) + 1;

    /// <summary>Last day of a month.</summary>
    public static DateOnly LastDayOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>A period made of the marked cuatrimestres of a year.</summary>
    public static PlannedPeriod ForCuatrimestres(int year, IReadOnlyList<int> cuatrimestres, string originalText)
    {
        ArgumentNullException.ThrowIfNull(cuatrimestres);
        if (cuatrimestres.Count == 0 || cuatrimestres.Any(c => c is < 1 or > 3))
        {
            throw new ArgumentException("Cuatrimestres must be 1, 2 or 3.", nameof(cuatrimestres));
        }

        var sorted = cuatrimestres.Distinct().Order().ToArray();
        return new PlannedPeriod(PeriodKind.Cuatrimestres, CuatrimestreStart(year, sorted[0]), CuatrimestreEnd(year, sorted[^1]), originalText, Cuatrimestres: sorted);
    }

    /// <summary>Whether the day falls within the period (false for periods to be defined).</summary>
    public bool Contains(DateOnly day) => Start is { } s && End is { } e && day >= s && day <= e;

    /// <summary>
    /// Expected milestones: one per marked cuatrimestre; otherwise one at the end of the period; none when to be defined.
    /// </summary>
    public IReadOnlyList<Milestone> ExpectedMilestones()
    {
        if (Kind == PeriodKind.Cuatrimestres && Cuatrimestres is { Count: > 0 } marked && Start is { } start)
        {
            return [.. marked.Select(c => new Milestone($"Cuatrimestre {c}", CuatrimestreEnd(start.Year, c), c))];
        }

        return End is { } end ? [new Milestone(OriginalText.Trim(), end, CuatrimestreOf(end))] : [];
    }

    /// <inheritdoc />
    public bool Equals(PlannedPeriod? other) =>
        other is not null
        && Kind == other.Kind
        && Start == other.Start
        && End == other.End
        && Time == other.Time
        && string.Equals(OriginalText, other.OriginalText, StringComparison.Ordinal)
        && string.Equals(Recurrence, other.Recurrence, StringComparison.Ordinal)
        && (Cuatrimestres ?? []).SequenceEqual(other.Cuatrimestres ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Start, End, Time, OriginalText);
}

namespace ParticipaBot.Core.Planning;

/// <summary>
/// The participation strategy of one entity for one year (vigencia): components or strategic lines, their
/// activities, and the schedule of participation spaces (the cronograma). Stored as one partition per plan.
/// </summary>
/// <param name="Id">Deterministic: <c>plan-{entityId}-{year}</c> (see <see cref="PlanIds"/>).</param>
/// <param name="EntityId">The entity's short, configured identifier (e.g. "mintrabajo").</param>
/// <param name="Year">The vigencia; dates written without a year belong to it.</param>
/// <param name="Title">The title the published table carries, or a default.</param>
/// <param name="GeneralObjective">The plan's general objective when the table states one.</param>
/// <param name="Components">Components or strategic lines, in the order of the source.</param>
/// <param name="Spaces">The scheduled participation spaces.</param>
/// <param name="SourceName">The file the plan came from (name only), for traceability.</param>
public sealed record Plan(
    string Id,
    string EntityId,
    int Year,
    string Title,
    string? GeneralObjective,
    IReadOnlyList<PlanComponent> Components,
    IReadOnlyList<ScheduledSpace> Spaces,
    string? SourceName = null)
{
    /// <summary>Every activity of every component, in order.</summary>
    public IEnumerable<PlanActivity> Activities => Components.SelectMany(c => c.Activities);

    /// <summary>The activity with that id or number ("2.1"), or null.</summary>
    public PlanActivity? FindActivity(string idOrNumber) =>
        Activities.FirstOrDefault(a => string.Equals(a.Id, idOrNumber, StringComparison.Ordinal)
            || string.Equals(a.Number, idOrNumber.Trim(), StringComparison.Ordinal));
}

/// <summary>A component (Mintrabajo) or strategic line (MinCIT) of the plan.</summary>
/// <param name="Id">Deterministic: <c>{planId}-c{number}</c>.</param>
/// <param name="Number">1-based position in the plan, or the number the source writes ("Línea Estratégica 3.").</param>
/// <param name="Name">The title without numbering or HTML remnants.</param>
/// <param name="Objective">The strategic objective when the source has one.</param>
/// <param name="Activities">Its activities, in order.</param>
public sealed record PlanComponent(string Id, int Number, string Name, string? Objective, IReadOnlyList<PlanActivity> Activities);

/// <summary>One activity of the plan, the unit whose progress delegates report.</summary>
/// <param name="Id">Deterministic: <c>{planId}-c{component}-a{activity}</c>.</param>
/// <param name="Number">"component.activity", e.g. "2.1".</param>
/// <param name="Description">What is to be done.</param>
/// <param name="Product">Goal / product / deliverable.</param>
/// <param name="LeaderArea">The area that leads it (null when the source names none).</param>
/// <param name="SupportAreas">Areas that support ("Apoya ...").</param>
/// <param name="Period">When it is planned.</param>
/// <param name="Milestones">Expected milestones: one per marked cuatrimestre, otherwise one at the end of the period.</param>
/// <param name="Source">Where in the source file it came from.</param>
public sealed record PlanActivity(
    string Id,
    string Number,
    string Description,
    string? Product,
    string? LeaderArea,
    IReadOnlyList<string> SupportAreas,
    PlannedPeriod Period,
    IReadOnlyList<Milestone> Milestones,
    SourceLocation? Source = null)
{
    /// <summary>Leader first, then support areas: everyone who may report on it.</summary>
    public IEnumerable<string> Areas => LeaderArea is null ? SupportAreas : SupportAreas.Prepend(LeaderArea);
}

/// <summary>An expected milestone of an activity: what compliance (I3) checks at each cut-off.</summary>
/// <param name="Label">"Cuatrimestre 2", "Noviembre de 2022", ...</param>
/// <param name="Due">The last day on which it is still on time.</param>
/// <param name="Cuatrimestre">1..3 when the milestone comes from a cuatrimestre mark.</param>
public sealed record Milestone(string Label, DateOnly Due, int? Cuatrimestre = null);

/// <summary>Row and column (1-based) of a cell in the imported file; Column is the header text when known.</summary>
public sealed record SourceLocation(int Row, int? Column = null, string? ColumnName = null)
{
    /// <inheritdoc />
    public override string ToString() => Column is null
        ? $"fila {Row}"
        : ColumnName is null ? $"fila {Row}, columna {Column}" : $"fila {Row}, columna {Column} ({ColumnName})";
}

/// <summary>Status of a scheduled space. Rescheduling keeps the original period as baseline and needs a reason.</summary>
public enum SpaceStatus
{
    /// <summary>Planned (programado).</summary>
    Programado,

    /// <summary>Invitations sent (convocado).</summary>
    Convocado,

    /// <summary>Held (realizado).</summary>
    Realizado,

    /// <summary>Moved to another date (reprogramado).</summary>
    Reprogramado,

    /// <summary>Will not be held (cancelado).</summary>
    Cancelado,
}

/// <summary>A participation space in the schedule (cronograma).</summary>
/// <param name="Id">Stable id: given by the file, or derived from the plan, name and planned date.</param>
/// <param name="ActivityId">The plan activity it serves, when known.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Menú Participa section (catalogue "kinds").</param>
/// <param name="Phase">Management-cycle phase code (DIAGNOSTICO, FORMULACION, IMPLEMENTACION, SEGUIMIENTO_EVALUACION).</param>
/// <param name="Level">Participation level.</param>
/// <param name="Modality">presencial, virtual, mixta.</param>
/// <param name="Format">audiencia pública, foro, taller, ...</param>
/// <param name="ActorGroups">Target value groups, actor-type axis.</param>
/// <param name="PopulationGroups">Target value groups, population-focus axis.</param>
/// <param name="Goals">Institutional goals / topics.</param>
/// <param name="LeaderArea">Area that leads it.</param>
/// <param name="ResponsiblePeople">People responsible (names, UPNs or e-mails as written).</param>
/// <param name="Period">Planned date or period; its time, if any, is in <see cref="PlannedPeriod.Time"/>.</param>
/// <param name="Place">Place or municipality ("Pte por definir" kept as written).</param>
/// <param name="Link">Meeting or registration link.</param>
/// <param name="Channel">Teams channel to notify.</param>
/// <param name="Status">Current status.</param>
/// <param name="Baseline">The originally planned period, set on the first rescheduling.</param>
/// <param name="RescheduleReason">Why it was rescheduled or cancelled.</param>
/// <param name="Source">Where in the imported file it came from.</param>
/// <param name="Version">Grows by one on every change made from Teams (calendar transaction ids and channel card updates use it).</param>
public sealed record ScheduledSpace(
    string Id,
    string? ActivityId,
    string Name,
    string? Kind,
    string? Phase,
    string? Level,
    string? Modality,
    string? Format,
    IReadOnlyList<string> ActorGroups,
    IReadOnlyList<string> PopulationGroups,
    IReadOnlyList<string> Goals,
    string? LeaderArea,
    IReadOnlyList<string> ResponsiblePeople,
    PlannedPeriod Period,
    string? Place,
    string? Link,
    string? Channel,
    SpaceStatus Status = SpaceStatus.Programado,
    PlannedPeriod? Baseline = null,
    string? RescheduleReason = null,
    SourceLocation? Source = null,
    int Version = 1)
{
    /// <summary>
    /// Moves the space to a new period. The first rescheduling keeps the original period as baseline, so that
    /// "on time" (I2) is measured against what was first promised.
    /// </summary>
    public ScheduledSpace Reschedule(PlannedPeriod newPeriod, string reason)
    {
        ArgumentNullException.ThrowIfNull(newPeriod);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Reprogramar exige un motivo / rescheduling needs a reason.", nameof(reason));
        }

        return this with { Baseline = Baseline ?? Period, Period = newPeriod, Status = SpaceStatus.Reprogramado, RescheduleReason = reason.Trim() };
    }
}

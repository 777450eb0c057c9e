using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>Who acts on a report.</summary>
public enum ReportActorRole
{
    /// <summary>Area delegate: fills in and submits the reports of the area.</summary>
    Delegate,

    /// <summary>Coordinator: approves or returns; may also submit on an area's behalf.</summary>
    Coordinator,

    /// <summary>Internal control: reads only.</summary>
    InternalControl,
}

/// <summary>What someone does to a report.</summary>
public enum ReportAction
{
    Edit,
    Submit,
    Approve,
    Return,
}

/// <summary>The outcome of a transition: the new report, or why it was refused.</summary>
public sealed record TransitionResult(ParticipationReport? Report, LocalizedText? Refusal)
{
    public bool Succeeded => Report is not null;

    /// <summary>The field errors when a submit was refused as incomplete.</summary>
    public ValidationResult Validation { get; init; } = ValidationResult.Valid;
}

/// <summary>
/// The report's lifecycle: borrador → enviado → aprobado | devuelto (with a comment) → enviado again. Editing and
/// submitting are refused once the four-month period (cuatrimestre) of the space has closed, unless a coordinator has
/// unlocked it; approving and returning remain possible (reviewing does not change what was reported).
/// </summary>
public static class ReportWorkflow
{
    public const int MaxCommentLength = 2000;

    /// <summary>Whether the action is allowed from this status for this role, lock aside.</summary>
    public static bool IsAllowed(ReportStatus from, ReportAction action, ReportActorRole role) => (action, role) switch
    {
        (_, ReportActorRole.InternalControl) => false,
        (ReportAction.Edit, _) => true,
        (ReportAction.Submit, _) => from is ReportStatus.Borrador or ReportStatus.Devuelto,
        (ReportAction.Approve or ReportAction.Return, ReportActorRole.Coordinator) => from == ReportStatus.Enviado,
        _ => false,
    };

    /// <summary>
    /// Applies an action. Submitting expects a report that passed <see cref="ReportValidator.ValidateComplete"/>.
    /// An edit of a sent or approved report (answers added later) sends it back for review as enviado.
    /// </summary>
    public static TransitionResult Apply(
        ParticipationReport report,
        ReportAction action,
        ReportActorRole role,
        DateOnly today,
        DateTimeOffset now,
        bool unlocked = false,
        string? comment = null,
        CuatrimestreCalendar? periods = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!IsAllowed(report.Status, action, role))
        {
            var status = DefaultVocabularies.ReportStatus.Find(report.Status.ToCode())!.Label;
            return Refuse(
                $"No se puede {Verb(action).Es} un reporte en estado «{status.Es}» con su rol.",
                $"You cannot {Verb(action).En} a report in status \"{status.En}\" with your role.");
        }

        if (action is ReportAction.Edit or ReportAction.Submit && ReportLock.IsLocked(report.LastDayHeld, today, unlocked, periods: periods))
        {
            var end = ReportValues.Date(ReportLock.PeriodEnd(report.LastDayHeld, periods));
            return Refuse(
                $"El cuatrimestre de este espacio cerró el {end}; pida a la coordinación que lo desbloquee.",
                $"The four-month period of this space closed on {end}; ask the coordinators to unlock it.");
        }

        switch (action)
        {
            case ReportAction.Edit:
                return Ok(report.Status is ReportStatus.Enviado or ReportStatus.Aprobado ? report with { Status = ReportStatus.Enviado } : report);
            case ReportAction.Submit:
                return Ok(report with { Status = ReportStatus.Enviado, SubmittedAt = now, FirstSubmittedAt = report.FirstSubmittedAt ?? now });
            case ReportAction.Approve:
                return Ok(report with { Status = ReportStatus.Aprobado, ReturnComment = null });
            default:
                var text = comment?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return Refuse("Para devolver un reporte escriba un comentario que diga qué corregir.", "To return a report, write a comment saying what to fix.");
                }

                if (text.Length > MaxCommentLength)
                {
                    return Refuse($"El comentario tiene {text.Length} caracteres; el máximo es {MaxCommentLength}.", $"The comment has {text.Length} characters; the maximum is {MaxCommentLength}.");
                }

                return Ok(report with { Status = ReportStatus.Devuelto, ReturnComment = text });
        }
    }

    /// <summary>Submits after checking the report is complete (<see cref="ReportValidator.ValidateComplete"/>) in this context.</summary>
    public static TransitionResult Submit(
        ParticipationReport report,
        ReportActorRole role,
        ReportValidationContext context,
        DateTimeOffset now,
        bool unlocked = false,
        ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        var validation = ReportValidator.ValidateComplete(report, context, form);
        if (!validation.IsValid)
        {
            return Incomplete(validation);
        }

        return Apply(report, ReportAction.Submit, role, context.Today, now, unlocked, periods: context.Periods);
    }

    /// <summary>
    /// Submits a report <see cref="ReportBuilder.Build"/> has just built: the builder's validation of the draft stands for
    /// <see cref="ReportValidator.ValidateComplete"/>, as the report was read from exactly the values it checked (the
    /// report is not flattened and checked a second time in the same turn).
    /// </summary>
    public static TransitionResult Submit(ReportBuildResult built, ReportActorRole role, ReportValidationContext context, DateTimeOffset now, bool unlocked = false)
    {
        ArgumentNullException.ThrowIfNull(built);
        ArgumentNullException.ThrowIfNull(context);
        if (built.Report is not { } report || !built.Validation.IsValid)
        {
            return Incomplete(built.Validation);
        }

        return Apply(report, ReportAction.Submit, role, context.Today, now, unlocked, periods: context.Periods);
    }

    private static TransitionResult Incomplete(ValidationResult validation) =>
        new(null, new LocalizedText(
            $"El reporte está incompleto: corrija {validation.Errors.Count} campo(s) señalado(s).",
            $"The report is incomplete: fix the {validation.Errors.Count} field(s) shown."))
        { Validation = validation };

    private static (string Es, string En) Verb(ReportAction action) => action switch
    {
        ReportAction.Edit => ("editar", "edit"),
        ReportAction.Submit => ("enviar", "submit"),
        ReportAction.Approve => ("aprobar", "approve"),
        _ => ("devolver", "return"),
    };

    private static TransitionResult Ok(ParticipationReport report) => new(report, null);

    private static TransitionResult Refuse(string es, string en) => new(null, new LocalizedText(es, en));
}

/// <summary>
/// The lock rule: a report can be changed until its cuatrimestre closes (30 Apr, 31 Aug, 31 Dec by default, the internal
/// control cut-offs), plus optional grace days; a coordinator's unlock lifts it.
/// </summary>
public static class ReportLock
{
    /// <summary>The last day of the period a date falls in.</summary>
    public static DateOnly PeriodEnd(DateOnly date, CuatrimestreCalendar? periods = null) =>
        (periods ?? CuatrimestreCalendar.Default).Of(date).End;

    public static bool IsLocked(DateOnly heldOn, DateOnly today, bool unlocked, int graceDays = 0, CuatrimestreCalendar? periods = null) =>
        !unlocked && today > PeriodEnd(heldOn, periods).AddDays(graceDays);
}

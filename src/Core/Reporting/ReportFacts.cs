using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// The one mapper from reports to the facts the compliance calculator reads: which reports count (enviado and
/// aprobado), how an answer counts as uptake, when a commitment is met, what counts as evidence and publication.
/// </summary>
public static class ReportFacts
{
    /// <summary>Whether a report counts towards compliance: sent or approved (drafts and returned ones do not).</summary>
    public static bool Counts(ParticipationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status is ReportStatus.Enviado or ReportStatus.Aprobado;
    }

    /// <summary>The fact of a report that counts, or null for one that does not.</summary>
    public static ReportFact? ToFact(ParticipationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!Counts(report))
        {
            return null;
        }

        var submitted = report.FirstSubmittedAt ?? report.SubmittedAt;
        return new ReportFact(
            report.Id,
            report.SpaceId,
            report.LeaderArea,
            report.HeldFrom,
            submitted is { } at ? DateOnly.FromDateTime(BogotaTime.ToBogota(at).DateTime) : null,
            report.Phase,
            report.Kind,
            report.Modality,
            report.Level,
            [.. report.ActorTypes.Concat(report.PopulationFocus).Distinct(StringComparer.Ordinal)],
            report.Goals,
            [.. report.Items.Select((item, i) => ToFact(report.Id, i, item))],
            [.. report.Commitments.Select((c, i) => new CommitmentFact($"{report.Id}/commitments/{i}", c.Due, c.Status == CommitmentStatus.Cumplido))],
            report.Evidence.Count > 0,
            report.Publication?.Link is not null,
            report.Participants.Total,
            report.ParticipantEvaluation?.SatisfactionPercent);
    }

    /// <summary>The facts of the reports that count.</summary>
    public static IReadOnlyList<ReportFact> ToFacts(IEnumerable<ParticipationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return [.. reports.Select(ToFact).OfType<ReportFact>()];
    }

    /// <summary>How a decision counts in the uptake indicator (I9); "en estudio" and no answer are pending.</summary>
    public static Uptake UptakeOf(ItemAnswer? answer) => answer?.Decision switch
    {
        AnswerDecision.Acogida => Uptake.Full,
        AnswerDecision.AcogidaParcial => Uptake.Partial,
        AnswerDecision.NoAcogida or AnswerDecision.NoAplica => Uptake.NotTaken,
        _ => Uptake.Pending,
    };

    /// <summary>The progress reported for one activity milestone (0..1).</summary>
    public static MilestoneFact ToMilestone(ActivityProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new MilestoneFact(progress.Cuatrimestre, Math.Clamp(progress.Percentage, 0, 100) / 100m);
    }

    private static ItemFact ToFact(string reportId, int index, ReportItem item)
    {
        var uptake = UptakeOf(item.Answer);
        var answeredOn = uptake == Uptake.Pending ? null : item.Answer?.AnsweredOn;
        return new ItemFact($"{reportId}/items/{index}", answeredOn, uptake);
    }
}

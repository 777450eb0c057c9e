using ParticipaBot.Bot.Cards.Review;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Review;

/// <summary>"mis informes": the user's submitted reports (their own, or their areas'; everything for coordinators and internal control).</summary>
internal sealed class MyReportsCommandHandler(ReviewSession session, IReportRepository reports) : ICommandHandler
{
    public CommandDescriptor Command => ReviewCommands.MyReports;

    public async Task HandleAsync(TurnContext context)
    {
        var actor = session.Actor(context);
        if (actor.Roles.IsNobody)
        {
            await session.RefuseAsync(context, Command.Id, "no role", ReviewTexts.NoRole);
            return;
        }

        var all = await reports.ListAsync(session.EntityId, session.Year, context.CancellationToken);
        var mine = all
            .Where(r => r.Status != ReportStatus.Borrador)
            .Where(r => string.Equals(r.SubmittedBy, actor.Key, StringComparison.OrdinalIgnoreCase)
                || actor.Roles.IsDelegateOf(r.LeaderArea)
                || (actor.SeesAll && actor.Roles.DelegateAreas.Count == 0))
            .OrderByDescending(r => r.HeldFrom)
            .ToList();
        await context.RespondWithCardAsync(ReportListCard.Build(context.Language, mine, forApproval: false, session.Year));
    }
}

/// <summary>"por aprobar": coordinators see the sent reports, oldest submission first, with approve and return.</summary>
internal sealed class ToApproveCommandHandler(ReviewSession session, IReportRepository reports) : ICommandHandler
{
    public CommandDescriptor Command => ReviewCommands.ToApprove;

    public async Task HandleAsync(TurnContext context)
    {
        var actor = session.Actor(context);
        if (!await session.RequireCoordinatorAsync(context, actor, Command.Id))
        {
            return;
        }

        var sent = (await reports.ListAsync(session.EntityId, session.Year, context.CancellationToken))
            .Where(r => r.Status == ReportStatus.Enviado)
            .OrderBy(r => r.SubmittedAt)
            .ToList();
        await context.RespondWithCardAsync(ReportListCard.Build(context.Language, sent, forApproval: true, session.Year));
    }
}

/// <summary>"responder propuestas": the reports of the user's areas with contributions still waiting for an answer.</summary>
internal sealed class AnswerProposalsCommandHandler(ReviewSession session, IReportRepository reports) : ICommandHandler
{
    public CommandDescriptor Command => ReviewCommands.AnswerProposals;

    public async Task HandleAsync(TurnContext context)
    {
        var actor = session.Actor(context);
        if (!await session.RequireWriterAsync(context, actor, Command.Id))
        {
            return;
        }

        var pending = (await reports.ListAsync(session.EntityId, session.Year, context.CancellationToken))
            .Where(r => r.Status != ReportStatus.Borrador && actor.MayChange(r) && ReportAnswers.HasPending(r))
            .OrderBy(r => r.HeldFrom)
            .ToList();
        await context.RespondWithCardAsync(AnswersCard.BuildList(context.Language, pending));
    }
}

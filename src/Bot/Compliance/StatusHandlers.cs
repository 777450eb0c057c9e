using System.Globalization;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Compliance;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Compliance;

/// <summary>Resolves, for one turn, the snapshot and what the asker may see in this conversation.</summary>
internal sealed class StatusContext(ComplianceService compliance, IRoleResolver roles, IOptions<ComplianceOptions> options)
{
    public ComplianceAccess AccessFor(TurnContext context)
    {
        var userRoles = roles.For(context.User);
        return ComplianceAccess.For(userRoles, context.IsPersonal, options.Value.AreaBoundTo(context.Conversation.ConversationId));
    }

    public Task<ComplianceSnapshot?> LoadAsync(TurnContext context) => compliance.LoadAsync(cancellationToken: context.CancellationToken);

    public int Year => compliance.Today.Year;
}

/// <summary>"estado" / "resumen" / "status" [área] [cuatrimestre], and "¿cómo vamos?".</summary>
internal sealed class StatusCommandHandler(StatusContext status) : ICommandHandler
{
    public static readonly CommandDescriptor Descriptor = BotCommands.Status with
    {
        SpanishNames = [.. BotCommands.Status.SpanishNames, "¿cómo vamos?", "cómo vamos?", "¿cómo vamos", "cómo vamos"],
        EnglishNames = [.. BotCommands.Status.EnglishNames, "how are we doing?", "how are we doing"],
    };

    public CommandDescriptor Command => Descriptor;

    public async Task HandleAsync(TurnContext context)
    {
        var snapshot = await status.LoadAsync(context);
        if (snapshot is null)
        {
            await context.RespondWithTextAsync(ComplianceTexts.NoPlan.Filled(status.Year));
            return;
        }

        var query = StatusQuery.Parse(context.CommandArguments, snapshot.Areas, snapshot.Calculator.Rules.Periods.Count);
        if (!query.IsUnderstood)
        {
            var text = query.AmbiguousAreas.Count > 1
                ? ComplianceTexts.AmbiguousArea.Format(context.Language, query.UnmatchedText, string.Join(", ", query.AmbiguousAreas.Take(5)))
                : ComplianceTexts.UnknownArea.Format(context.Language, query.UnmatchedText);
            await context.RespondWithTextAsync(new LocalizedText("status.query", text, text));
            return;
        }

        var access = status.AccessFor(context);
        if (!access.CanSeeArea(query.Area))
        {
            await context.RespondWithTextAsync(ComplianceTexts.AreaNotAllowed);
            return;
        }

        await context.RespondWithCardAsync(StatusCards.Summary(context.Language, snapshot, access, new ComplianceScope(query.Period, query.Area)));
    }
}

/// <summary>
/// The drill-down buttons. The area and period arrive in the button's data, which a client can forge, so each press
/// checks the asker's access again; a refused area gets the same answer whether or not it exists.
/// </summary>
internal sealed class StatusActionHandler(StatusContext status) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs => StatusVerbs.All as IReadOnlyCollection<string> ?? [.. StatusVerbs.All];

    public async Task HandleAsync(TurnContext context, CardAction action)
    {
        var area = action.GetString("area") is { Length: > 0 } a ? a.Trim() : null;
        var period = int.TryParse(action.GetString("period"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        var access = status.AccessFor(context);
        if (!access.CanSeeArea(area))
        {
            await context.RespondWithTextAsync(ComplianceTexts.AreaNotAllowed);
            return;
        }

        var snapshot = await status.LoadAsync(context);
        if (snapshot is null)
        {
            await context.RespondWithTextAsync(ComplianceTexts.NoPlan.Filled(status.Year));
            return;
        }

        if (period is { } number && !snapshot.Calculator.Rules.Periods.Any(x => x.Number == number))
        {
            period = null;
        }

        // A forged area name that is not in the catalogue is refused like one the asker may not see.
        if (area is not null)
        {
            area = snapshot.Areas.FirstOrDefault(x => Core.Text.TextFolding.EqualsFolded(x, area));
            if (area is null)
            {
                await context.RespondWithTextAsync(ComplianceTexts.AreaNotAllowed);
                return;
            }
        }

        var scope = new ComplianceScope(period, area);
        if (action.Verb == StatusVerbs.Scope)
        {
            await context.RespondWithCardAsync(StatusCards.Summary(context.Language, snapshot, access, scope));
            return;
        }

        if (!access.AllAreas && access.Areas.Count == 0)
        {
            await context.RespondWithTextAsync(ComplianceTexts.ListNotAllowed);
            return;
        }

        var summary = snapshot.Calculator.Summarize(snapshot.Facts, snapshot.AsOf, scope);
        var language = context.Language;
        var card = action.Verb switch
        {
            StatusVerbs.Overdue => StatusCards.List(language, ComplianceTexts.OverdueTitle, scope,
                [.. StatusCards.VisibleOverdue(snapshot, access, summary).Select(s => (s.Name, ComplianceTexts.OverdueLine.Format(language, s.Area, s.Phase, s.PlannedStart.ToDateTime(TimeOnly.MinValue))))]),
            StatusVerbs.Proposals => StatusCards.List(language, ComplianceTexts.ProposalsTitle, scope,
                [.. StatusCards.VisibleReports(snapshot, access, scope, summary.CutOff)
                    .SelectMany(r => r.Items.Where(i => ReportFacts.UptakeOf(i.Answer) == Uptake.Pending).Select(i => (r.Name, $"{r.LeaderArea} · {Shorten(i.Text)}")))]),
            _ => StatusCards.List(language, ComplianceTexts.HeldTitle, scope,
                [.. StatusCards.VisibleReports(snapshot, access, scope, summary.CutOff).Select(r => (r.Name, HeldDetail(language, r)))]),
        };
        await context.RespondWithCardAsync(card);
    }

    private static string HeldDetail(UserLanguage language, ParticipationReport report)
    {
        var none = "—";
        var evaluation = ComplianceTexts.HeldLine.Format(language,
            report.ParticipantEvaluation?.SatisfactionPercent is { } s ? s.ToString("0.#", language.ToCulture()) + " %" : none,
            Shorten(report.InternalEvaluation?.Achievements) ?? none,
            Shorten(report.InternalEvaluation?.Difficulties) ?? none,
            Shorten(report.InternalEvaluation?.Lessons) ?? none);
        var recommendations = report.Items.Where(i => i.Kind == ItemKind.Recomendacion)
            .Select(i => ComplianceTexts.Recommendation.Format(language, Shorten(i.Text), i.Answer is { } answer ? answer.Decision.ToString() : ComplianceTexts.Pending.For(language)));
        return string.Join("\n", recommendations.Prepend(evaluation));
    }

    private static string? Shorten(string? text) => text is null ? null : text.Length <= 160 ? text : text[..157] + "…";
}

using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>One report: its facts, status, lock and the buttons the viewer's role allows.</summary>
internal static class ReportCard
{
    public static AdaptiveCard Build(UserLanguage language, ParticipationReport report, ReviewActor viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(viewer);
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(report.Name))
            .WithFallbackText(report.Name)
            .Add(CardElements.FactSet(
            [
                (ReviewTexts.FactStatus.For(language), ReviewCardParts.Status(report.Status, language)),
                (ReviewTexts.FactHeld.For(language), ReviewCardParts.Date(report.HeldFrom) + (report.HeldTo is { } to ? " – " + ReviewCardParts.Date(to) : string.Empty)),
                (ReviewTexts.FactArea.For(language), report.LeaderArea),
                (ReviewTexts.FactParticipants.For(language), report.Participants.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (ReviewTexts.FactPending.For(language), report.Items.Count(ReportAnswers.IsPending).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (ReviewTexts.FactVersions.For(language), report.Versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (ReviewTexts.FactLock.For(language), ReviewCardParts.LockText(report, today, language)),
            ]));
        if (report.Status == ReportStatus.Devuelto && report.ReturnComment is { } comment)
        {
            builder.Add(CardElements.TextBlock(ReviewTexts.ReturnCommentLabel.Format(language, comment)));
        }

        var data = ReviewCardParts.ReportData(report);
        var actions = new List<CardObject> { CardActions.Execute(ReviewTexts.History.For(language), ReviewVerbs.History, data) };
        var locked = ReviewCardParts.IsLocked(report, today);
        if (viewer.MayChange(report) && !locked)
        {
            actions.Add(CardActions.Execute(ReviewTexts.Edit.For(language), ReviewVerbs.Edit, data));
            if (ReportAnswers.HasPending(report))
            {
                actions.Add(CardActions.Execute(ReviewTexts.Answer.For(language), ReviewVerbs.Answers, data));
            }
        }

        if (viewer.IsCoordinator && report.Status == ReportStatus.Enviado)
        {
            actions.Add(CardActions.Execute(ReviewTexts.Approve.For(language), ReviewVerbs.Approve, data));
            actions.Add(CardActions.Execute(ReviewTexts.Return.For(language), ReviewVerbs.Return, data));
        }

        if (viewer.IsCoordinator && locked)
        {
            actions.Add(CardActions.Execute(ReviewTexts.Unlock.For(language), ReviewVerbs.Unlock, data));
        }

        return builder.Add(CardElements.ActionSet(actions)).Build();
    }
}

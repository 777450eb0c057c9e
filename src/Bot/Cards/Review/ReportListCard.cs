using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// "mis informes" (view, edit, history per report) and, for coordinators, "por aprobar" (approve, return): one line per
/// report with its status and buttons, at most <see cref="ReviewCardParts.MaxListed"/> reports.
/// </summary>
internal static class ReportListCard
{
    /// <param name="mayEdit">Whether the viewer may edit a report (no edit button otherwise, e.g. for internal control).</param>
    public static AdaptiveCard Build(UserLanguage language, IReadOnlyList<ParticipationReport> reports, bool forApproval, int year, Func<ParticipationReport, bool>? mayEdit = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var heading = forApproval ? ReviewTexts.ToApproveHeading : ReviewTexts.MyReportsHeading;
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(heading.For(language)))
            .WithFallbackText(heading.For(language));
        if (reports.Count == 0)
        {
            var empty = forApproval ? ReviewTexts.ToApproveEmpty.For(language) : ReviewTexts.MyReportsEmpty.Format(language, year);
            return builder.Add(CardElements.TextBlock(empty)).Build();
        }

        foreach (var report in reports.Take(ReviewCardParts.MaxListed))
        {
            var data = ReviewCardParts.ReportData(report);
            var actions = new List<CardObject> { CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, data) };
            if (forApproval)
            {
                actions.Add(CardActions.Execute(ReviewTexts.Approve.For(language), ReviewVerbs.Approve, data));
                actions.Add(CardActions.Execute(ReviewTexts.Return.For(language), ReviewVerbs.Return, data));
            }
            else
            {
                if (mayEdit?.Invoke(report) ?? true)
                {
                    actions.Add(CardActions.Execute(ReviewTexts.Edit.For(language), ReviewVerbs.Edit, data));
                }

                actions.Add(CardActions.Execute(ReviewTexts.History.For(language), ReviewVerbs.History, data));
            }

            builder.Add(CardElements.Container(
            [
                CardElements.TextBlock(report.Name, bold: true, separator: true),
                CardElements.TextBlock(
                    ReviewTexts.ReportLine.Format(language, ReviewCardParts.Status(report.Status, language), ReviewCardParts.Date(report.HeldFrom), report.LeaderArea),
                    subtle: true),
                CardElements.ActionSet(actions),
            ]));
        }

        if (reports.Count > ReviewCardParts.MaxListed)
        {
            builder.Add(CardElements.TextBlock(ReviewTexts.ListMore.Format(language, ReviewCardParts.MaxListed, reports.Count), subtle: true));
        }

        return builder.Build();
    }
}

using System.Text.Json.Nodes;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// "mis informes" (view, edit, history per report) and, for coordinators, "por aprobar" (approve, return): one line per
/// report with its status and buttons, at most <see cref="ReviewCardParts.MaxListed"/> reports.
/// </summary>
internal static class ReportListCard
{
    public static JsonObject Build(UserLanguage language, IReadOnlyList<ParticipationReport> reports, bool forApproval, int year)
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
            JsonObject[] actions = forApproval
                ?
                [
                    CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, data),
                    CardActions.Execute(ReviewTexts.Approve.For(language), ReviewVerbs.Approve, data),
                    CardActions.Execute(ReviewTexts.Return.For(language), ReviewVerbs.Return, data),
                ]
                :
                [
                    CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, data),
                    CardActions.Execute(ReviewTexts.Edit.For(language), ReviewVerbs.Edit, data),
                    CardActions.Execute(ReviewTexts.History.For(language), ReviewVerbs.History, data),
                ];
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

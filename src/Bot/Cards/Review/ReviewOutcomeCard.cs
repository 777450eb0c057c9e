using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>What the delegate receives when a coordinator approves or returns their report.</summary>
internal static class ReviewOutcomeCard
{
    public static AdaptiveCard Build(UserLanguage language, ParticipationReport report, string coordinatorName, int year)
    {
        ArgumentNullException.ThrowIfNull(report);
        var returned = report.Status == ReportStatus.Devuelto;
        var title = (returned ? ReviewTexts.DelegateReturnedTitle : ReviewTexts.DelegateApprovedTitle).Format(language, report.Name);
        var body = returned
            ? ReviewTexts.DelegateReturnedBody.Format(language, report.ReturnComment ?? string.Empty)
            : ReviewTexts.DelegateApprovedBody.Format(language, coordinatorName);
        var data = ReviewCardParts.ReportData(report);
        data[ReviewVerbs.Year] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(title))
            .Add(CardElements.TextBlock(body))
            .WithFallbackText(title + " " + body)
            .AddAction(CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, data));
        if (returned)
        {
            builder.AddAction(CardActions.Execute(ReviewTexts.Edit.For(language), ReviewVerbs.Edit, data));
        }

        return builder.Build();
    }
}

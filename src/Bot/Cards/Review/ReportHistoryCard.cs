using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>The versions of a report, newest first: number, when (Bogotá), who, status and the fields that changed.</summary>
internal static class ReportHistoryCard
{
    public static AdaptiveCard Build(UserLanguage language, ParticipationReport report, ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        form ??= ReportForm.Default;
        var title = ReviewTexts.HistoryHeading.Format(language, report.Name);
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(title)).WithFallbackText(title);
        if (report.Versions.Count == 0)
        {
            builder.Add(CardElements.TextBlock(ReviewTexts.HistoryEmpty.For(language)));
        }

        foreach (var version in report.Versions.OrderByDescending(v => v.Number).Take(20))
        {
            var when = Core.Calendar.BogotaTime.ToBogota(version.When).DateTime;
            builder.Add(CardElements.TextBlock(
                ReviewTexts.HistoryLine.Format(language, version.Number, when, version.Who, ReviewCardParts.Status(version.Status, language)),
                bold: true,
                separator: true));
            var fields = version.ChangedFieldIds
                .Select(id => form.TryGetField(id, out var field) ? field.Label.For(language) : id)
                .ToList();
            builder.Add(CardElements.TextBlock(
                fields.Count == 0 ? ReviewTexts.HistoryNothing.For(language) : ReviewTexts.HistoryChanged.Format(language, string.Join(", ", fields)),
                subtle: true));
        }

        builder.Add(CardElements.ActionSet([CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, ReviewCardParts.ReportData(report))]));
        return builder.Build();
    }
}

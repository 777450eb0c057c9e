using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>"Devolver" asks what to fix: a required comment, sent with the report id.</summary>
internal static class ReturnCommentCard
{
    public static AdaptiveCard Build(UserLanguage language, ParticipationReport report, IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = ReviewTexts.ReturnHeading.Format(language, report.Name);
        var label = ReviewTexts.ReturnCommentInput.For(language);
        return new AdaptiveCardBuilder()
            .Add(CardElements.Heading(title))
            .WithFallbackText(title)
            .AddRange(ReviewCardParts.WithErrors(
                CardElements.InputText("comment", label, isRequired: true, isMultiline: true, maxLength: ReportWorkflow.MaxCommentLength),
                "comment",
                errors,
                language))
            .AddAction(CardActions.Execute(ReviewTexts.Return.For(language), ReviewVerbs.ConfirmReturn, ReviewCardParts.ReportData(report)))
            .Build();
    }
}

using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// "responder propuestas": the list of the delegate's reports with unanswered contributions, and the card per report
/// that records, per contribution, decision, justification, who and date.
/// </summary>
internal static class AnswersCard
{
    /// <summary>At most this many contributions per card, so the card stays under the size limit.</summary>
    public const int MaxItems = 12;

    public static AdaptiveCard BuildList(UserLanguage language, IReadOnlyList<ParticipationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var heading = ReviewTexts.AnswersListHeading.For(language);
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(heading)).WithFallbackText(heading);
        if (reports.Count == 0)
        {
            return builder.Add(CardElements.TextBlock(ReviewTexts.AnswersEmpty.For(language))).Build();
        }

        foreach (var report in reports.Take(ReviewCardParts.MaxListed))
        {
            builder.Add(CardElements.Container(
            [
                CardElements.TextBlock(report.Name, bold: true, separator: true),
                CardElements.FactSet([(ReviewTexts.FactPending.For(language), report.Items.Count(ReportAnswers.IsPending).ToString(System.Globalization.CultureInfo.InvariantCulture))]),
                CardElements.ActionSet([CardActions.Execute(ReviewTexts.Answer.For(language), ReviewVerbs.Answers, ReviewCardParts.ReportData(report))]),
            ]));
        }

        return builder.Build();
    }

    public static AdaptiveCard Build(
        UserLanguage language,
        ParticipationReport report,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        values ??= ReportValues.ToValues(report);
        var title = ReviewTexts.AnswersHeading.Format(language, report.Name);
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(title)).WithFallbackText(title);
        if (errors is { Count: > 0 })
        {
            builder.Add(ReviewCardParts.ErrorText(ReviewTexts.FixErrors.For(language)));
        }

        var shown = new List<string>();
        string? Value(string key) => values.TryGetValue(key, out var v) ? v : null;
        for (var i = 0; i < report.Items.Count && i < MaxItems; i++)
        {
            var item = report.Items[i];
            var prefix = $"answers.{i}.";
            shown.AddRange([prefix + "decision", prefix + "justification", prefix + "who", prefix + "date"]);
            var items = new List<CardObject>
            {
                CardElements.TextBlock(
                    ReviewTexts.AnswerItem.Format(language, i + 1, ReviewCardParts.Label(DefaultVocabularies.ItemKind, item.Kind.ToCode(), language), item.Text),
                    bold: true,
                    separator: true),
            };
            items.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputChoiceSet(prefix + "decision", ReviewTexts.AnswerDecision.For(language), ReviewCardParts.Choices(DefaultVocabularies.AnswerDecision, language), value: Value(prefix + "decision")),
                prefix + "decision",
                errors,
                language));
            items.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputText(prefix + "justification", ReviewTexts.AnswerJustification.For(language), isMultiline: true, maxLength: 2000, value: Value(prefix + "justification")),
                prefix + "justification",
                errors,
                language));
            items.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputText(prefix + "who", ReviewTexts.AnswerWho.For(language), maxLength: 200, value: Value(prefix + "who")),
                prefix + "who",
                errors,
                language));
            items.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputDate(prefix + "date", ReviewTexts.AnswerDate.For(language), value: Value(prefix + "date")),
                prefix + "date",
                errors,
                language));
            builder.Add(CardElements.Container(items));
        }

        builder.AddRange(ReviewCardParts.OtherErrors(errors, shown, language));
        return builder
            .AddAction(CardActions.Execute(ReviewTexts.Save.For(language), ReviewVerbs.SaveAnswers, ReviewCardParts.ReportData(report)))
            .Build();
    }
}

using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// Editing a submitted report: the free-text content a delegate most often corrects after a review, pre-filled, with
/// the errors of a refused save next to each input. Saving creates a new version (who, when, what changed).
/// </summary>
internal static class ReportEditCard
{
    /// <summary>The keys this card edits, in order; anything else in a submitted card is ignored.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "name", "activitiesDone", "participants.total", "result.text",
        "internalEvaluation.achievements", "internalEvaluation.difficulties", "internalEvaluation.lessons",
    ];

    public static AdaptiveCard Build(
        UserLanguage language,
        ParticipationReport report,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FieldError>? errors = null,
        ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        form ??= ReportForm.Default;
        values ??= ReportValues.ToValues(report);
        var title = ReviewTexts.EditHeading.Format(language, report.Name);
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.Heading(title))
            .WithFallbackText(title)
            .Add(CardElements.TextBlock(ReviewTexts.EditIntro.For(language), subtle: true));
        if (errors is { Count: > 0 })
        {
            builder.Add(ReviewCardParts.ErrorText(ReviewTexts.FixErrors.For(language)));
        }

        foreach (var key in Keys)
        {
            var match = form.Match(key);
            var label = match is null ? key
                : match.Part.Id.Length == 0 || match.Field.Parts.Count <= 1 ? ReviewSession.Text(match.Field.Label, language)
                : ReviewSession.Text(match.Field.Label, language) + ": " + ReviewSession.Text(match.Part.Label, language);
            var required = match is { } m && (m.Field.Required && (m.Field.Parts.Count == 0 || m.Part.Required));
            var multiline = match?.Field.Kind == FieldKind.LongText || key.StartsWith("internalEvaluation.", StringComparison.Ordinal) || key == "result.text";
            values.TryGetValue(key, out var value);
            builder.AddRange(ReviewCardParts.WithErrors(
                CardElements.InputText(key, label, isRequired: required, isMultiline: multiline, maxLength: match?.Part.MaxLength, value: value ?? string.Empty),
                key,
                errors,
                language));
        }

        builder.AddRange(ReviewCardParts.OtherErrors(errors, [.. Keys], language));
        return builder
            .AddAction(CardActions.Execute(ReviewTexts.Save.For(language), ReviewVerbs.SaveEdit, ReviewCardParts.ReportData(report)))
            .AddAction(CardActions.Execute(ReviewTexts.View.For(language), ReviewVerbs.View, ReviewCardParts.ReportData(report)))
            .Build();
    }
}

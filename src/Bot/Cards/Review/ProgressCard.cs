using System.Globalization;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// "avance": the activities the delegate's area leads, each with its milestones and latest progress, and the inputs to
/// record status, percentage, evidence and a note for one of them in one cuatrimestre.
/// </summary>
internal static class ProgressCard
{
    public static AdaptiveCard Build(
        UserLanguage language,
        int year,
        IReadOnlyList<PlanActivity> activities,
        IReadOnlyList<ActivityProgress> progress,
        int currentPeriod,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(progress);
        values ??= new Dictionary<string, string>();
        var title = ReviewTexts.ProgressHeading.Format(language, year);
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(title)).WithFallbackText(title);
        if (activities.Count == 0)
        {
            return builder.Add(CardElements.TextBlock(ReviewTexts.ProgressEmpty.Format(language, year))).Build();
        }

        foreach (var activity in activities.Take(ReviewCardParts.MaxListed))
        {
            var latest = progress.Where(p => p.ActivityId == activity.Id).OrderByDescending(p => p.Cuatrimestre).FirstOrDefault();
            var milestones = string.Join(", ", activity.Milestones.Select(m => $"{m.Label} ({ReviewCardParts.Date(m.Due)})"));
            builder.Add(CardElements.TextBlock(ReviewTexts.ProgressActivityLine.Format(language, activity.Number, Clip(activity.Description)), bold: true, separator: true));
            builder.Add(CardElements.TextBlock(ReviewTexts.ProgressMilestones.Format(language, milestones), subtle: true));
            builder.Add(CardElements.TextBlock(
                latest is null
                    ? ReviewTexts.ProgressNone.For(language)
                    : ReviewTexts.ProgressCurrent.Format(language, latest.Cuatrimestre, ReviewCardParts.Label(DefaultVocabularies.ProgressStatus, latest.Status.ToCode(), language), latest.Percentage),
                subtle: true));
        }

        string? Value(string key) => values.TryGetValue(key, out var v) ? v : null;
        var shown = new[] { "activity", "cuatrimestre", "status", "percentage", "evidence.0", "evidence", "note" };
        builder.Add(CardElements.TextBlock(string.Empty, separator: true));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputChoiceSet("activity", ReviewTexts.ProgressActivity.For(language), activities.Take(ReviewCardParts.MaxListed).Select(a => ($"{a.Number} {Clip(a.Description)}", a.Id)), isRequired: true, value: Value("activity")),
            "activity", errors, language));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputChoiceSet("cuatrimestre", ReviewTexts.ProgressPeriod.For(language), Enumerable.Range(1, 3).Select(n => (n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))), isRequired: true, value: Value("cuatrimestre") ?? currentPeriod.ToString(CultureInfo.InvariantCulture)),
            "cuatrimestre", errors, language));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputChoiceSet("status", ReviewTexts.ProgressStatus.For(language), ReviewCardParts.Choices(DefaultVocabularies.ProgressStatus, language), isRequired: true, value: Value("status")),
            "status", errors, language));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputText("percentage", ReviewTexts.ProgressPercentage.For(language), isRequired: true, maxLength: 3, value: Value("percentage")),
            "percentage", errors, language));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputText("evidence.0", ReviewTexts.ProgressEvidence.For(language), maxLength: 2000, value: Value("evidence.0")),
            "evidence.0", errors, language));
        builder.AddRange((errors ?? []).Where(e => e.Key == "evidence").Select(e => ReviewCardParts.ErrorText(e.Message.For(language))));
        builder.AddRange(ReviewCardParts.WithErrors(
            CardElements.InputText("note", ReviewTexts.ProgressNote.For(language), isMultiline: true, maxLength: ActivityProgressValidator.MaxNoteLength, value: Value("note")),
            "note", errors, language));
        builder.AddRange(ReviewCardParts.OtherErrors(errors, shown, language));
        return builder
            .AddAction(CardActions.Execute(ReviewTexts.Save.For(language), ReviewVerbs.SaveProgress, new CardObject { [ReviewVerbs.Year] = year.ToString(CultureInfo.InvariantCulture) }))
            .Build();
    }

    private static string Clip(string text) => text.Length > 90 ? text[..90] + "…" : text;
}

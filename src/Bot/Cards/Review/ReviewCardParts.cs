using System.Globalization;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>Pieces the review and schedule cards share: field errors next to their input, labels of codes, data.</summary>
internal static class ReviewCardParts
{
    public const int MaxListed = 15;

    /// <summary>The input, followed by its errors in the attention colour (the card comes back with them after a refused save).</summary>
    public static IEnumerable<CardObject> WithErrors(CardObject input, string key, IReadOnlyList<FieldError>? errors, UserLanguage language)
    {
        yield return input;
        foreach (var error in errors?.Where(e => e.Key == key || (e.Key == e.FieldId && e.FieldId == key)) ?? [])
        {
            yield return ErrorText(error.Message.For(language));
        }
    }

    public static CardObject ErrorText(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["color"] = "Attention",
        ["size"] = "Small",
    };

    /// <summary>Errors whose key no input of the card shows (so none is lost).</summary>
    public static IEnumerable<CardObject> OtherErrors(IReadOnlyList<FieldError>? errors, IReadOnlyCollection<string> shownKeys, UserLanguage language) =>
        (errors ?? []).Where(e => !shownKeys.Contains(e.Key) && !shownKeys.Contains(e.FieldId))
            .Select(e => ErrorText(e.Message.For(language)));

    public static string Status(ReportStatus status, UserLanguage language) =>
        DefaultVocabularies.ReportStatus.Find(status.ToCode())!.Label.For(language);

    public static string Label(Vocabulary vocabulary, string? code, UserLanguage language) =>
        vocabulary.Find(code) is { } entry ? entry.Label.For(language) : code ?? ReviewTexts.NoChoice.For(language);

    public static IEnumerable<(string Title, string Value)> Choices(Vocabulary vocabulary, UserLanguage language) =>
        vocabulary.Entries.Select(e => (e.Label.For(language), e.Code));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static CardObject ReportData(ParticipationReport report) => new()
    {
        [ReviewVerbs.ReportId] = report.Id,
        [ReviewVerbs.Year] = report.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>What the lock says about editing today.</summary>
    public static string LockText(ParticipationReport report, DateOnly today, UserLanguage language)
    {
        var end = ReportLock.PeriodEnd(report.LastDayHeld);
        if (report.Unlocked)
        {
            return ReviewTexts.UnlockedByCoordinator.For(language);
        }

        return ReportLock.IsLocked(report.LastDayHeld, today, unlocked: false)
            ? ReviewTexts.Locked.Format(language, Date(end))
            : ReviewTexts.Open.Format(language, Date(end));
    }

    public static bool IsLocked(ParticipationReport report, DateOnly today) => ReportLock.IsLocked(report.LastDayHeld, today, report.Unlocked);
}

using System.Globalization;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Notifications;

/// <summary>The cards notifications post: the space preview in a channel, reminders in personal chat, the failed list.</summary>
internal static class NotificationCards
{
    /// <summary>The report wizard's own verb and data key: the button opens the wizard on the space.</summary>
    public const string ReportStartVerb = Reporting.WizardVerbs.Start;
    public const string SpaceIdKey = Reporting.WizardVerbs.SpaceKey;

    public const string RetryFailedVerb = "notifications.retryFailed";

    /// <summary>The channel card of a space: posted before it, updated in place when it changes or is cancelled.</summary>
    public static AdaptiveCard SpacePreview(UserLanguage language, ScheduledSpace space, DateTimeOffset? start, string? objective, bool updated)
    {
        ArgumentNullException.ThrowIfNull(space);
        var cancelled = space.Status == SpaceStatus.Cancelado;
        var heading = cancelled ? NotificationTexts.CancelledHeading : updated ? NotificationTexts.UpdatedHeading : NotificationTexts.PreviewHeading;
        var builder = new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(heading.For(language), bold: true, subtle: !cancelled))
            .Add(CardElements.Heading(space.Name))
            .Add(CardElements.FactSet(Facts(language, space, start, objective)))
            .WithFallbackText($"{heading.For(language)}: {space.Name} ({When(language, space, start)})");
        if (!cancelled && Uri.TryCreate(space.Link, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps)
        {
            builder.AddAction(CardActions.OpenUrl(NotificationTexts.FactLink.For(language), link));
        }

        return builder.Build();
    }

    /// <summary>"Report this space" (on the day, overdue, or unanswered proposals) with the button that opens the wizard.</summary>
    public static AdaptiveCard Reminder(UserLanguage language, LocalizedText heading, ScheduledSpace space, DateTimeOffset? start, params object[] headingArguments)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(space);
        var title = heading.Format(language, headingArguments);
        return new AdaptiveCardBuilder()
            .Add(CardElements.TextBlock(title, bold: true))
            .Add(CardElements.Heading(space.Name))
            .Add(CardElements.FactSet(
            [
                (NotificationTexts.FactWhen.For(language), When(language, space, start)),
                (NotificationTexts.FactArea.For(language), space.LeaderArea ?? NotificationTexts.NotDefined.For(language)),
            ]))
            .AddAction(CardActions.Execute(
                NotificationTexts.ReportButton.For(language),
                ReportStartVerb,
                new CardObject { [SpaceIdKey] = space.Id }))
            .WithFallbackText($"{title}: {space.Name}")
            .Build();
    }

    /// <summary>To coordinators: the reports overdue past the escalation threshold.</summary>
    public static AdaptiveCard Escalation(UserLanguage language, IReadOnlyList<(ScheduledSpace Space, DateTimeOffset Start)> overdue)
    {
        ArgumentNullException.ThrowIfNull(overdue);
        var title = NotificationTexts.EscalationHeading.Format(language, overdue.Count);
        var builder = new AdaptiveCardBuilder().Add(CardElements.TextBlock(title, bold: true));
        foreach (var (space, start) in overdue.Take(30))
        {
            builder.Add(CardElements.TextBlock(NotificationTexts.EscalationLine.Format(
                language, space.Name, space.LeaderArea ?? NotificationTexts.NotDefined.For(language), Date(language, start))));
        }

        return builder.WithFallbackText(title).Build();
    }

    /// <summary>The parked (and failing) notifications, for coordinators, with a button to retry them.</summary>
    public static AdaptiveCard Failed(UserLanguage language, IReadOnlyList<Core.Notifications.NotificationClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var builder = new AdaptiveCardBuilder().Add(CardElements.TextBlock(NotificationTexts.FailedHeading.For(language), bold: true));
        if (claims.Count == 0)
        {
            return builder.Add(CardElements.TextBlock(NotificationTexts.FailedNone.For(language))).Build();
        }

        foreach (var claim in claims.Take(40))
        {
            builder.Add(CardElements.TextBlock(
                NotificationTexts.FailedLine.Format(language, claim.Key, claim.Attempts, claim.LastError ?? "-"), subtle: true));
        }

        return builder
            .AddAction(CardActions.Execute(NotificationTexts.FailedRetryButton.For(language), RetryFailedVerb))
            .WithFallbackText(NotificationTexts.FailedHeading.For(language))
            .Build();
    }

    public static string When(UserLanguage language, ScheduledSpace space, DateTimeOffset? start)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (start is not { } instant)
        {
            return space.Period.OriginalText;
        }

        // 24-hour times and spelled-out dates read the same on every machine (no ICU-dependent "p. m." spacing).
        var culture = language.ToCulture();
        var local = BogotaTime.ToBogota(instant);
        var date = local.ToString(language == UserLanguage.English ? "dddd, MMMM d, yyyy" : "dddd d 'de' MMMM 'de' yyyy", culture);
        return space.Period.Time is null ? date : $"{date}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)} (Bogotá)";
    }

    private static string Date(UserLanguage language, DateTimeOffset start) =>
        BogotaTime.ToBogota(start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<(string, string)> Facts(UserLanguage language, ScheduledSpace space, DateTimeOffset? start, string? objective)
    {
        var none = NotificationTexts.NotDefined.For(language);
        yield return (NotificationTexts.FactWhen.For(language), When(language, space, start));
        yield return (NotificationTexts.FactWhere.For(language), string.IsNullOrWhiteSpace(space.Place) ? none : space.Place);
        if (!string.IsNullOrWhiteSpace(space.Link))
        {
            yield return (NotificationTexts.FactLink.For(language), space.Link);
        }

        yield return (NotificationTexts.FactModality.For(language), space.Modality ?? none);
        yield return (NotificationTexts.FactArea.For(language), space.LeaderArea ?? none);
        if (!string.IsNullOrWhiteSpace(objective))
        {
            yield return (NotificationTexts.FactObjective.For(language), objective);
        }

        var groups = space.ActorGroups.Concat(space.PopulationGroups).ToList();
        yield return (NotificationTexts.FactGroups.For(language), groups.Count == 0 ? none : string.Join(", ", groups));
        if (space.Status == SpaceStatus.Cancelado && !string.IsNullOrWhiteSpace(space.RescheduleReason))
        {
            yield return (NotificationTexts.FactReason.For(language), space.RescheduleReason);
        }
    }
}

using System.Globalization;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>"programar": the plan's spaces (upcoming first) with edit, reschedule and cancel buttons, and "add".</summary>
internal static class ScheduleCard
{
    public static AdaptiveCard Build(UserLanguage language, Plan? plan, int year, DateOnly today)
    {
        var title = ReviewTexts.ScheduleHeading.Format(language, year);
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(title)).WithFallbackText(title);
        if (plan is null)
        {
            return builder.Add(CardElements.TextBlock(ReviewTexts.ScheduleEmpty.Format(language, year))).Build();
        }

        var spaces = plan.Spaces
            .OrderBy(s => s.Status == SpaceStatus.Cancelado)
            .ThenBy(s => (s.Period.End ?? DateOnly.MaxValue) < today)
            .ThenBy(s => s.Period.Start ?? DateOnly.MaxValue)
            .ToList();
        foreach (var space in spaces.Take(ReviewCardParts.MaxListed))
        {
            var items = new List<CardObject>
            {
                CardElements.TextBlock(space.Name, bold: true, separator: true),
                CardElements.TextBlock(
                    ReviewTexts.ScheduleLine.Format(language, When(space.Period), space.LeaderArea ?? ReviewTexts.NoChoice.For(language), StatusText(space.Status, language), "v" + space.Version.ToString(CultureInfo.InvariantCulture)),
                    subtle: true),
            };
            if (space.Baseline is { } baseline)
            {
                items.Add(CardElements.TextBlock(ReviewTexts.SpaceBaseline.Format(language, When(baseline)), subtle: true));
            }

            if (space.Status != SpaceStatus.Cancelado)
            {
                var data = SpaceData(space, year);
                items.Add(CardElements.ActionSet(
                [
                    CardActions.Execute(ReviewTexts.Edit.For(language), ReviewVerbs.SpaceEdit, data),
                    CardActions.Execute(ReviewTexts.ScheduleReschedule.For(language), ReviewVerbs.SpaceReschedule, data),
                    CardActions.Execute(ReviewTexts.ScheduleCancel.For(language), ReviewVerbs.SpaceCancel, data),
                ]));
            }

            builder.Add(CardElements.Container(items));
        }

        if (spaces.Count > ReviewCardParts.MaxListed)
        {
            builder.Add(CardElements.TextBlock(ReviewTexts.ListMore.Format(language, ReviewCardParts.MaxListed, spaces.Count), subtle: true));
        }

        return builder
            .AddAction(CardActions.Execute(ReviewTexts.ScheduleAdd.For(language), ReviewVerbs.SpaceNew, new CardObject { [ReviewVerbs.Year] = year.ToString(CultureInfo.InvariantCulture) }))
            .Build();
    }

    public static CardObject SpaceData(ScheduledSpace space, int year) => new()
    {
        [ReviewVerbs.SpaceId] = space.Id,
        [ReviewVerbs.SpaceVersion] = space.Version.ToString(CultureInfo.InvariantCulture),
        [ReviewVerbs.Year] = year.ToString(CultureInfo.InvariantCulture),
    };

    public static string When(PlannedPeriod period)
    {
        var text = period.Start is { } start
            ? period.End is { } end && end != start ? $"{ReviewCardParts.Date(start)} – {ReviewCardParts.Date(end)}" : ReviewCardParts.Date(start)
            : period.OriginalText;
        return period.Time is { } time ? $"{text} {time.ToString("HH:mm", CultureInfo.InvariantCulture)}" : text;
    }

    public static string StatusText(SpaceStatus status, UserLanguage language) => (status switch
    {
        SpaceStatus.Programado => ReviewTexts.SpaceStatusScheduled,
        SpaceStatus.Convocado => ReviewTexts.SpaceStatusInvited,
        SpaceStatus.Realizado => ReviewTexts.SpaceStatusHeld,
        SpaceStatus.Reprogramado => ReviewTexts.SpaceStatusRescheduled,
        _ => ReviewTexts.SpaceStatusCancelled,
    }).For(language);
}

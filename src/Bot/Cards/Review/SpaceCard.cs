using System.Globalization;
using ParticipaBot.Bot.Review;
using ParticipaBot.Core.Planning;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Cards.Review;

/// <summary>
/// The coordinators' card for one space: add or edit (name, area, activity, vocabularies, place, link; the date only
/// when adding), reschedule (new date and a reason; the original date is kept as baseline) or cancel (a reason).
/// The server re-checks everything (<see cref="SpaceEditor"/>); its errors come back next to each input.
/// </summary>
internal static class SpaceCard
{
    public static AdaptiveCard Build(
        UserLanguage language,
        SpaceChange change,
        ScheduledSpace? space,
        EntityCatalog catalog,
        int year,
        IReadOnlyDictionary<string, string>? values = null,
        IReadOnlyList<FieldError>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        values ??= space is null ? new Dictionary<string, string>() : Values(space);
        var name = space?.Name ?? string.Empty;
        var title = change switch
        {
            SpaceChange.Add => ReviewTexts.SpaceAddHeading.For(language),
            SpaceChange.Edit => ReviewTexts.SpaceEditHeading.Format(language, name),
            SpaceChange.Reschedule => ReviewTexts.SpaceRescheduleHeading.Format(language, name),
            _ => ReviewTexts.SpaceCancelHeading.Format(language, name),
        };
        var builder = new AdaptiveCardBuilder().Add(CardElements.Heading(title)).WithFallbackText(title);
        if (errors is { Count: > 0 })
        {
            builder.Add(ReviewCardParts.ErrorText(ReviewTexts.FixErrors.For(language)));
        }

        if (space is not null && change != SpaceChange.Add)
        {
            builder.Add(CardElements.TextBlock(
                ReviewTexts.ScheduleLine.Format(language, ScheduleCard.When(space.Period), space.LeaderArea ?? ReviewTexts.NoChoice.For(language), ScheduleCard.StatusText(space.Status, language), "v" + space.Version.ToString(CultureInfo.InvariantCulture)),
                subtle: true));
            if (space.Baseline is { } baseline)
            {
                builder.Add(CardElements.TextBlock(ReviewTexts.SpaceBaseline.Format(language, ScheduleCard.When(baseline)), subtle: true));
            }
        }

        string? Value(string key) => values.TryGetValue(key, out var v) ? v : null;
        var shown = new List<string>();
        void Input(CardObject input, string key)
        {
            shown.Add(key);
            builder.AddRange(ReviewCardParts.WithErrors(input, key, errors, language));
        }

        void Choice(string key, LocalizedText label, IReadOnlyList<string> list, bool required = false) =>
            Input(CardElements.InputChoiceSet(key, label.For(language), list.Select(e => (e, e)), isRequired: required, value: Value(key)), key);

        if (change is SpaceChange.Add or SpaceChange.Edit)
        {
            Input(CardElements.InputText("name", ReviewTexts.SpaceName.For(language), isRequired: true, maxLength: SpaceEditor.MaxName, value: Value("name")), "name");
            Choice("area", ReviewTexts.SpaceArea, catalog.Areas, required: true);
            Input(CardElements.InputText("activity", ReviewTexts.SpaceActivity.For(language), maxLength: 100, value: Value("activity")), "activity");
        }

        if (change is SpaceChange.Add or SpaceChange.Reschedule)
        {
            Input(CardElements.InputDate("date", ReviewTexts.SpaceDate.For(language), value: Value("date")), "date");
            Input(CardElements.InputText("period", ReviewTexts.SpacePeriod.For(language), maxLength: 200, value: Value("period")), "period");
            Input(CardElements.InputText("time", ReviewTexts.SpaceTime.For(language), maxLength: 5, value: Value("time")), "time");
        }

        if (change is SpaceChange.Add or SpaceChange.Edit)
        {
            Choice("modality", ReviewTexts.SpaceModality, catalog.Modalities);
            Choice("format", ReviewTexts.SpaceFormat, catalog.Formats);
            Choice("kind", ReviewTexts.SpaceKind, catalog.Kinds);
            Choice("phase", ReviewTexts.SpacePhase, catalog.Phases);
            Choice("level", ReviewTexts.SpaceLevel, catalog.Levels);
            Input(CardElements.InputText("place", ReviewTexts.SpacePlace.For(language), maxLength: SpaceEditor.MaxText, value: Value("place")), "place");
            Input(CardElements.InputText("link", ReviewTexts.SpaceLink.For(language), maxLength: 2000, value: Value("link")), "link");
        }

        if (change is SpaceChange.Reschedule or SpaceChange.Cancel)
        {
            Input(CardElements.InputText("reason", ReviewTexts.SpaceReason.For(language), isRequired: true, isMultiline: true, maxLength: SpaceEditor.MaxText, value: Value("reason")), "reason");
        }

        builder.AddRange(ReviewCardParts.OtherErrors(errors, shown, language));
        var data = space is null
            ? new CardObject { [ReviewVerbs.Year] = year.ToString(CultureInfo.InvariantCulture) }
            : ScheduleCard.SpaceData(space, year);
        data[ReviewVerbs.Change] = change.ToString();
        var button = change == SpaceChange.Cancel ? ReviewTexts.ScheduleCancel : ReviewTexts.Save;
        return builder.AddAction(CardActions.Execute(button.For(language), ReviewVerbs.SpaceSave, data)).Build();
    }

    /// <summary>The card's values for an existing space.</summary>
    public static Dictionary<string, string> Values(ScheduledSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[key] = value;
            }
        }

        Set("name", space.Name);
        Set("area", space.LeaderArea);
        Set("activity", space.ActivityId);
        Set("modality", space.Modality);
        Set("format", space.Format);
        Set("kind", space.Kind);
        Set("phase", space.Phase);
        Set("level", space.Level);
        Set("place", space.Place);
        Set("link", space.Link);
        return values;
    }
}

using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>Every card the bot builds, in both languages, by a stable name: the snapshot and schema tests iterate it.</summary>
internal static class CardCatalog
{
    /// <summary>The commands as the host lists them before any feature registers its own handler.</summary>
    public static IReadOnlyList<CommandDescriptor> DefaultCommands { get; } =
        [.. BotCommands.Planned.Append(BotCommands.Help).OrderBy(c => c.Order)];

    public static IEnumerable<KeyValuePair<string, JsonObject>> All()
    {
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            var suffix = language == UserLanguage.English ? "en" : "es";
            yield return KeyValuePair.Create($"welcome.{suffix}", WelcomeCard.Build(language, DefaultCommands));
            yield return KeyValuePair.Create($"welcome-development.{suffix}", WelcomeCard.Build(language, DefaultCommands, everyoneIsEverything: true));
            yield return KeyValuePair.Create($"help.{suffix}", HelpCard.Build(language, DefaultCommands));
            yield return KeyValuePair.Create($"channel-note.{suffix}", ChannelNoteCard.Build(language));
            yield return KeyValuePair.Create($"not-understood.{suffix}", NotUnderstoodCard.Build(language));
            foreach (var card in WizardCardSamples.All(language, suffix).Concat(ReviewCardSamples.For(language, suffix)))
            {
                yield return card;
            }
        }
    }
}

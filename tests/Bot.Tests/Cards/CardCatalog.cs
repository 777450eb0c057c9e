using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Notifications;
using ParticipaBot.Core.Notifications;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>Every card the bot builds, in both languages, by a stable name: the snapshot and schema tests iterate it.</summary>
internal static class CardCatalog
{
    /// <summary>The commands as the host lists them before any feature registers its own handler.</summary>
    public static IReadOnlyList<CommandDescriptor> DefaultCommands { get; } =
        [.. BotCommands.Planned.Append(BotCommands.Help).OrderBy(c => c.Order)];

    public static IEnumerable<KeyValuePair<string, AdaptiveCard>> All()
    {
        foreach (var language in Enum.GetValues<UserLanguage>())
        {
            var suffix = language == UserLanguage.English ? "en" : "es";
            yield return KeyValuePair.Create($"welcome.{suffix}", WelcomeCard.Build(language, DefaultCommands));
            yield return KeyValuePair.Create($"welcome-development.{suffix}", WelcomeCard.Build(language, DefaultCommands, everyoneIsEverything: true));
            yield return KeyValuePair.Create($"help.{suffix}", HelpCard.Build(language, DefaultCommands));
            yield return KeyValuePair.Create($"channel-note.{suffix}", ChannelNoteCard.Build(language));
            yield return KeyValuePair.Create($"not-understood.{suffix}", NotUnderstoodCard.Build(language));
            yield return KeyValuePair.Create($"notify-preview.{suffix}", NotificationCards.SpacePreview(language, SampleSpace, SampleStart, "Rendir cuentas a la ciudadanía", updated: false));
            yield return KeyValuePair.Create($"notify-updated.{suffix}", NotificationCards.SpacePreview(language, SampleSpace, SampleStart, null, updated: true));
            yield return KeyValuePair.Create(
                $"notify-cancelled.{suffix}",
                NotificationCards.SpacePreview(language, SampleSpace with { Status = SpaceStatus.Cancelado, RescheduleReason = "Sin quórum" }, SampleStart, null, updated: true));
            yield return KeyValuePair.Create($"notify-report-due.{suffix}", NotificationCards.Reminder(language, NotificationTexts.ReportDueHeading, SampleSpace, SampleStart));
            yield return KeyValuePair.Create($"notify-proposals.{suffix}", NotificationCards.Reminder(language, NotificationTexts.ProposalsHeading, SampleSpace, SampleStart, 3));
            yield return KeyValuePair.Create($"notify-escalation.{suffix}", NotificationCards.Escalation(language, [(SampleSpace, SampleStart)]));
            yield return KeyValuePair.Create($"notify-failed.{suffix}", NotificationCards.Failed(language, [SampleClaim]));
            yield return KeyValuePair.Create($"notify-failed-none.{suffix}", NotificationCards.Failed(language, []));
            foreach (var card in WizardCardSamples.All(language, suffix).Concat(ReviewCardSamples.For(language, suffix)))
            {
                yield return card;
            }
            var snapshot = Compliance.ComplianceTestData.Snapshot();
            yield return KeyValuePair.Create($"status.{suffix}", ParticipaBot.Bot.Compliance.StatusCards.Summary(language, snapshot, ParticipaBot.Core.Compliance.ComplianceAccess.Everything, ParticipaBot.Core.Compliance.ComplianceScope.Entity));
            yield return KeyValuePair.Create($"status-entity-only.{suffix}", ParticipaBot.Bot.Compliance.StatusCards.Summary(language, snapshot, ParticipaBot.Core.Compliance.ComplianceAccess.EntityOnly, new ParticipaBot.Core.Compliance.ComplianceScope(2)));
            yield return KeyValuePair.Create($"status-list.{suffix}", ParticipaBot.Bot.Compliance.StatusCards.List(language, ParticipaBot.Bot.Compliance.ComplianceTexts.OverdueTitle, ParticipaBot.Core.Compliance.ComplianceScope.Entity, [.. Enumerable.Range(1, 12).Select(i => ($"Espacio {i}", "Detalle"))]));
        }
    }

    private static readonly DateTimeOffset SampleStart = new(2026, 3, 12, 15, 0, 0, TimeSpan.FromHours(-5));

    private static readonly ScheduledSpace SampleSpace = new(
        "space-001", null, "Audiencia pública de rendición de cuentas", null, null, null, "mixta", "Audiencia pública",
        ["Ciudadanía", "Organizaciones sociales"], ["Jóvenes"], [], "Oficina Asesora de Planeación", [],
        new PlannedPeriod(PeriodKind.ExactDate, new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 12), "12 de marzo de 2026 3:00 p. m.", new TimeOnly(15, 0)),
        "Auditorio piso 3", "https://teams.microsoft.com/l/meetup-join/ejemplo", null);

    private static readonly NotificationClaim SampleClaim = new(
        "ReportDue|space-001|20260312", NotificationKind.ReportDue, "space-001", ClaimState.Parked, "host-a",
        SampleStart, 5, null, "Sin chat personal con: ana@entidad.gov.co", 1, [], SampleStart);
}

using System.ComponentModel.DataAnnotations;
using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Bot.Compliance;

/// <summary>Section "Compliance": traffic-light thresholds, the report deadline, prioritised groups and channel bindings.</summary>
internal sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>Below this percentage the light is red (default 60).</summary>
    [Range(0, 100)]
    public decimal RedBelowPercent { get; set; } = 60;

    /// <summary>From this percentage the light is green (default 80).</summary>
    [Range(0, 100)]
    public decimal GreenFromPercent { get; set; } = 80;

    /// <summary>I12: working days after the space within which a report is on time (default 5).</summary>
    [Range(0, 60)]
    public int ReportDueWorkingDays { get; set; } = 5;

    /// <summary>I5's prioritised value groups; empty = the groups the scheduled spaces target.</summary>
    public IList<string> PrioritizedValueGroups { get; init; } = [];

    /// <summary>
    /// Conversation id (group chat or channel; for a channel, the part before ";messageid=") → the one area whose
    /// figures and drill-downs may be shown there. Unbound conversations show entity figures only.
    /// </summary>
    public IDictionary<string, string> ConversationAreas { get; init; } = new Dictionary<string, string>();

    public ComplianceRules Rules() => new()
    {
        RedBelow = RedBelowPercent / 100m,
        GreenFrom = GreenFromPercent / 100m,
        ReportDueWorkingDays = ReportDueWorkingDays,
    };

    public string? AreaBoundTo(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return null;
        }

        var key = conversationId.Split(";messageid=", 2)[0];
        return ConversationAreas.TryGetValue(key, out var area) && !string.IsNullOrWhiteSpace(area) ? area : null;
    }
}

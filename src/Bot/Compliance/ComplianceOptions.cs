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
    /// Group chats and channels bound to one area, whose figures and drill-downs may then be shown there (a list, since
    /// conversation ids contain ':'). Unbound conversations show entity figures only.
    /// </summary>
    public IList<ConversationArea> ConversationAreas { get; init; } = [];

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

        // A channel thread's id is the channel's id plus ";messageid=...".
        var key = conversationId.Split(";messageid=", 2)[0];
        return ConversationAreas.FirstOrDefault(b => string.Equals(b.ConversationId, key, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(b.Area))?.Area;
    }
}

/// <summary>One binding of a group chat or channel (its conversation id, e.g. "19:...@thread.tacv2") to an area.</summary>
internal sealed class ConversationArea
{
    public string ConversationId { get; set; } = string.Empty;

    public string Area { get; set; } = string.Empty;
}

using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Bot.Reporting;

/// <summary>How a card's space inputs are read back, by the wizard's space step and the report's edit card alike.</summary>
internal static class SpaceCardInputs
{
    /// <summary>
    /// «No programado» ticked is the user's choice of no space: the space still chosen in the list is left out, because
    /// a Teams dropdown, once chosen, cannot be emptied (without this the form's "not both" rule would leave the user
    /// no way forward).
    /// </summary>
    public static void DropSpaceWhenUnscheduled(IDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.TryGetValue("space.unscheduled", out var toggle) && ReportValues.TryParseToggle(toggle, out var unscheduled) && unscheduled)
        {
            inputs.Remove("space.id");
        }
    }
}

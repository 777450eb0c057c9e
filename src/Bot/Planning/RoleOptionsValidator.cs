using Microsoft.Extensions.Options;
using ParticipaBot.Core.Access;

namespace ParticipaBot.Bot.Planning;

/// <summary>
/// Checks the "Roles" section at start-up: an entry that is not an Entra object id, a UPN or a Teams user id (a display
/// name, a typo, a blank) would match nobody, and the person it meant would be refused without knowing why.
/// </summary>
/// <param name="configuration">Where the section was read from, to name an entry by its own key: the binder renumbers a
/// list whose indexes skip ("Roles:Coordinators:1" alone becomes entry 0).</param>
internal sealed class RoleOptionsValidator(IConfiguration configuration) : IValidateOptions<RoleOptions>
{
    public ValidateOptionsResult Validate(string? name, RoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, "Coordinators", options.Coordinators);
        Check(failures, "InternalControl", options.InternalControl);
        foreach (var (area, delegates) in options.Delegates)
        {
            Check(failures, "Delegates:" + area, delegates);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void Check(List<string> failures, string list, IList<string>? entries)
    {
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var entry = entries![i];
            if (RoleEntries.KindOf(entry) == RoleEntryKind.Invalid)
            {
                var key = KeyOf(list, i, entry);
                failures.Add(
                    $"{key}: '{entry}' no es un id de objeto de Entra ID (GUID), un UPN (usuario@dominio) ni un id de Teams (29:...), "
                    + $"así que no daría el rol a nadie. / {key}: '{entry}' is not an Entra object id, a UPN or a Teams user id, so it would give the role to nobody.");
            }
        }
    }

    private string KeyOf(string list, int index, string? entry) =>
        configuration.GetSection(RoleOptions.SectionName + ":" + list).GetChildren().FirstOrDefault(child => child.Value == entry)?.Path
            ?? $"{RoleOptions.SectionName}:{list}:{index}";
}

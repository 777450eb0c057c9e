namespace ParticipaBot.Bot.Teams;

/// <summary>The configuration cannot make a valid Teams app package; each problem is a bilingual line.</summary>
internal sealed class AppPackageException(IReadOnlyList<string> problems)
    : Exception("No se pudo crear el paquete de la app de Teams / the Teams app package could not be built:\n" + string.Join('\n', problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

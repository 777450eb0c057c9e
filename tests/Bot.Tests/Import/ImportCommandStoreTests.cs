using System.Text;
using ParticipaBot.Bot.Cli;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Bot.Tests.Import;

/// <summary>The import verbs end to end over a real SQLite file in a temporary folder.</summary>
public sealed class ImportCommandStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("participabot-plan-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StoreArg => $"--Storage:DataDirectory={_directory}";

    private static string Mincit => Path.Combine(RepositoryPaths.Shared, "seeds", "mincit-plan-accion-participacion-2022.txt");

    private async Task<(int Code, string Output, string Error)> RunPlanAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportPlanCommand.RunAsync([.. args, StoreArg, "--entity", "mincit"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(int Code, string Output, string Error)> RunScheduleAsync(string file)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportScheduleCommand.RunAsync([file, "--year", "2022", StoreArg, "--entity", "mincit"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ImportPlan_StoreReimportNewVersionAndSchedule_IdempotentAndReportsChanges()
    {
        var first = await RunPlanAsync(Mincit);
        Assert.True(first.Code == 0, first.Error);
        Assert.Contains("Guardado", first.Output, StringComparison.Ordinal);
        Assert.Contains("Plan nuevo: 5 componentes, 7 actividades", first.Output, StringComparison.Ordinal);

        var again = await RunPlanAsync(Mincit);
        Assert.Equal(0, again.Code);
        Assert.Contains("Sin cambios", again.Output, StringComparison.Ordinal);

        var schedule = Path.Combine(_directory, "cronograma.csv");
        await File.WriteAllTextAsync(schedule, "Actividad;Nombre;Fase;Modalidad;Fecha;Hora;Lugar\n3.2;Mesa de planeación participativa;Formulación;presencial;19 y 20 de abril;9:00 a. m.;Pte por definir\n4.1;Sesión con veedurías;Seguimiento y evaluación;virtual;Viernes 24 de Junio de 2022 - 09:00 AM;;\n");
        var spaces = await RunScheduleAsync(schedule);
        Assert.True(spaces.Code == 0, spaces.Error);
        Assert.Contains("2 espacios", spaces.Output, StringComparison.Ordinal);
        Assert.Contains("Guardado", spaces.Output, StringComparison.Ordinal);

        var edited = Path.Combine(_directory, "mincit-v2.txt");
        var text = await File.ReadAllTextAsync(Mincit);
        await File.WriteAllTextAsync(edited, text.Replace("Julio de 2022\tDiciembre de 2022", "Agosto de 2022\tDiciembre de 2022", StringComparison.Ordinal), Encoding.UTF8);
        var second = await RunPlanAsync(edited);
        Assert.Equal(0, second.Code);
        Assert.Contains("Actividad 5.1: periodo «Julio de 2022 a Diciembre de 2022» → «Agosto de 2022 a Diciembre de 2022»", second.Output, StringComparison.Ordinal);
        Assert.Contains("2 espacios", second.Output, StringComparison.Ordinal);

        // A broken version stores nothing: the stored plan keeps the last good version and its schedule.
        var broken = Path.Combine(_directory, "mincit-broken.txt");
        await File.WriteAllTextAsync(broken, text.Replace("Febrero de 2022", "cuando haya presupuesto", StringComparison.Ordinal), Encoding.UTF8);
        var refused = await RunPlanAsync(broken);
        Assert.Equal(1, refused.Code);
        Assert.Contains("«cuando haya presupuesto»", refused.Error, StringComparison.Ordinal);
        var check = await RunPlanAsync(edited);
        Assert.Contains("Sin cambios", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAndExport_CosmosUnreachableOrKeyNotBase64_OneClearLineAndExitOneNoStackTrace()
    {
        var port = CosmosDbServer.FreeLoopbackPort();
        string[] cosmos =
        [
            "--Storage:Provider=Cosmos", $"--Storage:Cosmos:Endpoint=https://127.0.0.1:{port}/", "--Storage:Cosmos:AcceptLocalServerCertificate=true",
            "--Storage:Cosmos:RequestTimeoutSeconds=2",
        ];
        var unreachable = cosmos.Append($"--Storage:Cosmos:Key={CosmosDbServer.Key}").ToArray();
        var schedule = Path.Combine(_directory, "cronograma.csv");
        await File.WriteAllTextAsync(schedule, "Actividad;Nombre;Fase;Modalidad;Fecha\n");

        foreach (var run in new Func<TextWriter, TextWriter, Task<int>>[]
        {
            (output, error) => ImportPlanCommand.RunAsync([Mincit, "--entity", "mincit", .. unreachable], output, error),
            (output, error) => ImportScheduleCommand.RunAsync([schedule, "--year", "2022", "--entity", "mincit", .. unreachable], output, error),
            (output, error) => ExportVerb.RunAsync(["--format", "csv", "--out", Path.Combine(_directory, "export.zip"), .. unreachable], output, error),
        })
        {
            var error = new StringWriter();
            Assert.Equal(1, await run(new StringWriter(), error));
            Assert.Contains($"No se puede conectar con Cosmos DB en https://127.0.0.1:{port}/", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        }

        var badKey = new StringWriter();
        Assert.Equal(1, await ImportPlanCommand.RunAsync([Mincit, "--entity", "mincit", .. cosmos, "--Storage:Cosmos:Key=clave-de-prueba!"], new StringWriter(), badKey));
        Assert.Contains("Storage:Cosmos:Key no es una clave de cuenta válida", badKey.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("clave-de-prueba!", badKey.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSchedule_NoPlanStored_ClearError()
    {
        var schedule = Path.Combine(_directory, "cronograma.csv");
        await File.WriteAllTextAsync(schedule, "Nombre;Fecha\nForo;12 de mayo\n");
        var result = await RunScheduleAsync(schedule);
        Assert.Equal(1, result.Code);
        Assert.Contains("No hay plan 2022 para «mincit»", result.Error, StringComparison.Ordinal);
    }
}

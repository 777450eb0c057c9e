using ParticipaBot.LoadTest;

// Socket completions run on the generator's event-loop threads instead of being queued to its thread pool: one thread
// hop less per turn, a fifth less of the generator's CPU, which shares the two cores with the bot it measures. Read by
// the runtime when the first socket is created, so it must be set before any. The bot is started without it.
Environment.SetEnvironmentVariable(Program.InlineCompletionsVariable, "1");

// Load, crash and soak generator (docs/benchmarks.md, "Load, crash and soak"). Exit codes: 0 passed, 1 errors or
// lost/doubled reports, 2 bad options or the bot could not be started.
LoadOptions options;
try
{
    if (args.Any(a => a is "-h" or "--help" or "--ayuda"))
    {
        Console.WriteLine(LoadOptionsParser.Usage);
        return 0;
    }

    options = LoadOptionsParser.Parse(args);
}
catch (LoadOptionsException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    await Console.Error.WriteLineAsync(LoadOptionsParser.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

LoadResult result;
try
{
    // Progress goes to stderr with --json so that stdout stays one JSON document.
    result = await LoadRunner.RunAsync(options, options.Json ? Console.Error : Console.Out, cancel.Token);
}
catch (InvalidOperationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

if (options.Json)
{
    Console.WriteLine(LoadReport.ToJson(result));
}
else
{
    LoadReport.WriteTable(result, Console.Out);
}

return result.Passed ? 0 : 1;

/// <summary>The load generator's entry point.</summary>
public partial class Program
{
    internal const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
}

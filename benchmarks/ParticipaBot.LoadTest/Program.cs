using ParticipaBot.LoadTest;

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

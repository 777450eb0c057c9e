using ParticipaBot.LoadTest;

namespace ParticipaBot.Load.Tests;

public sealed class LoadOptionsTests
{
    [Fact]
    public void Parse_NoArguments_Defaults()
    {
        var options = LoadOptionsParser.Parse([]);

        Assert.Equal(32, options.Delegates);
        Assert.Equal(LoadStore.Sqlite, options.Store);
        Assert.Equal(LoadAuth.Jwt, options.Auth);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Warmup);
    }

    [Fact]
    public void Parse_AllOptions_Read()
    {
        var options = LoadOptionsParser.Parse(["--delegates", "8", "--duration", "10m", "--warmup", "500ms", "--store", "COSMOS", "--json", "--keep-data", "--soak", "--window", "60", "--kill-after", "10s", "--cosmos-endpoint", "https://127.0.0.1:8081"]);

        Assert.Equal(8, options.Delegates);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Warmup);
        Assert.Equal(LoadStore.Cosmos, options.Store);
        Assert.True(options.Json && options.KeepData && options.Soak);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Window);
        Assert.Equal(TimeSpan.FromSeconds(10), options.KillAfter);
        Assert.Equal("https://127.0.0.1:8081/", options.CosmosEndpoint);
    }

    [Fact]
    public void Parse_Rate_Read_AndRefusedWithThink()
    {
        Assert.Equal(5000, LoadOptionsParser.Parse(["--rate", "5000"]).Rate);
        Assert.Null(LoadOptionsParser.Parse([]).Rate);

        var error = Assert.Throws<LoadOptionsException>(() => LoadOptionsParser.Parse(["--rate", "5000", "--think", "40ms"]));
        Assert.Contains("--rate", error.Message, StringComparison.Ordinal);
        Assert.Throws<LoadOptionsException>(() => LoadOptionsParser.Parse(["--rate", "0"]));
    }

    [Fact]
    public void Parse_BotEnvironment_Repeatable()
    {
        var options = LoadOptionsParser.Parse(["--bot-env", "DOTNET_gcServer=0", "--bot-env", "Conversations__Workers=8"]);

        Assert.Equal("0", options.BotEnvironment["DOTNET_gcServer"]);
        Assert.Equal("8", options.BotEnvironment["Conversations__Workers"]);
    }

    [Theory]
    [InlineData(new[] { "--delegates", "0" }, "--delegates «0» debe ser un número entero entre 1 y 1000.")]
    [InlineData(new[] { "--delegates" }, "Falta el valor de --delegates. / --delegates needs a value.")]
    [InlineData(new[] { "--store", "postgres" }, "--store «postgres» no es válido: use sqlite o cosmos.")]
    [InlineData(new[] { "--duration", "diez" }, "--duration «diez» no es una duración válida")]
    [InlineData(new[] { "--bot-env", "sinigual" }, "--bot-env «sinigual» debe tener la forma CLAVE=VALOR.")]
    [InlineData(new[] { "--cosmos-endpoint", "https://cuenta.documents.azure.com:443/" }, "--cosmos-endpoint «https://cuenta.documents.azure.com:443/» no es una URL de este equipo")]
    [InlineData(new[] { "--cosmos-endpoint", "127.0.0.1:8081" }, "no es una URL de este equipo")]
    [InlineData(new[] { "--cosmos-endpoint", "https://127.0.0.1:8081" }, "--cosmos-endpoint va con --store cosmos.")]
    [InlineData(new[] { "--frobnicate" }, "Opción desconocida «--frobnicate». / Unknown option '--frobnicate'.")]
    [InlineData(new[] { "--soak", "--duration", "30s" }, "--soak necesita --duration de al menos dos ventanas")]
    [InlineData(new[] { "--kill-after", "60s", "--duration", "30s" }, "--kill-after debe ser menor que --duration.")]
    public void Parse_BadOption_SaysWhatIsWrongInSpanishAndEnglish(string[] args, string expected)
    {
        var exception = Assert.Throws<LoadOptionsException>(() => LoadOptionsParser.Parse(args));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains(" / ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_GrowingMemory_NotFlat()
    {
        SoakWindow W(int i, long rss, double p99) => new(i, i * 30, 1000, 100, p99 / 5, p99, rss);

        var flat = LoadRunner.Verdict([W(1, 100, 5), W(2, 102, 5), W(3, 101, 6), W(4, 103, 5)]);
        var growing = LoadRunner.Verdict([W(1, 100, 5), W(2, 110, 5), W(3, 150, 20), W(4, 160, 25)]);

        Assert.True(flat.MemoryFlat && flat.LatencyFlat, flat.Explanation);
        Assert.False(growing.MemoryFlat, growing.Explanation);
        Assert.False(growing.LatencyFlat, growing.Explanation);
    }
}

using ParticipaBot.Bot.Cli;
using ParticipaBot.Bot.Hosting;

namespace ParticipaBot.Bot.Tests.Hosting;

/// <summary>A bad configuration value stops the serve verb with one line naming it and exit code 1, never a crash.</summary>
public sealed class ConfigurationStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("participabot-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Args(params string[] settings) =>
        ["--environment=Development", "--urls=http://127.0.0.1:0", $"--Storage:DataDirectory={_directory}", .. settings];

    [Theory]
    [InlineData("--Conversations:InvokeBudgetSeconds=99", "[Conversations]", "InvokeBudgetSeconds")]
    [InlineData("--Conversations:InvokeBudgetSeconds=abc", "Conversations:InvokeBudgetSeconds", "'abc'")]
    [InlineData("--Compliance:RedBelowPercent=90", "[Compliance]", "Compliance:RedBelowPercent")]
    [InlineData("--Notifications:PreviewDaysBefore:0=90", "[Notifications]", "Notifications:PreviewDaysBefore")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider", "Oracle")]
    [InlineData("--Roles:Coordinators:0=Ana Pérez", "[Roles]", "Roles:Coordinators:0: 'Ana Pérez'")]
    [InlineData("--Roles:Delegates:Planeación:1=ana@entidad", "[Roles]", "Roles:Delegates:Planeación:1: 'ana@entidad'")]
    public async Task Problem_BadValue_NamesItsSectionAndKey(string setting, string section, string key)
    {
        await using var app = BotHost.Build(Args(setting));

        var problem = ConfigurationStartup.Problem(app.Services);

        Assert.NotNull(problem);
        Assert.Contains(section, problem, StringComparison.Ordinal);
        Assert.Contains(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_DefaultDevelopmentSettings_None()
    {
        await using var app = BotHost.Build(Args());

        Assert.Null(ConfigurationStartup.Problem(app.Services));
    }

    [Fact]
    public async Task Serve_BadValue_ExitCode1BeforeTheServerStarts()
    {
        // Before, the host threw from wherever the section was first read: an unhandled exception and exit code 134.
        var code = await CommandLine.RunAsync(["serve", .. Args("--Conversations:InvokeBudgetSeconds=abc")]);

        Assert.Equal(1, code);
    }
}

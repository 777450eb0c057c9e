using ParticipaBot.Bot.Cli;

// The host is one executable with verbs (serve, package, import-plan, ...); every verb is listed in
// Cli/CommandLine.cs. With no verb it serves the bot.
return await CommandLine.RunAsync(args);

/// <summary>Entry point type, public so that WebApplicationFactory can start the host in tests.</summary>
public partial class Program;

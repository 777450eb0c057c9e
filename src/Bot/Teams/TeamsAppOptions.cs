namespace ParticipaBot.Bot.Teams;

/// <summary>
/// The "TeamsApp" configuration section: what the Teams app package says about the app. The bot id
/// itself comes from Bot:AppId, the same value the bot authenticates with.
/// </summary>
internal sealed class TeamsAppOptions
{
    public const string SectionName = "TeamsApp";

    /// <summary>The manifest id: a GUID of its own, stable across versions (not the bot id).</summary>
    public string? AppId { get; set; }

    /// <summary>major.minor.patch; raise it on every upload or Teams keeps the old package.</summary>
    public string Version { get; set; } = "1.0.0";

    public string ShortName { get; set; } = "ParticipaBot";

    public string FullName { get; set; } = "ParticipaBot: participación ciudadana";

    /// <summary>The full name shown to English-language Teams clients; FullName when empty.</summary>
    public string? FullNameEn { get; set; }

    /// <summary>Overrides the Spanish short description (80 characters at most).</summary>
    public string? ShortDescription { get; set; }

    /// <summary>Overrides the Spanish full description (4000 characters at most).</summary>
    public string? FullDescription { get; set; }

    public string? AccentColor { get; set; }

    public TeamsAppDeveloper Developer { get; set; } = new();

    /// <summary>Domains the app may open (for example the entity's evidence site); a plain bot needs none.</summary>
    public IList<string> ValidDomains { get; } = [];
}

internal sealed class TeamsAppDeveloper
{
    public string? Name { get; set; }

    public string? WebsiteUrl { get; set; }

    public string? PrivacyUrl { get; set; }

    public string? TermsOfUseUrl { get; set; }
}

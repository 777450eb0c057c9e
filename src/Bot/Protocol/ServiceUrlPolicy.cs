namespace ParticipaBot.Bot.Protocol;

/// <summary>Which serviceUrls the bot may call with its token (PROTOCOL.md §1.3 step 9): https to an allowed host or subdomain.</summary>
internal static class ServiceUrlPolicy
{
    public static bool IsAllowed(string? serviceUrl, IReadOnlyList<string> allowedHosts)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        var matched = allowedHosts.Any(allowed =>
            host.Equals(allowed, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + allowed, StringComparison.OrdinalIgnoreCase));
        if (!matched)
        {
            return false;
        }

        // Plain http only for loopback hosts (Development and tests), which are allowed only when listed.
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ParticipaBot.TestSupport.Fakes;

/// <summary>
/// Publishes OpenID metadata and JWK sets on loopback, like login.botframework.com (keys with endorsements) and the
/// Entra v2.0 endpoints of any tenant. Keys can be added and removed (rotation), and every request can be made to
/// fail on purpose.
/// </summary>
public sealed class FakeOpenIdServer : LoopbackServer
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly ConcurrentDictionary<string, TestSigningKey> _botFrameworkKeys = new();
    private readonly ConcurrentDictionary<string, TestSigningKey> _entraKeys = new();
    private int _metadataRequests;
    private int _keyRequests;

    private FakeOpenIdServer()
    {
    }

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        var server = new FakeOpenIdServer();
        await server.StartServerAsync();
        return server;
    }

    public string BotFrameworkMetadataUrl => BaseAddress + "/botframework/v1/.well-known/openidconfiguration";

    /// <summary>For Bot:EntraMetadataUrlTemplate.</summary>
    public string EntraMetadataUrlTemplate => BaseAddress + "/entra/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>When true every request answers 500.</summary>
    public bool FailRequests { get; set; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    /// <summary>Adds a Bot Framework key; endorsements null publishes a key without the endorsements field.</summary>
    public TestSigningKey AddBotFrameworkKey(IReadOnlyList<string>? endorsements, string? keyId = null)
    {
        var key = new TestSigningKey(keyId ?? "bf-" + Guid.NewGuid().ToString("N")[..8], endorsements);
        _botFrameworkKeys[key.KeyId] = key;
        return key;
    }

    public TestSigningKey AddEntraKey(string? keyId = null)
    {
        var key = new TestSigningKey(keyId ?? "entra-" + Guid.NewGuid().ToString("N")[..8], null, "https://login.microsoftonline.com/{tenantid}/v2.0");
        _entraKeys[key.KeyId] = key;
        return key;
    }

    /// <summary>Stops publishing a key (rotation); tokens it signed can no longer be verified after a refresh.</summary>
    public void RemoveKey(string keyId)
    {
        _botFrameworkKeys.TryRemove(keyId, out _);
        _entraKeys.TryRemove(keyId, out _);
    }

    protected override async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.EndsWith("openidconfiguration", StringComparison.Ordinal) || path.EndsWith("openid-configuration", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _metadataRequests);
        }
        else
        {
            Interlocked.Increment(ref _keyRequests);
        }

        if (FailRequests)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        object? body = path switch
        {
            "/botframework/v1/.well-known/openidconfiguration" => new Dictionary<string, object?>
            {
                ["issuer"] = BotFrameworkIssuer,
                ["jwks_uri"] = BaseAddress + "/botframework/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            },
            "/botframework/v1/.well-known/keys" => Jwks(_botFrameworkKeys),
            _ when segments.Length == 5 && segments[0] == "entra" && segments[4] == "openid-configuration" => new Dictionary<string, object?>
            {
                ["issuer"] = $"https://login.microsoftonline.com/{segments[1]}/v2.0",
                ["jwks_uri"] = $"{BaseAddress}/entra/{segments[1]}/discovery/v2.0/keys",
            },
            _ when segments.Length == 5 && segments[0] == "entra" && segments[4] == "keys" => Jwks(_entraKeys),
            _ => null,
        };

        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static Dictionary<string, object?> Jwks(ConcurrentDictionary<string, TestSigningKey> keys) =>
        new() { ["keys"] = keys.Values.Select(k => k.ToJwk()).ToArray() };
}

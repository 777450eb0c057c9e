using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace ParticipaBot.Bot.Protocol;

/// <summary>
/// App-only tokens through MSAL (PROTOCOL.md §2.1): client secret or certificate against {authority host}/{tenant},
/// or a user-assigned managed identity. One MSAL application per process, so MSAL's token cache serves repeated
/// calls and refreshes tokens before they expire. Anonymous mode (no AppId) returns null: no token is sent.
/// </summary>
internal sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    public const string HttpClientName = "ParticipaBot.Msal";

    private readonly BotOptions _options;
    private readonly ILogger<MsalAccessTokenProvider> _logger;
    private readonly Lazy<IConfidentialClientApplication>? _confidential;
    private readonly Lazy<IManagedIdentityApplication>? _managedIdentity;

    public MsalAccessTokenProvider(IOptions<BotOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalAccessTokenProvider> logger)
    {
        _options = options.Value;
        _logger = logger;
        if (_options.IsAnonymous)
        {
            return;
        }

        var msalHttp = new MsalHttpClientFactory(httpClientFactory);
        if (_options.AppType == BotAppType.UserAssignedMsi)
        {
            _managedIdentity = new Lazy<IManagedIdentityApplication>(() => ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.EffectiveManagedIdentityClientId))
                .WithHttpClientFactory(msalHttp)
                .Build());
        }
        else
        {
            _confidential = new Lazy<IConfidentialClientApplication>(() => BuildConfidential(msalHttp));
        }
    }

    public async Task<string?> GetTokenAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (_managedIdentity is not null)
        {
            // Managed identity takes a resource, not a scope.
            var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
            var identityResult = await _managedIdentity.Value.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken);
            Log.TokenAcquired(_logger, scope, identityResult.AuthenticationResultMetadata.TokenSource);
            return identityResult.AccessToken;
        }

        if (_confidential is null)
        {
            return null;
        }

        var result = await _confidential.Value.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken);
        Log.TokenAcquired(_logger, scope, result.AuthenticationResultMetadata.TokenSource);
        return result.AccessToken;
    }

    private IConfidentialClientApplication BuildConfidential(IMsalHttpClientFactory msalHttp)
    {
        var builder = ConfidentialClientApplicationBuilder.Create(_options.AppId)
            .WithHttpClientFactory(msalHttp);

        // A configured authority host (sovereign override or a test fake) is used as given, without instance discovery.
        builder = _options.HasCustomAuthorityHost
            ? builder.WithAuthority(_options.Authority, validateAuthority: false).WithInstanceDiscovery(false)
            : builder.WithAuthority(_options.Authority);

        if (!string.IsNullOrWhiteSpace(_options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(_options.CertificatePath, _options.CertificatePassword);
            builder = builder.WithCertificate(certificate, sendX5C: true);
        }
        else
        {
            builder = builder.WithClientSecret(_options.ClientSecret);
        }

        return builder.Build();
    }

    /// <summary>Gives MSAL pooled handlers from IHttpClientFactory.</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}

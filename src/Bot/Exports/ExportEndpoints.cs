using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Exports;

/// <summary>GET /exports/{id}?exp=..&amp;sig=..: the signed download links of group chats and channels.</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{id}", async (string id, string? exp, string? sig, ExportLinkSigner signer, ExportFileStore files, CancellationToken cancellationToken) =>
        {
            try
            {
                // A wrong or expired signature is refused before the store is touched, so ids cannot be probed.
                if (!await signer.IsValidAsync(id, exp, sig, cancellationToken))
                {
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                }

                var file = await files.GetAsync(id, cancellationToken);
                return file is null ? Results.NotFound() : Results.File(file.Content, file.ContentType, file.Name);
            }
            catch (StoreUnavailableException)
            {
                // The stored signing key or the file could not be read: the link is still good, try again later.
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
        });
        return endpoints;
    }
}

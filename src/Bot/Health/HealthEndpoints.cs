using ParticipaBot.Storage;

namespace ParticipaBot.Bot.Health;

internal static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<TurnCounter>();
        services.AddHostedService<RuntimeSummary>();
        return services;
    }

    /// <summary>GET /healthz: 200 when the process is alive and the store answers, 503 with the reason otherwise.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IServiceProvider services, CancellationToken cancellationToken) =>
        {
            var store = services.GetService<IDocumentStore>();
            if (store is null)
            {
                return Results.Json(new { status = "unhealthy", store = "not configured" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var health = await store.CheckHealthAsync(cancellationToken);
            return health.IsHealthy
                ? Results.Json(new { status = "healthy", store = health.Description })
                : Results.Json(new { status = "unhealthy", store = health.Description }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

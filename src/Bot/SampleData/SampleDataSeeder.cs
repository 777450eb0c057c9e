using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Planning;
using ParticipaBot.Storage;

namespace ParticipaBot.Bot.SampleData;

/// <summary>In Development only: stores the sample plan of the current year when the configured entity has no plan.</summary>
internal sealed partial class SampleDataSeeder(IServiceProvider services, IOptions<EntityOptions> entity, TimeProvider time, ILogger<SampleDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IDocumentStore>() is null)
        {
            LogNoStore(logger);
            return;
        }

        try
        {
            var repository = services.GetRequiredService<IPlanRepository>();
            if ((await repository.ListAsync(entity.Value.Id, cancellationToken)).Count > 0)
            {
                return;
            }

            var year = time.GetLocalNow().Year;
            var plan = SampleData.Build(entity.Value.Id, year, entity.Value.Catalog());
            await repository.SaveAsync(plan, cancellationToken);
            var activities = plan.Activities.Count();
            LogSeeded(logger, plan.Id, activities, plan.Spaces.Count);
        }
        catch (DocumentStoreException exception)
        {
            LogSeedFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Sample plan {PlanId} stored: {Activities} activities, {Spaces} spaces.")]
    private static partial void LogSeeded(ILogger logger, string planId, int activities, int spaces);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "No document store is registered; the sample plan was not stored.")]
    private static partial void LogNoStore(ILogger logger);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "The sample plan could not be stored.")]
    private static partial void LogSeedFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.DependencyInjection;
using ParticipaBot.Bot.Tests.Support;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.Tests.Import;

public sealed class SampleDataSeederTests
{
    [Fact]
    public async Task Start_DevelopmentEmptyStore_SeedsSamplePlanOnceAndEveryoneHasEveryRole()
    {
        await using var factory = new BotFactory();
        using var client = factory.CreateClient();
        var repository = factory.Services.GetRequiredService<IPlanRepository>();

        var summary = Assert.Single(await repository.ListAsync("mintrabajo"));
        var year = DateTime.Now.Year;
        Assert.Equal(year, summary.Year);
        var plan = await repository.GetAsync(summary.EntityId, year);
        Assert.NotNull(plan);
        Assert.Equal(9, plan.Activities.Count());
        Assert.Equal(3, plan.Components.Count);
        Assert.True(plan.Spaces.Count >= 6);
        Assert.All(plan.Spaces, s => Assert.Equal(year, s.Period.Start!.Value.Year));

        var roles = factory.Services.GetRequiredService<IRoleResolver>().Resolve("cualquiera@entidad.gov.co");
        Assert.True(roles.IsCoordinator);
        Assert.True(roles.IsDelegateOf("Control Interno"));
    }
}

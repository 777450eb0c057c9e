using System.Collections.Concurrent;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Wizard;

/// <summary>The spaces a step card offers are remembered per plan and roles, and answer as computing them each time.</summary>
public sealed class OfferedSpacesTests
{
    [Fact]
    public void OfferedSpaces_Remembered_AnswersAsComputedForEveryRoleAndChoice()
    {
        var sample = ParticipaBot.Bot.SampleData.SampleData.Build("mintrabajo", 2026);
        // More spaces than a card offers, so the limit and the chosen space beyond it are exercised.
        var plan = sample with { Spaces = [.. Enumerable.Range(0, 10).SelectMany(r => sample.Spaces.Select(s => s with { Id = $"{s.Id}-{r}" }))] };
        var areas = plan.Spaces.Select(s => s.LeaderArea ?? (s.ActivityId is { } id ? plan.FindActivity(id)?.LeaderArea : null)).OfType<string>().Distinct().ToList();
        Assert.True(plan.Spaces.Count > ReportPlanContext.MaxOfferedSpaces && areas.Count >= 2);
        UserRoles[] roles =
        [
            new(false, false, [], DelegateOfAnyArea: true),
            new(true, false, []),
            new(false, true, []),
            new(false, false, []),
            new(false, false, [areas[0]]),
            new(false, false, [areas[0].ToUpperInvariant()]),
            new(false, false, [areas[1]]),
            new(false, false, [areas[0], areas[1]]),
            new(true, false, [areas[1]]),
        ];
        string?[] choices = [null, "unknown", .. plan.Spaces.Select(s => s.Id).Where((_, i) => i % 7 == 0), plan.Spaces[^1].Id];
        var cache = new ConcurrentDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var validation = new ReportValidationContext(new DateOnly(2026, 6, 30), 2026, new HashSet<string>(), new HashSet<string>(), Catalogs.Default);

        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var role in roles)
            {
                var fresh = new ReportPlanContext("mintrabajo", plan, role, validation, new Dictionary<string, string>(), new Dictionary<string, string>(), null);
                var remembered = fresh with { OfferCache = cache };
                foreach (var choice in choices)
                {
                    Assert.Equal(fresh.OfferedSpaces(choice), remembered.OfferedSpaces(choice));
                }
            }
        }

        // One entry per distinct set of roles as MayReport reads them (an area in another case is another set; a coordinator
        // and internal control without areas, or with the same areas as a delegate, share one).
        Assert.Equal(roles.Length - 2, cache.Count);
        Assert.Contains(roles, r => new ReportPlanContext("x", plan, r, validation, new Dictionary<string, string>(), new Dictionary<string, string>(), null).OfferedSpaces(null).Count == ReportPlanContext.MaxOfferedSpaces);
    }
}

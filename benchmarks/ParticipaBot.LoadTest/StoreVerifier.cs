using ParticipaBot.Core.Reporting;
using ParticipaBot.TestSupport;

namespace ParticipaBot.LoadTest;

/// <summary>What the store holds compared with what the delegates were told.</summary>
/// <param name="NumberCollisions">Report numbers shared by different stored reports (a derived number is not unique; not a storage fault).</param>
public sealed record StoreCheck(
    int Stored,
    int Acknowledged,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Duplicated,
    IReadOnlyList<string> Mismatched,
    IReadOnlyList<string> NumberCollisions)
{
    public bool Passed => Missing.Count == 0 && Duplicated.Count == 0 && Mismatched.Count == 0;
}

/// <summary>
/// Reads the bot's store after it stopped (the same "Storage:*" settings, through the Storage library) and checks that
/// every acknowledged report is there exactly once, under the number the delegate was shown, holding what it submitted.
/// </summary>
public static class StoreVerifier
{
    public static async Task<StoreCheck> VerifyAsync(IReadOnlyDictionary<string, string?> storage, string entityId, int year, IReadOnlyList<AcknowledgedReport> acknowledged)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        await using var store = new BotDataStore(storage);
        var reports = await store.Reports.ListAsync(entityId, year);
        var byId = reports.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = new List<string>();
        var duplicated = new List<string>();
        var mismatched = new List<string>();
        foreach (var ack in acknowledged)
        {
            if (!byId.TryGetValue(ack.ReportId, out var found))
            {
                missing.Add($"{ack.Number} {ack.ReportId} (delegate {ack.Delegate})");
                continue;
            }

            var report = found[0];
            if (ReportNumbers.For(report.Id, report.Year) != ack.Number)
            {
                mismatched.Add($"{ack.ReportId}: shown as {ack.Number}, stored as {ReportNumbers.For(report.Id, report.Year)}");
                continue;
            }

            var stored = ReportValues.ToValues(report);
            var submitted = new Dictionary<string, string>(ack.Values, StringComparer.Ordinal);
            foreach (var (key, sent) in submitted)
            {
                var value = stored.GetValueOrDefault(key) ?? string.Empty;
                // A one-day range is stored as its first day only.
                var sameDay = key.EndsWith(".to", StringComparison.Ordinal) && value.Length == 0
                    && submitted.GetValueOrDefault(key[..^3] + ".from") == sent;
                if (!sameDay && !Same(sent, value))
                {
                    mismatched.Add($"{ack.Number} {key}: sent «{sent}», stored «{value}»");
                    break;
                }
            }
        }

        // Exactly once: one report per scheduled space, one per unscheduled flow (its name carries the delegate and flow).
        duplicated.AddRange(byId.Where(g => g.Value.Count > 1).Select(g => $"{g.Key} ×{g.Value.Count}"));
        duplicated.AddRange(reports.Where(r => r.SpaceId is not null).GroupBy(r => r.SpaceId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => $"space {g.Key} reported ×{g.Count()}"));
        duplicated.AddRange(reports.Where(r => r.SpaceId is null).GroupBy(r => r.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => $"«{g.Key}» stored ×{g.Count()}"));
        duplicated.AddRange(acknowledged.GroupBy(a => a.ReportId, StringComparer.Ordinal)
            .Where(g => g.Select(a => a.Delegate).Distinct().Count() > 1).Select(g => g.Key + " acknowledged to several delegates"));
        var collisions = reports.GroupBy(r => ReportNumbers.For(r.Id, r.Year), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => r.Id))}").ToList();
        return new StoreCheck(reports.Count, acknowledged.Select(a => a.ReportId).Distinct(StringComparer.Ordinal).Count(), missing, duplicated, mismatched, collisions);
    }

    /// <summary>Blank and absent are the same; codes compare without case; multi-choice as sets; numbers as numbers.</summary>
    private static bool Same(string sent, string stored)
    {
        sent = sent.Trim();
        stored = stored.Trim();
        if (string.Equals(sent, stored, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (sent is "false" && stored.Length == 0)
        {
            return true;
        }

        if (decimal.TryParse(sent, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(stored, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var b))
        {
            return a == b;
        }

        var sentSet = sent.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var storedSet = stored.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return sentSet.Count > 1 && sentSet.SetEquals(storedSet);
    }
}

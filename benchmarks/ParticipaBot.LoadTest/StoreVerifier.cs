using ParticipaBot.Core.Reporting;
using ParticipaBot.TestSupport;

namespace ParticipaBot.LoadTest;

/// <summary>What the store holds compared with what the delegates were told.</summary>
public sealed record StoreCheck(int Stored, int Acknowledged, IReadOnlyList<string> Missing, IReadOnlyList<string> Duplicated, IReadOnlyList<string> Mismatched)
{
    public bool Passed => Missing.Count == 0 && Duplicated.Count == 0 && Mismatched.Count == 0;
}

/// <summary>
/// Reads the bot's store after it stopped (the same "Storage:*" settings, through the Storage library) and checks that
/// every acknowledged report is there exactly once and holds what the delegate submitted.
/// </summary>
public static class StoreVerifier
{
    public static async Task<StoreCheck> VerifyAsync(IReadOnlyDictionary<string, string?> storage, string entityId, int year, IReadOnlyList<AcknowledgedReport> acknowledged)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        await using var store = new BotDataStore(storage);
        var reports = await store.Reports.ListAsync(entityId, year);
        var byNumber = reports.GroupBy(r => ReportNumbers.For(r.Id, r.Year)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = new List<string>();
        var duplicated = new List<string>();
        var mismatched = new List<string>();
        foreach (var ack in acknowledged)
        {
            if (!byNumber.TryGetValue(ack.Number, out var found))
            {
                missing.Add($"{ack.Number} (delegate {ack.Delegate})");
                continue;
            }

            if (found.Count > 1 && !duplicated.Contains($"{ack.Number} ×{found.Count}"))
            {
                duplicated.Add($"{ack.Number} ×{found.Count}");
            }

            var stored = ReportValues.ToValues(found[0]);
            foreach (var (key, sent) in ack.Values)
            {
                var value = stored.GetValueOrDefault(key) ?? string.Empty;
                // A one-day range is stored as its first day only.
                var sameDay = key.EndsWith(".to", StringComparison.Ordinal) && value.Length == 0
                    && ack.Values.GetValueOrDefault(key[..^3] + ".from") == sent;
                if (!sameDay && !Same(sent, value))
                {
                    mismatched.Add($"{ack.Number} {key}: sent «{sent}», stored «{value}»");
                    break;
                }
            }
        }

        // The same report acknowledged to two delegates would be a mix-up too.
        duplicated.AddRange(acknowledged.GroupBy(a => a.Number).Where(g => g.Select(a => a.Delegate).Distinct().Count() > 1).Select(g => g.Key + " acknowledged to several delegates"));
        return new StoreCheck(reports.Count, acknowledged.Select(a => a.Number).Distinct().Count(), missing, duplicated, mismatched);
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

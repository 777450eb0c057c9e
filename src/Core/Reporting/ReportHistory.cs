using ParticipaBot.Core.Reporting.Form;

namespace ParticipaBot.Core.Reporting;

/// <summary>Version history: which fields changed between two versions of a report, and recording a new version.</summary>
public static class ReportHistory
{
    /// <summary>Ids of the fields whose values differ, in form order. The status counts as a field (25).</summary>
    public static IReadOnlyList<string> ChangedFields(ReportForm form, ParticipationReport? before, ParticipationReport after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var previous = before is null ? new Dictionary<string, string>() : ReportValues.ToValues(before);
        return ChangedFields(form, previous, ReportValues.ToValues(after));
    }

    /// <summary>Ids of the fields whose stored values differ (for drafts, or values read from storage).</summary>
    public static IReadOnlyList<string> ChangedFields(ReportForm form, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(key, out var left);
            after.TryGetValue(key, out var right);
            if (!string.Equals(Normalize(left), Normalize(right), StringComparison.Ordinal))
            {
                changed.Add(form.Match(key)?.Field.Id ?? key.Split('.')[0]);
            }
        }

        return [.. form.Fields.Select(f => f.Id).Where(changed.Contains)];
    }

    /// <summary>The report with a new version appended (number = previous + 1) naming the changed fields.</summary>
    public static ParticipationReport Record(ReportForm form, ParticipationReport? previous, ParticipationReport current, string who, DateTimeOffset when)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var versions = previous?.Versions ?? current.Versions;
        var number = versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1;
        var version = new ReportVersion(number, who, when, ChangedFields(form, previous, current), current.Status);
        return current with { Versions = [.. versions, version] };
    }

    private static string Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? string.Empty : value.Trim();
}

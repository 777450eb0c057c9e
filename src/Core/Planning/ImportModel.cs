using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>One row of a table as a file reader produced it: its 1-based line or row number and its cells.</summary>
public sealed record TableRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at a 0-based column, or "" when the row is shorter.</summary>
    public string Cell(int column) => column < Cells.Count ? Cells[column] ?? string.Empty : string.Empty;

    /// <summary>True when every cell is blank.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>An error or notice of an import, with where it happened. Messages are Spanish first, English after " / ".</summary>
public sealed record ImportIssue(SourceLocation? Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

/// <summary>Options of a plan import.</summary>
/// <param name="EntityId">The entity the plan belongs to; part of every id.</param>
/// <param name="Year">The plan's year; when null it is read from the title ("... 2022"), else the import refuses.</param>
/// <param name="ColumnMap">Extra header → field mappings (e.g. "Responsable" → "leader"); see <see cref="PlanField"/>.</param>
/// <param name="Catalog">The entity's catalogue; <see cref="EntityCatalog.Defaults"/> when null.</param>
/// <param name="SourceName">File name, kept on the plan.</param>
public sealed record PlanImportOptions(
    string EntityId,
    int? Year = null,
    IReadOnlyDictionary<string, string>? ColumnMap = null,
    EntityCatalog? Catalog = null,
    string? SourceName = null);

/// <summary>The outcome of an import: the plan only when there is no error (the import is all or nothing).</summary>
public sealed record PlanImportResult(Plan? Plan, IReadOnlyList<ImportIssue> Errors, IReadOnlyList<ImportIssue> Notices)
{
    /// <summary>True when the plan was understood completely.</summary>
    public bool Succeeded => Plan is not null && Errors.Count == 0;
}

/// <summary>Deterministic ids, so that importing the same file twice changes nothing.</summary>
public static class PlanIds
{
    /// <summary><c>plan-{entity}-{year}</c>.</summary>
    public static string Plan(string entityId, int year) => $"plan-{Slug(entityId)}-{year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The storage partition of a plan and its spaces: <c>plan|{entityId}|{year}</c> (as Storage's PartitionKeys.Plan).</summary>
    public static string Partition(string entityId, int year) => $"plan|{entityId}|{year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>{planId}-c{n}</c>.</summary>
    public static string Component(string planId, int number) => $"{planId}-c{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>{planId}-c{n}-a{m}</c>.</summary>
    public static string Activity(string planId, int component, int activity) =>
        $"{Component(planId, component)}-a{activity.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A space id from its content (folded name and planned start), when the file gives none.</summary>
    public static string Space(string planId, string name, DateOnly? start)
    {
        var key = TextFolding.Fold(name) + "|" + (start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "tbd");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        return $"{planId}-s-{hash}";
    }

    /// <summary>Lower-case ASCII letters, digits and dashes.</summary>
    public static string Slug(string text)
    {
        var folded = TextFolding.Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = builder.ToString().Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Length == 0 ? "entidad" : slug;
    }
}

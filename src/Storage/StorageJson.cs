using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParticipaBot.Storage;

/// <summary>The one set of System.Text.Json options for stored documents, shared by every repository.</summary>
public static class StorageJson
{
    /// <summary>camelCase, enums as strings, Spanish text kept as UTF-8, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Partition keys, in one place so that every document one read needs shares one partition (docs/data-model.md).</summary>
public static class PartitionKeys
{
    /// <summary>A plan and everything its compliance summary reads: spaces, reports, progress.</summary>
    public static string Plan(string entityId, int year) => $"plan|{Require(entityId)}|{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Conversation state: drafts and dialog progress of one Teams conversation.</summary>
    public static string Conversation(string conversationId) => $"conversation|{Require(conversationId)}";

    /// <summary>Notification claims (who sent which reminder) of one plan.</summary>
    public static string Notifications(string entityId, int year) => $"notifications|{Require(entityId)}|{year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Per-tenant data: rosters and conversation references.</summary>
    public static string Tenant(string tenantId) => $"tenant|{Require(tenantId)}";

    /// <summary>One finished export file, kept until its download link expires.</summary>
    public static string Export(string exportId) => $"export|{Require(exportId)}";

    /// <summary>Per-entity data that is not tied to one year: its list of plans, its areas' channel bindings and its export-link key.</summary>
    public static string Entity(string entityId) => $"entity|{Require(entityId)}";

    private static string Require(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}

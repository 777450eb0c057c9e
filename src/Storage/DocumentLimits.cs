using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParticipaBot.Storage;

/// <summary>Limits both adapters enforce identically, so a document that fits SQLite also fits Cosmos DB.</summary>
public static class DocumentLimits
{
    /// <summary>
    /// Cosmos DB refuses items over 2 MiB including its system properties; keeping 16 KiB of headroom for the
    /// envelope (id, pk, type, _etag, _ts, ...) means a write refused here is refused before it is sent.
    /// </summary>
    public const long MaxDocumentBytes = (2 * 1024 * 1024) - (16 * 1024);

    private static readonly JsonWriterOptions BodyWriterOptions = new()
    {
        // Non-ASCII text (Spanish) stays as UTF-8 rather than \uXXXX escapes, so sizes are honest.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    // Each write used to grow a fresh buffer (256, 512, 1 KB, ...) and copy it: a thread's buffer and writer are reused
    // instead (the call is synchronous), so a write allocates only the exact bytes it stores.
    private const int MaxRetainedBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The body as compact UTF-8 JSON, the form both adapters store.</summary>
    public static byte[] SerializeBody(JsonElement body)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer, BodyWriterOptions);
        try
        {
            writer.Reset(buffer);
            body.WriteTo(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            buffer.ResetWrittenCount();
            if (buffer.Capacity > MaxRetainedBufferBytes)
            {
                // A rare large document does not keep its buffer alive on this thread.
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    /// <summary>
    /// Whether a serializer with these options writes exactly the stored form (compact, the same encoder), so its bytes
    /// can be stored as they are: StoredFormTests compare both routes.
    /// </summary>
    public static bool WritesStoredForm(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ReferenceEquals(options.Encoder, BodyWriterOptions.Encoder) && !options.WriteIndented;
    }

    /// <summary>
    /// The stored form of a body a serializer with <see cref="WritesStoredForm"/> options wrote: those bytes as they are,
    /// except that a lone surrogate's replacement, escaped there as \uFFFD, is written out as the element route writes it.
    /// </summary>
    public static byte[] ToStoredForm(byte[] serialized)
    {
        ArgumentNullException.ThrowIfNull(serialized);
        return serialized.AsSpan().IndexOf("\\uFFFD"u8) < 0 ? serialized : SerializeBody(JsonElement.Parse(serialized));
    }

    /// <summary>Throws <see cref="DocumentTooLargeException"/> when the document would exceed <see cref="MaxDocumentBytes"/>.</summary>
    public static void EnsureWithinLimit(DocumentWrite document, int bodyBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureWithinLimit(document.Id, document.PartitionKey, document.Type, bodyBytes);
    }

    /// <summary>Argument checks shared by both adapters.</summary>
    public static void EnsureValid(DocumentWrite document)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureValid(document.Id, document.PartitionKey, document.Type, document.Body.ValueKind == JsonValueKind.Object, document.TimeToLiveSeconds, nameof(document));
    }

    /// <summary>The same checks for a body given as its stored UTF-8 JSON (an object starts with '{', the form is compact).</summary>
    internal static void EnsureValid(Utf8DocumentWrite document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(document.Body);
        EnsureValid(document.Id, document.PartitionKey, document.Type, document.Body is [(byte)'{', ..], document.TimeToLiveSeconds, nameof(document));
        EnsureWithinLimit(document.Id, document.PartitionKey, document.Type, document.Body.Length);
    }

    private static void EnsureWithinLimit(string id, string partitionKey, string type, int bodyBytes)
    {
        long size = bodyBytes
            + Encoding.UTF8.GetByteCount(id)
            + Encoding.UTF8.GetByteCount(partitionKey)
            + Encoding.UTF8.GetByteCount(type);
        if (size > MaxDocumentBytes)
        {
            throw new DocumentTooLargeException(id, size, MaxDocumentBytes);
        }
    }

    private static void EnsureValid(string id, string partitionKey, string type, bool bodyIsObject, int? timeToLiveSeconds, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, "document.Id");
        ArgumentException.ThrowIfNullOrEmpty(partitionKey, "document.PartitionKey");
        ArgumentException.ThrowIfNullOrEmpty(type, "document.Type");
        if (!bodyIsObject)
        {
            throw new ArgumentException("The document body must be a JSON object.", parameterName);
        }

        if (timeToLiveSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, "TimeToLiveSeconds must be positive when set.");
        }
    }
}

/// <summary>Orders ids by Unicode code point, which is SQLite's BINARY collation on UTF-8; both adapters use it.</summary>
public sealed class DocumentIdComparer : IComparer<string>
{
    public static readonly DocumentIdComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var compared = left.Current.Value.CompareTo(right.Current.Value);
            if (compared != 0)
            {
                return compared;
            }
        }
    }
}

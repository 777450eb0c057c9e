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

    /// <summary>Throws <see cref="DocumentTooLargeException"/> when the document would exceed <see cref="MaxDocumentBytes"/>.</summary>
    public static void EnsureWithinLimit(DocumentWrite document, int bodyBytes)
    {
        ArgumentNullException.ThrowIfNull(document);
        long size = bodyBytes
            + Encoding.UTF8.GetByteCount(document.Id)
            + Encoding.UTF8.GetByteCount(document.PartitionKey)
            + Encoding.UTF8.GetByteCount(document.Type);
        if (size > MaxDocumentBytes)
        {
            throw new DocumentTooLargeException(document.Id, size, MaxDocumentBytes);
        }
    }

    /// <summary>Argument checks shared by both adapters.</summary>
    public static void EnsureValid(DocumentWrite document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        ArgumentException.ThrowIfNullOrEmpty(document.PartitionKey);
        ArgumentException.ThrowIfNullOrEmpty(document.Type);
        if (document.Body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The document body must be a JSON object.", nameof(document));
        }

        if (document.TimeToLiveSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(document), "TimeToLiveSeconds must be positive when set.");
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

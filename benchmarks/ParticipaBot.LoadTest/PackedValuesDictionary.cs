using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ParticipaBot.LoadTest;

/// <summary>
/// The values of one acknowledged report, packed in a slice of a <see cref="PackedValuesArena"/> and unpacked when read.
/// A run keeps every acknowledged report for the store checks at the end (tens of thousands in a soak); as dictionaries
/// of strings they were a couple of hundred objects each, and the generator's own collections grew with the run until
/// its pauses showed in the latencies it measures.
/// </summary>
public sealed class PackedValuesDictionary : IReadOnlyDictionary<string, string>
{
    private readonly ArraySegment<byte> _packed;

    internal PackedValuesDictionary(ArraySegment<byte> packed, int count)
    {
        _packed = packed;
        Count = count;
    }

    public int Count { get; }

    public IEnumerable<string> Keys => Unpack().Keys;

    public IEnumerable<string> Values => Unpack().Values;

    public string this[string key] => Unpack()[key];

    public bool ContainsKey(string key) => Unpack().ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Unpack().TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Unpack().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Unpack()
    {
        var values = new Dictionary<string, string>(Count, StringComparer.Ordinal);
        using var reader = new BinaryReader(new MemoryStream(_packed.Array!, _packed.Offset, _packed.Count, writable: false), Encoding.UTF8);
        for (var i = 0; i < Count; i++)
        {
            var key = reader.ReadString();
            values[key] = reader.ReadString();
        }

        return values;
    }
}

/// <summary>
/// Where a run's acknowledged values are packed: back to back in chunks of a megabyte. A chunk is allocated among the
/// large objects, which the short collections neither copy nor scan; an array per report was copied by every one of
/// them on its way to the oldest generation, with the turns in flight waiting.
/// </summary>
public sealed class PackedValuesArena
{
    private const int ChunkSize = 1024 * 1024;

    private readonly Lock _gate = new();
    private byte[] _chunk = new byte[ChunkSize];
    private int _used;

    public PackedValuesDictionary Pack(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Written as the reader unpacks it; the stream is garbage at once, only the bytes copied to the chunk stay.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (key, value) in values)
            {
                writer.Write(key);
                writer.Write(value);
            }
        }

        var length = (int)stream.Length;
        if (length > ChunkSize / 4)
        {
            // Larger than any report the generator fills: an array of its own rather than a chunk mostly wasted.
            return new PackedValuesDictionary(stream.ToArray(), values.Count);
        }

        lock (_gate)
        {
            if (_used + length > _chunk.Length)
            {
                _chunk = new byte[ChunkSize];
                _used = 0;
            }

            stream.GetBuffer().AsSpan(0, length).CopyTo(_chunk.AsSpan(_used));
            var packed = new PackedValuesDictionary(new ArraySegment<byte>(_chunk, _used, length), values.Count);
            _used += length;
            return packed;
        }
    }
}

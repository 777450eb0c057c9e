using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
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
    private readonly ReadOnlyMemory<byte> _packed;

    internal PackedValuesDictionary(ReadOnlyMemory<byte> packed, int count)
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
        var slice = MemoryMarshal.TryGetArray(_packed, out var segment) ? segment : new ArraySegment<byte>(_packed.ToArray());
        using var reader = new BinaryReader(new MemoryStream(slice.Array!, slice.Offset, slice.Count, writable: false), Encoding.UTF8);
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
    private readonly ArrayBufferWriter<byte> _scratch = new(4096);
    private byte[] _chunk = new byte[ChunkSize];
    private int _used;

    public PackedValuesDictionary Pack(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            _scratch.ResetWrittenCount();
            foreach (var (key, value) in values)
            {
                Write(key);
                Write(value);
            }

            var length = _scratch.WrittenCount;
            if (length > ChunkSize / 4)
            {
                // Larger than any report the generator fills: an array of its own rather than a chunk mostly wasted.
                return new PackedValuesDictionary(_scratch.WrittenSpan.ToArray(), values.Count);
            }

            if (_used + length > _chunk.Length)
            {
                _chunk = new byte[ChunkSize];
                _used = 0;
            }

            _scratch.WrittenSpan.CopyTo(_chunk.AsSpan(_used));
            var packed = new PackedValuesDictionary(_chunk.AsMemory(_used, length), values.Count);
            _used += length;
            return packed;
        }
    }

    /// <summary>As <see cref="BinaryWriter.Write(string)"/> writes it, for the <see cref="BinaryReader"/> that unpacks it.</summary>
    private void Write(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var span = _scratch.GetSpan(5 + length);
        var written = 0;
        var prefix = (uint)length;
        while (prefix >= 0x80)
        {
            span[written++] = (byte)(prefix | 0x80);
            prefix >>= 7;
        }

        span[written++] = (byte)prefix;
        written += Encoding.UTF8.GetBytes(text, span[written..]);
        _scratch.Advance(written);
    }
}

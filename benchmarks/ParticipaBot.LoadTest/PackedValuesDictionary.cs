using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ParticipaBot.LoadTest;

/// <summary>
/// The values of one acknowledged report, packed in a single byte array and unpacked when read. A run keeps every
/// acknowledged report for the store checks at the end (tens of thousands in a soak); as dictionaries of strings they
/// were a couple of hundred objects each, and the generator's own collections grew with the run until its pauses showed
/// in the latencies it measures. One array each keeps them out of the collector's way.
/// </summary>
public sealed class PackedValuesDictionary : IReadOnlyDictionary<string, string>
{
    private readonly byte[] _packed;

    private PackedValuesDictionary(byte[] packed, int count)
    {
        _packed = packed;
        Count = count;
    }

    public int Count { get; }

    public IEnumerable<string> Keys => Unpack().Keys;

    public IEnumerable<string> Values => Unpack().Values;

    public string this[string key] => Unpack()[key];

    public static PackedValuesDictionary Pack(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var (key, value) in values)
            {
                writer.Write(key);
                writer.Write(value);
            }
        }

        return new PackedValuesDictionary(stream.ToArray(), values.Count);
    }

    public bool ContainsKey(string key) => Unpack().ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => Unpack().TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Unpack().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Dictionary<string, string> Unpack()
    {
        var values = new Dictionary<string, string>(Count, StringComparer.Ordinal);
        using var reader = new BinaryReader(new MemoryStream(_packed, writable: false), System.Text.Encoding.UTF8);
        for (var i = 0; i < Count; i++)
        {
            var key = reader.ReadString();
            values[key] = reader.ReadString();
        }

        return values;
    }
}

using ParticipaBot.LoadTest;

namespace ParticipaBot.Load.Tests;

public sealed class PackedValuesArenaTests
{
    [Fact]
    public void EveryPackedReport_UnpacksAsItWasPacked_AcrossChunks()
    {
        var arena = new PackedValuesArena();
        var packed = new List<(Dictionary<string, string> Sent, PackedValuesDictionary Kept)>();
        for (var i = 0; i < 6_000; i++)
        {
            // Long values need a two-byte length; accents and empty values as delegates type them.
            var sent = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = $"Espacio de carga {i}",
                ["text"] = new string('á', i % 300),
                ["empty"] = string.Empty,
            };
            packed.Add((sent, arena.Pack(sent)));
        }

        var huge = new Dictionary<string, string> { ["text"] = new string('x', 400_000) };
        packed.Add((huge, arena.Pack(huge)));

        // About 2 MB in all: the values span more than one chunk.
        foreach (var (sent, kept) in packed)
        {
            Assert.Equal(sent.Count, kept.Count);
            Assert.Equal(sent.OrderBy(p => p.Key, StringComparer.Ordinal), kept.OrderBy(p => p.Key, StringComparer.Ordinal));
        }
    }
}

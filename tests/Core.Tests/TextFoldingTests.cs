using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Tests;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Líder", "lider")]
    [InlineData("  Estado   del SEGUNDO\u00a0cuatrimestre ", "estado del segundo cuatrimestre")]
    [InlineData("Año Ñandú", "ano nandu")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_MixedCaseAccentsAndSpaces_ReturnsCanonicalText(string? input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void EqualsFolded_DifferentAccentsAndCase_AreEqual() =>
        Assert.True(TextFolding.EqualsFolded("Oficina Asesora de Planeación", "OFICINA ASESORA DE PLANEACION"));
}

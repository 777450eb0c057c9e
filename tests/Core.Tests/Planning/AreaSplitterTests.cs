using ParticipaBot.Core.Planning;

namespace ParticipaBot.Core.Tests.Planning;

public sealed class AreaSplitterTests
{
    [Fact]
    public void Split_ConcatenatedKnownNames_SplitsThemAndFirstLeads()
    {
        var splitter = new AreaSplitter(["Grupo de Atención Ciudadana", "Oficina Asesora de Planeación", "Viceministerios"]);
        var split = splitter.Split("Grupo de Atención Ciudadana Oficina Asesora de Planeación Viceministerios");
        Assert.Equal("Grupo de Atención Ciudadana", split.Leader);
        Assert.Equal(["Oficina Asesora de Planeación", "Viceministerios"], split.Support);
        Assert.Empty(split.Unrecognised);
    }

    [Fact]
    public void Split_Apoya_MarksSupportAreas()
    {
        var splitter = new AreaSplitter(["Grupo de Atención Ciudadana", "Oficina Asesora de Planeación", "Viceministerios"]);
        var split = splitter.Split("Grupo de Atención Ciudadana Apoya Oficina Asesora de Planeación y Viceministerios");
        Assert.Equal("Grupo de Atención Ciudadana", split.Leader);
        Assert.Equal(["Oficina Asesora de Planeación", "Viceministerios"], split.Support);
    }

    [Fact]
    public void Split_UnknownWords_ReportedNotGuessed()
    {
        var splitter = new AreaSplitter(["Grupo de Atención Ciudadana"]);
        var split = splitter.Split("Grupo de Atención Ciudadana Dirección de Movilidad");
        Assert.Equal("Grupo de Atención Ciudadana", split.Leader);
        Assert.Equal(["Dirección de Movilidad"], split.Unrecognised);
    }

    [Fact]
    public void LearnAreas_FromFileCells_LearnsPiecesNextToKnownNamesAndDropsConcatenations()
    {
        var learned = AreaSplitter.LearnAreas(
            [
                "Grupo de Atención Ciudadana Apoya Oficina Asesora de Planeación y Viceministerios",
                "Grupo de Atención Ciudadana Oficina Asesora de Planeación Viceministerios",
                "Control Interno",
            ],
            ["Grupo de Atención Ciudadana", "Oficina Asesora de Planeación"]);
        Assert.Contains("Viceministerios", learned);
        Assert.Contains("Control Interno", learned);
        Assert.DoesNotContain(learned, a => a.Contains("Planeación Viceministerios", StringComparison.Ordinal));
        Assert.DoesNotContain(learned, a => a.Contains(" y ", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_AccentsAndCaseDiffer_ReturnsCatalogueSpelling()
    {
        var splitter = new AreaSplitter(["Secretaría General"]);
        Assert.Equal("Secretaría General", splitter.Split("SECRETARIA GENERAL").Leader);
    }

    [Fact]
    public void LearnAreas_NameThatExtendsAKnownName_KeptWhole()
    {
        var learned = AreaSplitter.LearnAreas(["Oficina de Control Interno"], ["Control Interno"]);
        Assert.Equal("Oficina de Control Interno", new AreaSplitter(learned).Split("Oficina de Control Interno").Leader);
    }

    [Fact]
    public void LearnAreas_KnownNameFollowedByUnknownWords_NotLearned()
    {
        var learned = AreaSplitter.LearnAreas(["Secretaría General Dirección Inventada"], ["Secretaría General"]);
        Assert.Equal(["Secretaría General"], learned);
    }

    [Fact]
    public void Split_ApoyoInsideAName_NotASupportMarker()
    {
        var splitter = new AreaSplitter(["Grupo de Apoyo Logístico", "Secretaría General"]);
        var split = splitter.Split("Grupo de Apoyo Logístico con el apoyo de Secretaría General");
        Assert.Equal("Grupo de Apoyo Logístico", split.Leader);
        Assert.Equal(["Secretaría General"], split.Support);
    }
}

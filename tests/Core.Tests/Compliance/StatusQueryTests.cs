using ParticipaBot.Core.Access;
using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Core.Tests.Compliance;

public sealed class StatusQueryTests
{
    private static readonly string[] Areas = ["Oficina Asesora de Planeación", "Oficina de Control Interno", "Control Interno", "Grupo de Atención Ciudadana"];

    [Theory]
    [InlineData("", null, null)]
    [InlineData("del segundo cuatrimestre", 2, null)]
    [InlineData("C2", 2, null)]
    [InlineData("Q2", 2, null)]
    [InlineData("III", 3, null)]
    [InlineData("primero", 1, null)]
    [InlineData("Oficina Asesora de Planeación", null, "Oficina Asesora de Planeación")]
    [InlineData("planeacion tercer cuatrimestre", 3, "Oficina Asesora de Planeación")]
    [InlineData("control interno", null, "Control Interno")]
    [InlineData("de la oficina de control interno 1", 1, "Oficina de Control Interno")]
    [InlineData("atención", null, "Grupo de Atención Ciudadana")]
    public void Parse_NaturalVariants_PeriodAndArea(string text, int? period, string? area)
    {
        var query = StatusQuery.Parse(text, Areas);

        Assert.True(query.IsUnderstood, query.UnmatchedText);
        Assert.Equal(period, query.Period);
        Assert.Equal(area, query.Area);
    }

    [Fact]
    public void Parse_UnknownOrAmbiguousArea_IsNotUnderstood()
    {
        Assert.Equal("hacienda", StatusQuery.Parse("hacienda", Areas).UnmatchedText);
        var ambiguous = StatusQuery.Parse("oficina", Areas);
        Assert.False(ambiguous.IsUnderstood);
        Assert.Equal(2, ambiguous.AmbiguousAreas.Count);
    }

    [Fact]
    public void For_DelegateInPersonalChat_SeesOwnAreasOnly()
    {
        var access = ComplianceAccess.For(new UserRoles(false, false, ["Grupo de Atención Ciudadana"]), isPersonal: true, boundArea: null);

        Assert.True(access.CanSeeArea("grupo de atencion ciudadana"));
        Assert.False(access.CanSeeArea("Oficina Asesora de Planeación"));
    }

    [Fact]
    public void For_Channel_EntityOnlyUnlessBoundToAnAreaTheAskerMaySee()
    {
        var coordinator = new UserRoles(true, false, []);
        var delegateOfAtencion = new UserRoles(false, false, ["Grupo de Atención Ciudadana"]);

        Assert.False(ComplianceAccess.For(coordinator, isPersonal: false, boundArea: null).CanSeeArea("Control Interno"));
        Assert.True(ComplianceAccess.For(coordinator, isPersonal: false, boundArea: "Control Interno").CanSeeArea("Control Interno"));
        Assert.False(ComplianceAccess.For(coordinator, isPersonal: false, boundArea: "Control Interno").CanSeeArea("Grupo de Atención Ciudadana"));
        Assert.False(ComplianceAccess.For(delegateOfAtencion, isPersonal: false, boundArea: "Control Interno").CanSeeArea("Control Interno"));
        Assert.True(ComplianceAccess.For(new UserRoles(false, true, []), isPersonal: true, boundArea: null).CanSeeArea("Control Interno"));
    }
}

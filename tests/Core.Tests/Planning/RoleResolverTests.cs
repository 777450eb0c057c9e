using ParticipaBot.Core.Access;

namespace ParticipaBot.Core.Tests.Planning;

public sealed class RoleResolverTests
{
    private static readonly RoleOptions Options = new()
    {
        Coordinators = ["coord@entidad.gov.co"],
        InternalControl = ["00000000-0000-0000-0000-0000000000c1"],
        Delegates = new Dictionary<string, IList<string>>
        {
            ["Oficina Asesora de Planeación"] = ["ana@entidad.gov.co"],
            ["Control Interno"] = ["ana@entidad.gov.co", "luis@entidad.gov.co"],
        },
    };

    [Fact]
    public void Resolve_DelegateByUpnAnyCase_ReturnsAreas()
    {
        var roles = new RoleResolver(Options).Resolve("some-object-id", "ANA@entidad.gov.co");
        Assert.False(roles.IsCoordinator);
        Assert.Equal(["Control Interno", "Oficina Asesora de Planeación"], roles.DelegateAreas);
        Assert.True(roles.IsDelegateOf("oficina asesora de planeacion"));
        Assert.False(roles.IsDelegateOf("Secretaría General"));
    }

    [Fact]
    public void Resolve_InternalControlByObjectId_IsReadOnlyRole()
    {
        var roles = new RoleResolver(Options).Resolve("00000000-0000-0000-0000-0000000000c1", null);
        Assert.True(roles.IsInternalControl);
        Assert.False(roles.IsCoordinator);
        Assert.Empty(roles.DelegateAreas);
    }

    [Fact]
    public void Resolve_UnknownUser_IsNobody() =>
        Assert.True(new RoleResolver(Options).Resolve("stranger@x.co").IsNobody);

    [Fact]
    public void Resolve_Development_EveryoneIsCoordinatorAndDelegateOfAnyArea()
    {
        var roles = new RoleResolver(Options, everyoneIsEverything: true).Resolve("stranger@x.co");
        Assert.True(roles.IsCoordinator);
        Assert.True(roles.IsDelegateOf("Cualquier área"));
    }
}

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

    [Theory]
    [InlineData("0c00d000-0000-4000-8000-00000000c00d", RoleEntryKind.EntraObjectId)]
    [InlineData("  0C00D000-0000-4000-8000-00000000C00D ", RoleEntryKind.EntraObjectId)]
    [InlineData("coord@entidad.gov.co", RoleEntryKind.UserPrincipalName)]
    [InlineData("ana.perez@mintrabajo.onmicrosoft.com", RoleEntryKind.UserPrincipalName)]
    [InlineData("29:1AbCdEf-xyz", RoleEntryKind.TeamsUserId)]
    [InlineData("", RoleEntryKind.Invalid)]
    [InlineData("   ", RoleEntryKind.Invalid)]
    [InlineData("Ana Pérez", RoleEntryKind.Invalid)]
    [InlineData("ana pérez@entidad.gov.co", RoleEntryKind.Invalid)]
    [InlineData("ana@@entidad.gov.co", RoleEntryKind.Invalid)]
    [InlineData("@entidad.gov.co", RoleEntryKind.Invalid)]
    [InlineData("ana@entidad", RoleEntryKind.Invalid)]
    [InlineData("ana@entidad.gov.co.", RoleEntryKind.Invalid)]
    [InlineData("29:", RoleEntryKind.Invalid)]
    [InlineData("0c00d000-0000-4000-8000", RoleEntryKind.Invalid)]
    public void KindOf_Entry_NamesWhatItIs(string entry, RoleEntryKind expected) =>
        Assert.Equal(expected, RoleEntries.KindOf(entry));

    [Fact]
    public void NeedsUserPrincipalName_OnlyWhenSomeRoleIsGivenByUpn()
    {
        var byObjectId = new RoleOptions
        {
            Coordinators = ["00000000-0000-0000-0000-0000000000c0"],
            Delegates = new Dictionary<string, IList<string>> { ["Planeación"] = ["29:delegate"] },
        };
        var delegateByUpn = new RoleOptions
        {
            Coordinators = ["00000000-0000-0000-0000-0000000000c0"],
            Delegates = new Dictionary<string, IList<string>> { ["Planeación"] = ["29:delegate", "ana@entidad.gov.co"] },
        };

        Assert.False(new RoleResolver(byObjectId).NeedsUserPrincipalName);
        Assert.True(new RoleResolver(delegateByUpn).NeedsUserPrincipalName);
        Assert.True(new RoleResolver(Options).NeedsUserPrincipalName);
        Assert.False(new RoleResolver(Options, everyoneIsEverything: true).NeedsUserPrincipalName);
    }
}

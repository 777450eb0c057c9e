using ParticipaBot.Core.Directory;
using ParticipaBot.Storage.Repositories;

namespace ParticipaBot.Storage.Tests;

public sealed class UserDirectoryTests : IDisposable
{
    private static readonly DateTimeOffset Seen = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private readonly IDocumentStore _store;
    private readonly DocumentStoreUserDirectory _directory;

    public UserDirectoryTests()
    {
        _store = DocumentStoreFactory.OpenSqlite(Path.Combine(_folder.Path, "store.db"));
        _directory = new DocumentStoreUserDirectory(_store);
    }

    public void Dispose()
    {
        (_store as IDisposable)?.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Record_RosterThenPersonalInstall_MergesWithoutForgettingWhatWasKnown()
    {
        await _directory.RecordAsync(new DirectoryUser("29:ana", "aad-ana", "Ana@Entidad.gov.co", "ana@entidad.gov.co", "Ana", "t1", "https://smba/", "28:bot", null, Seen));
        await _directory.RecordAsync(new DirectoryUser("29:ana", "aad-ana", null, null, null, "t1", "https://smba/", "28:bot", "a:personal-ana", Seen.AddDays(1)));

        var byUpn = await _directory.FindAsync("t1", "ana@entidad.gov.co");
        var byAad = await _directory.FindAsync("t1", "AAD-ANA");

        Assert.Equal(("Ana@Entidad.gov.co", "Ana", "a:personal-ana"), (byUpn!.Upn, byUpn.Name, byUpn.PersonalConversationId));
        Assert.Equal(byUpn, byAad);
        Assert.Null(await _directory.FindAsync("t2", "aad-ana"));
        Assert.Single(await _directory.ListAsync("t1"));
    }

    [Fact]
    public void Safe_CharactersCosmosRefuses_AreReplaced() =>
        Assert.Equal("user|29:a_b_c_d", DocumentIds.Safe("user|29:a/b\\c?d"));
}

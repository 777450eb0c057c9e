using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage.Repositories;
using ParticipaBot.TestSupport;

namespace ParticipaBot.Storage.Tests.Repositories;

/// <summary>The report repository over a real SQLite file.</summary>
public sealed class ReportRepositoryTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly IReportRepository _repository;

    public ReportRepositoryTests() =>
        _repository = new DocumentStoreReportRepository(DocumentStoreFactory.OpenSqlite(Path.Combine(_directory.Path, "reports.db")));

    public void Dispose() => _directory.Dispose();

    internal static ParticipationReport SampleReport(string id, string name = "Foro de empleo") => new()
    {
        Id = id,
        Year = 2026,
        SpaceId = "space-1",
        Name = name,
        HeldFrom = new DateOnly(2026, 3, 10),
        LeaderArea = "Oficina Asesora de Planeación",
        Modality = "VIRTUAL",
        Format = "FORO",
        Kind = "CONSULTA_CIUDADANA",
        Phase = "DIAGNOSTICO",
        Level = "CONSULTA",
        ActivitiesCarriedOut = "Presentación del diagnóstico y mesas de trabajo.",
        ActorTypes = ["CIUDADANIA"],
        Goals = ["Meta 1"],
        Participants = new ParticipantCount(42),
        Result = new ParticipationResult("Insumos para el plan", "INSUMO_DIAGNOSTICO"),
        Status = ReportStatus.Enviado,
    };

    [Fact]
    public async Task CreateAsync_SameIdTwice_StoresOneAndReturnsTheFirst()
    {
        var (first, created) = await _repository.CreateAsync("mintrabajo", SampleReport("r1"));
        var (second, createdAgain) = await _repository.CreateAsync("mintrabajo", SampleReport("r1", "Otro nombre"));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal("Foro de empleo", second.Value.Name);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Single(await _repository.ListAsync("mintrabajo", 2026));
    }

    [Fact]
    public async Task ReportedSpacesAsync_AfterCreate_NamesTheSpaceHereAndForAnotherInstance()
    {
        var path = Path.Combine(_directory.Path, "reports.db");
        var other = new DocumentStoreReportRepository(DocumentStoreFactory.OpenSqlite(path));
        Assert.Empty(await other.ReportedSpacesAsync("mintrabajo", 2026));

        await _repository.CreateAsync("mintrabajo", SampleReport("r1"));
        await _repository.CreateAsync("mintrabajo", SampleReport("r2") with { SpaceId = null });

        var here = await _repository.ReportedSpacesAsync("mintrabajo", 2026);
        Assert.Equal(new ReportedSpace("space-1", "r1", 2026), Assert.Single(here).Value);
        // A fresh instance (another process) reads the marker, not every report.
        var fresh = new DocumentStoreReportRepository(DocumentStoreFactory.OpenSqlite(path));
        Assert.Equal("r1", Assert.Single(await fresh.ReportedSpacesAsync("mintrabajo", 2026)).Value.ReportId);
    }

    [Fact]
    public async Task ReportedSpacesAsync_ManyTurnsMissTogether_ReadAsOneTurnReadsThem()
    {
        // The pickers and starts in flight when the kept markers expire ask at once: they share one turn's reads.
        var store = DocumentStoreFactory.OpenSqlite(Path.Combine(_directory.Path, "reports.db"));
        await _repository.CreateAsync("mintrabajo", SampleReport("r1"));
        var alone = new CountingDocumentStore(store);
        await new DocumentStoreReportRepository(alone).ReportedSpacesAsync("mintrabajo", 2026);
        var counting = new CountingDocumentStore(store);
        var repository = new DocumentStoreReportRepository(counting);

        var answers = await counting.AllAtOnceAsync(32, () => repository.ReportedSpacesAsync("mintrabajo", 2026));

        Assert.Equal(alone.Calls, counting.Calls);
        Assert.All(answers, reported => Assert.Same(answers[0], reported));
        Assert.Equal("r1", answers[0]["space-1"].ReportId);
    }

    [Fact]
    public async Task ReportedSpacesAsync_ReportWithoutMarker_IsFoundByTheFirstScan()
    {
        // A report stored before markers existed, or by a process killed between the report and its marker.
        var store = DocumentStoreFactory.OpenSqlite(Path.Combine(_directory.Path, "reports.db"));
        var reports = new DocumentCollection<ParticipationReport>(store, "report");
        await reports.CreateAsync(ParticipaBot.Core.Planning.PlanIds.Partition("mintrabajo", 2026), "report|r9", SampleReport("r9") with { SpaceId = "space-9" });

        var reported = await new DocumentStoreReportRepository(store).ReportedSpacesAsync("mintrabajo", 2026);

        Assert.Equal("r9", reported["space-9"].ReportId);
    }

    [Fact]
    public async Task ReserveNumberAsync_TwoIdsWithTheSameNumber_OnlyTheFirstGetsIt()
    {
        // Numbers are five base-32 characters: a birthday search finds two ids sharing one within a few thousand.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string first, second;
        while (true)
        {
            var id = ReportNumbers.NewId(2026);
            if (seen.TryGetValue(ReportNumbers.For(id, 2026), out var earlier))
            {
                (first, second) = (earlier, id);
                break;
            }

            seen[ReportNumbers.For(id, 2026)] = id;
        }

        Assert.True(await _repository.ReserveNumberAsync("mintrabajo", 2026, first));
        Assert.True(await _repository.ReserveNumberAsync("mintrabajo", 2026, first));
        Assert.False(await _repository.ReserveNumberAsync("mintrabajo", 2026, second));
        Assert.True(await _repository.ReserveNumberAsync("mintrabajo", 2027, second));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsConcurrentUpdate()
    {
        var (stored, _) = await _repository.CreateAsync("mintrabajo", SampleReport("r1"));
        var updated = await _repository.ReplaceAsync("mintrabajo", stored.Value with { Name = "Foro regional" }, stored.ETag);

        await Assert.ThrowsAsync<ConcurrentUpdateException>(() =>
            _repository.ReplaceAsync("mintrabajo", stored.Value with { Name = "Perdido" }, stored.ETag));
        var read = await _repository.GetAsync("mintrabajo", 2026, "r1");
        Assert.Equal("Foro regional", read!.Value.Name);
        Assert.Equal(updated.ETag, read.ETag);
    }

    [Fact]
    public async Task GetAsync_RoundTripsTheWholeReport()
    {
        var report = SampleReport("r2") with
        {
            Items = [new ReportItem(ItemKind.Propuesta, "Ampliar horarios", "CIUDADANIA")],
            Commitments = [new Commitment("Publicar memorias", "Planeación", new DateOnly(2026, 4, 1), CommitmentStatus.Pendiente)],
        };
        await _repository.CreateAsync("mintrabajo", report);

        var read = await _repository.GetAsync("mintrabajo", 2026, "r2");

        Assert.NotNull(read);
        Assert.Equal(report.Items, read.Value.Items);
        Assert.Equal(report.Commitments, read.Value.Commitments);
        Assert.Equal(42, read.Value.Participants.Total);
        Assert.Null(await _repository.GetAsync("mintrabajo", 2025, "r2"));
    }

    [Fact]
    public async Task SaveProgressAsync_SameActivityAndPeriod_KeepsTheLatest()
    {
        await _repository.SaveProgressAsync("mintrabajo", new ActivityProgress("a1", 2026, 1, ProgressStatus.EnCurso, 40, [], null));
        await _repository.SaveProgressAsync("mintrabajo", new ActivityProgress("a1", 2026, 1, ProgressStatus.Cumplida, 100, [], "Listo"));
        await _repository.SaveProgressAsync("mintrabajo", new ActivityProgress("a1", 2026, 2, ProgressStatus.NoIniciada, 0, [], null));

        var progress = await _repository.ListProgressAsync("mintrabajo", 2026);

        Assert.Equal(2, progress.Count);
        Assert.Contains(progress, p => p.Cuatrimestre == 1 && p.Percentage == 100 && p.Note == "Listo");
    }
}

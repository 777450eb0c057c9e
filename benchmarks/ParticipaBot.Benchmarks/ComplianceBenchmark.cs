using System.Diagnostics;
using System.Globalization;
using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Benchmarks;

/// <summary>
/// The compliance overview (entity, each period, each area) over synthetic facts: 25k, 50k and 100k reports with
/// one space per ten reports, twenty areas and Colombian working days. Prints the median of several runs after warm-up.
/// </summary>
internal static class ComplianceBenchmark
{
    public static int Run(int runs)
    {
        var calculator = ComplianceFactsBuilder.Calculator();
        var asOf = new DateOnly(2026, 11, 20);
        Console.WriteLine("| reports | spaces | areas | overview median (ms) | min (ms) | CPU per overview (ms) | per 1,000 reports (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var reports in (int[])[25_000, 50_000, 100_000])
        {
            var facts = Synthetic(reports, reports / 10, areas: 20);
            for (var i = 0; i < 3; i++)
            {
                _ = calculator.Overview(facts, asOf);
            }

            var times = new List<double>();
            // CPU time of this process: on a shared machine the wall clock also counts time spent waiting for a core.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < runs; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                var overview = calculator.Overview(facts, asOf);
                stopwatch.Stop();
                GC.KeepAlive(overview);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {reports:N0} | {reports / 10:N0} | 20 | {median:0.0} | {times[0]:0.0} | {cpu:0.0} | {median / (reports / 1000.0):0.00} |"));
        }

        return 0;
    }

    /// <summary>Deterministic facts shaped like a large entity's year: most spaces held, items, commitments, goals.</summary>
    public static ComplianceFacts Synthetic(int reportCount, int spaceCount, int areas)
    {
        var random = new Random(1757);
        var areaNames = Enumerable.Range(1, areas).Select(i => $"Dependencia {i:00}").ToArray();
        string[] phases = ["DIAGNOSTICO", "FORMULACION", "IMPLEMENTACION", "SEGUIMIENTO_EVALUACION"];
        string[] groups = ["ciudadania", "veedurias", "academia", "gremios", "sindicatos", "mujeres", "jovenes", "victimas"];
        var goals = Enumerable.Range(1, 40).Select(i => $"Meta {i}").ToArray();
        var year = 2026;
        var spaces = new List<SpaceFact>(spaceCount);
        for (var i = 0; i < spaceCount; i++)
        {
            var baseline = new DateOnly(year, 1, 1).AddDays(random.Next(365));
            var planned = random.Next(10) == 0 ? baseline.AddDays(random.Next(1, 40)) : baseline;
            if (planned.Year != year)
            {
                planned = baseline;
            }

            spaces.Add(new SpaceFact($"S{i}", $"Espacio {i}", areaNames[i % areas], baseline, baseline, planned, random.Next(50) == 0,
                phases[random.Next(4)], "consulta", "virtual", "consulta"));
        }

        var reports = new List<ReportFact>(reportCount);
        for (var i = 0; i < reportCount; i++)
        {
            var space = spaces[i % spaceCount];
            var held = space.PlannedStart.AddDays(random.Next(3));
            if (held.Year != year)
            {
                held = space.PlannedStart;
            }

            var items = Enumerable.Range(0, random.Next(4))
                .Select(n => new ItemFact($"R{i}/items/{n}", random.Next(3) == 0 ? null : held.AddDays(random.Next(1, 30)), (Uptake)random.Next(4)))
                .ToList();
            var commitments = Enumerable.Range(0, random.Next(2))
                .Select(n => new CommitmentFact($"R{i}/commitments/{n}", held.AddDays(random.Next(10, 120)), random.Next(2) == 0))
                .ToList();
            reports.Add(new ReportFact($"R{i}", i < spaceCount * 9 / 10 || i >= spaceCount ? space.Id : null, space.Area, held, held.AddDays(random.Next(12)),
                space.Phase, space.Kind, space.Modality, space.Level, [groups[random.Next(groups.Length)], groups[random.Next(groups.Length)]],
                [goals[random.Next(goals.Length)]], items, commitments, random.Next(4) != 0, random.Next(3) != 0, random.Next(5, 200),
                random.Next(2) == 0 ? random.Next(50, 100) : null));
        }

        var activities = Enumerable.Range(0, 200)
            .Select(i => new ActivityFact($"A{i}", $"Actividad {i}", areaNames[i % areas],
                [.. Enumerable.Range(1, 3).Select(p => new MilestoneFact(p, random.Next(3) == 0 ? 1m : random.Next(100) / 100m))]))
            .ToList();
        return new ComplianceFacts(year, spaces, reports, activities, groups, goals);
    }
}

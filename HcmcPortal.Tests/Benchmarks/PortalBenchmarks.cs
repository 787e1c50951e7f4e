using System.Diagnostics;
using HcmcPortal.Citizen;
using HcmcPortal.Officer;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HcmcPortal.Tests.Benchmarks;

/// <summary>The app on the full demo volume (3,600 dossiers, as `dotnet run` seeds it).</summary>
public sealed class DemoVolumePortal : PortalFactory
{
    protected override int DemoDossiers => 3600;
}

/// <summary>
/// Figures for the hot paths on the demo volume, printed (test output and TestResults/benchmarks.txt), never asserted
/// on time: a timed unit test is flaky on a shared 2-core machine. Each measure is the median of several warm runs.
/// Run: dotnet test HcmcPortal.Tests --filter FullyQualifiedName~Benchmarks --logger "console;verbosity=detailed"
/// </summary>
[Collection(Name)]
public sealed class PortalBenchmarks(DemoVolumePortal portal, ITestOutputHelper output) : IClassFixture<DemoVolumePortal>
{
    public const string Name = "benchmarks";
    private const int Runs = 7;

    private async Task<double> MedianMsAsync(Func<Task> action)
    {
        await action(); // warm-up: compiled queries, caches
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(Runs / 2);
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        var file = Path.Combine(PortalFactory.RepoRoot, "TestResults", "benchmarks.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllText(file, line + Environment.NewLine);
    }

    [Fact]
    public async Task Hot_paths_on_the_demo_volume()
    {
        var started = Stopwatch.StartNew();
        await using (var db = portal.CreateDb())
            Assert.Equal(3600, await db.Dossiers.CountAsync());
        Report($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} demo volume: 3,600 dossiers; start-up with migrations and seeding {started.Elapsed.TotalSeconds:F1} s (includes first test host start)");

        var officer = await portal.ActorAsync("motcua.q1@demo.hcmc.vn");
        var leader = await portal.ActorAsync("lanhdao.tp@demo.hcmc.vn");
        var queries = portal.Get<OfficerQueries>();
        DossierPage? page = null;
        Report($"unit list, page 1 of 20 rows, default sort: {await MedianMsAsync(async () => page = await queries.ListAsync(officer, OfficerQueue.Unit, new DossierFilter(), null, false, 0, 20)):F1} ms (of {page!.Total} dossiers)");
        Report($"unit list, name search + overdue filter: {await MedianMsAsync(() => queries.ListAsync(officer, OfficerQueue.Unit, new DossierFilter { Search = "Nguyễn", Due = DueFilter.Overdue }, "DueAt", true, 0, 20)):F1} ms");
        Report($"officer dashboard counts: {await MedianMsAsync(() => queries.DashboardAsync(officer)):F1} ms");

        var dx = portal.Get<DxReportService>();
        Assert.NotNull(await dx.RankingAsync(2025));
        Report($"DX ranking 2025 (live, 22 districts, 51 components): {await MedianMsAsync(() => dx.RankingAsync(2025)):F1} ms");
        Report($"DX ranking 2024 (published snapshot): {await MedianMsAsync(() => dx.RankingAsync(2024)):F1} ms");
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2025, 12, 31);
        Report($"service-quality index 2025, all districts: {await MedianMsAsync(() => portal.Get<ServiceIndexService>().ComputeAsync(leader, from, to)):F1} ms");
        Report($"dossier statistics 2025 by unit: {await MedianMsAsync(() => portal.Get<StatisticsService>().ComputeAsync(leader, from, to, StatGrouping.Unit)):F1} ms");

        // The listing export streams page by page: allocation grows with the page size, not the list.
        await using var db2 = portal.CreateDb();
        var city = await db2.Units.Where(u => u.Code == "79").Select(u => new ReportUnit(u.Id, u.Code, u.Name, u.Path)).SingleAsync();
        var query = new DrillDownQuery(PortalMetrics.All[0], MetricPart.Received, city.Code, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        var rows = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        var path = Path.GetTempFileName();
        await using (var sink = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
        {
            await DossierListXlsx.WriteAsync(sink, "benchmark", portal.Get<DrillDownService>().PagesAsync(leader, city, query, DossierListXlsx.PageSize), n => rows = n, default);
            Report($"listing export of {rows:N0} dossiers to xlsx: {watch.Elapsed.TotalMilliseconds:F0} ms, {sink.Length / 1024:N0} KiB written, " +
                   $"{(GC.GetTotalAllocatedBytes() - allocatedBefore) / 1024 / 1024:N0} MiB allocated by the process meanwhile, managed heap after {GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024:N0} MiB");
        }
        Assert.True(rows > 3000);
    }
}

/// <summary>Measured alone, after the parallel tests, so that the figures are not the other tests' noise.</summary>
[CollectionDefinition(PortalBenchmarks.Name, DisableParallelization = true)]
public sealed class BenchmarkCollection;

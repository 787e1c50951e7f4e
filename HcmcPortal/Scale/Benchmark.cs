using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HcmcPortal.Accounts;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Officer;
using HcmcPortal.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Scale;

/// <summary>
/// <c>benchmark --dossiers N</c>: measures the services the pages and endpoints call (not HTTP), each after a warm-up,
/// over several repetitions, and the best hand-written SQL for the same page in the same run, printing
/// <c>BENCH name value unit</c> lines and appending them with the machine and command to docs/performance.md.
/// </summary>
public static class Benchmark
{
    private static readonly List<string> Lines = [];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var quick = args.Contains("--quick");
        // --only queue,unit_list: just the figures whose names start so (profiling one figure without the whole run).
        var only = ScaleCommands.Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        bool Wanted(string name) => only is null || only.Any(name.StartsWith);
        var repetitions = quick ? 7 : 21;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db0 = await dbFactory.CreateDbContextAsync();
        var count = await db0.Dossiers.CountAsync();
        var connectionString = db0.Database.GetConnectionString()!;
        Console.WriteLine($"benchmark over {count:N0} dossiers, {repetitions} repetitions after a warm-up");
        Lines.Clear();
        Figures.Clear();

        var reception = await ActorAsync(services, "motcua.q1@demo.hcmc.vn");
        var leader = await ActorAsync(services, "lanhdao.tp@demo.hcmc.vn");
        var citizen = await ActorAsync(services, "congdan@demo.hcmc.vn");
        var officer = services.GetRequiredService<OfficerQueries>();

        // Queue: the reception desk's oldest-first page, its count included.
        if (Wanted("queue"))
        {
        var queue = await P95Async("queue_page", repetitions, () => officer.ListAsync(reception, OfficerQueue.Reception, new DossierFilter(), null, false, 0, 20));
        var queueSql = await P95Async("queue_page_sql", repetitions, () => SqlPageAsync(connectionString,
            "SELECT COUNT(*) FROM Dossiers WHERE UnitId = $unit AND Stage = 0",
            "SELECT d.Id, d.Code, p.Name, d.ApplicantName, d.Channel, d.Stage, d.Status, d.SubmittedAt, d.DueAt, d.FinishedAt, u.FullName " +
            "FROM Dossiers d JOIN Procedures p ON p.Id = d.ProcedureId LEFT JOIN AspNetUsers u ON u.Id = d.AssignedOfficerId " +
            "WHERE d.UnitId = $unit AND d.Stage = 0 ORDER BY d.SubmittedAt LIMIT 20", reception.UnitId!.Value, 0));
        Bench("queue_page_p95_ms", queue, "ms");
        Bench("queue_page_sql_p95_ms", queueSql, "ms");
        Bench("queue_page_vs_sql", queue / queueSql, "x");
        }

        // Unit list: a status filter, sorted by applicant, first and last page.
        if (Wanted("unit_list"))
        {
        var filter = new DossierFilter { Status = DossierStatus.Returned };
        var total = (await officer.ListAsync(reception, OfficerQueue.Unit, filter, nameof(DossierRow.ApplicantName), false, 0, 20)).Total;
        var lastPage = Math.Max(0, (total - 1) / 20);
        var unitFirst = await P95Async("unit_list_first_page", repetitions, () => officer.ListAsync(reception, OfficerQueue.Unit, filter, nameof(DossierRow.ApplicantName), false, 0, 20));
        var unitLast = await P95Async("unit_list_last_page", repetitions, () => officer.ListAsync(reception, OfficerQueue.Unit, filter, nameof(DossierRow.ApplicantName), false, lastPage, 20));
        const string unitCount = "SELECT COUNT(*) FROM Dossiers WHERE UnitId = $unit AND Status = 10";
        const string unitPage = "SELECT d.Id, d.Code, p.Name, d.ApplicantName, d.Channel, d.Stage, d.Status, d.SubmittedAt, d.DueAt, d.FinishedAt, u.FullName " +
            "FROM Dossiers d JOIN Procedures p ON p.Id = d.ProcedureId LEFT JOIN AspNetUsers u ON u.Id = d.AssignedOfficerId " +
            "WHERE d.UnitId = $unit AND d.Status = 10 ORDER BY d.ApplicantName LIMIT 20 OFFSET $offset"; // 10: DossierStatus.Returned
        var unitFirstSql = await P95Async("unit_list_first_page_sql", repetitions, () => SqlPageAsync(connectionString, unitCount, unitPage, reception.UnitId!.Value, 0));
        var unitLastSql = await P95Async("unit_list_last_page_sql", repetitions, () => SqlPageAsync(connectionString, unitCount, unitPage, reception.UnitId!.Value, lastPage * 20));
        Bench("unit_list_rows", total, "dossiers");
        Bench("unit_list_p95_ms", Math.Max(unitFirst, unitLast), "ms");
        Bench("unit_list_first_page_p95_ms", unitFirst, "ms");
        Bench("unit_list_last_page_p95_ms", unitLast, "ms");
        Bench("unit_list_sql_p95_ms", Math.Max(unitFirstSql, unitLastSql), "ms");
        Bench("unit_list_vs_sql", Math.Max(unitFirst, unitLast) / Math.Max(unitFirstSql, unitLastSql), "x");
        }

        if (Wanted("dashboard"))
            Bench("dashboard_ms", await P95Async("dashboard", repetitions, () => officer.DashboardAsync(reception)), "ms");
        var mine = services.GetRequiredService<MyDossierService>();
        if (Wanted("my_dossiers"))
            Bench("my_dossiers_p95_ms", await P95Async("my_dossiers", repetitions, () => mine.ListAsync(citizen, new MyDossierQuery())), "ms");

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTime.UtcNow));
        var yearStart = new DateOnly(today.Year, 1, 1);
        var dx = services.GetRequiredService<DxReportService>();
        var dxYear = (await dx.PeriodsAsync()).Where(p => !p.Published).Select(p => (int?)p.Year).LastOrDefault() ?? today.Year - 1;
        if (Wanted("dx_report"))
            Bench("dx_report_ms", await P95Async("dx_report", repetitions, () => dx.RankingAsync(dxYear)), "ms");
        var serviceIndex = services.GetRequiredService<ServiceIndexService>();
        if (Wanted("service_index"))
            Bench("service_index_ms", await P95Async("service_index", repetitions, () => serviceIndex.ComputeAsync(leader, yearStart, today)), "ms");
        var statistics = services.GetRequiredService<StatisticsService>();
        if (Wanted("statistics"))
            Bench("statistics_ms", await P95Async("statistics", repetitions, () => statistics.ComputeAsync(leader, yearStart, today, StatGrouping.Unit)), "ms");
        if (Wanted("statistics_2024"))
            Bench("statistics_2024_ms", await P95Async("statistics_2024", repetitions, () => statistics.ComputeAsync(leader, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), StatGrouping.Unit)), "ms");
        if (Wanted("dx_xlsx"))
            Bench("dx_xlsx_ms", await P95Async("dx_xlsx", Math.Min(repetitions, 5), async () =>
        {
            var ranking = (await dx.RankingAsync(dxYear))!;
            return ReportWorkbooks.DxRanking(ranking, ranking.Units.Select(u => u.UnitCode).ToHashSet());
        }), "ms");
        if (Wanted("statistics_xlsx"))
            Bench("statistics_xlsx_ms", await P95Async("statistics_xlsx", Math.Min(repetitions, 5), async () =>
        {
            var reports = new List<StatReport>();
            foreach (var grouping in Enum.GetValues<StatGrouping>())
                reports.Add(await statistics.ComputeAsync(leader, yearStart, today, grouping));
            return ReportWorkbooks.Statistics(reports);
        }), "ms");

        if (Wanted("listing_export"))
            await ListingExportAsync(services, leader, today);

        if (only is null)
        {
            // The load figures against the real app on loopback (HcmcPortal.LoadTest; --no-load skips them).
            Lines.AddRange(await LoadBenchmark.RunAsync(args, new SqliteConnectionStringBuilder(connectionString).DataSource));
            await GrowthAsync(count);
            await WriteReportAsync(args, count);
        }

        return 0;
    }

    private static void Bench(string name, double value, string unit)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"BENCH {name} {value:0.##} {unit}");
        Lines.Add(line);
        Figures[name] = value;
        Console.WriteLine(line);
    }

    /// <summary>The figures of this run by name, kept in App_Data/bench-N.json for the growth ratios of a later run.</summary>
    private static readonly Dictionary<string, double> Figures = [];

    /// <summary>
    /// Writes this run's figures to App_Data/bench-N.json and, when a run at the other size of the pair
    /// (200,000 / 2,000,000) exists, prints <c>BENCH growth_name ratio x</c>: the 2,000,000 figure over the 200,000 one,
    /// for every timed report and list (the CPU-time ones, which a busy machine distorts least, included).
    /// </summary>
    private static async Task GrowthAsync(int count)
    {
        Directory.CreateDirectory("App_Data");
        await File.WriteAllTextAsync(Path.Combine("App_Data", $"bench-{count}.json"), JsonSerializer.Serialize(Figures));
        const int small = 200_000, large = 2_000_000;
        var other = Path.Combine("App_Data", $"bench-{(count == large ? small : large)}.json");
        if (count is not (small or large) || !File.Exists(other))
            return;
        var previous = JsonSerializer.Deserialize<Dictionary<string, double>>(await File.ReadAllTextAsync(other))!;
        var (big, little) = count == large ? (Figures, previous) : (previous, Figures);
        foreach (var (name, value) in big.Where(f => f.Key.EndsWith("_ms", StringComparison.Ordinal)).ToList())
            if (little.GetValueOrDefault(name) is > 0 and var baseline)
                Bench($"growth_{name.Replace("_p95_ms", "").Replace("_ms", "")}", value / baseline, "ratio");
    }

    /// <summary>
    /// The city-wide listing export (a leader's "every dossier received" drill-down, 2024 → today, at most 500,000 rows)
    /// through the export's own writer and pages. Peak = the process working set sampled every 20 ms during the export,
    /// minus the working set before it (so it includes the unmanaged SQLite pages and the xlsx zip buffers, not only the GC heap).
    /// </summary>
    private static async Task ListingExportAsync(IServiceProvider services, Actor leader, DateOnly today)
    {
        const int cap = 500_000;
        var drill = services.GetRequiredService<DrillDownService>();
        var query = new DrillDownQuery(PortalMetrics.All[0], MetricPart.Received, "79", new DateOnly(2024, 1, 1), today);
        var city = (await drill.UnitAsync(leader, query.UnitCode, query.From, query.To))!;
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var rows = 0;
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var sink = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
            await DossierListXlsx.WriteAsync(sink, "benchmark", Capped(drill.PagesAsync(leader, city, query, DossierListXlsx.PageSize), cap), n => rows = n, default);
        var elapsed = watch.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        await sampling.CancelAsync();
        await sampler;
        Bench("listing_export_rows", rows, "dossiers");
        Bench("listing_export_rows_per_s", rows / elapsed.TotalSeconds, "rows/s");
        // Rows per second of the process's CPU time (all threads): what a busy machine distorts least.
        Bench("listing_export_rows_per_cpu_s", rows / cpu.TotalSeconds, "rows/s");
        Bench("listing_export_peak_mb", (peak - before) / 1024.0 / 1024.0, "MB");
    }

    private static async IAsyncEnumerable<IReadOnlyList<DrillDossier>> Capped(IAsyncEnumerable<IReadOnlyList<DrillDossier>> pages, int cap)
    {
        var left = cap;
        await foreach (var page in pages)
        {
            if (left <= 0)
                yield break;
            yield return page.Count <= left ? page : [.. page.Take(left)];
            left -= page.Count;
        }
    }

    /// <summary>
    /// The 95th percentile of <paramref name="repetitions"/> timed runs after one warm-up run. Also prints the median
    /// CPU time the process spent per run (<c>name_cpu_ms</c>): on a shared, overloaded machine wall time mostly
    /// measures the wait for a core, CPU time what the work itself costs.
    /// </summary>
    private static async Task<double> P95Async<T>(string name, int repetitions, Func<Task<T>> action)
    {
        await action();
        var times = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        Bench(name + "_cpu_ms", cpu[cpu.Count / 2], "ms");
        return times[(int)Math.Ceiling(0.95 * times.Count) - 1];
    }

    /// <summary>The hand-written count and page for the same result, on a fresh pooled connection like a context's.</summary>
    private static async Task<int> SqlPageAsync(string connectionString, string countSql, string pageSql, int unitId, int offset)
    {
        await using var conn = new SqliteConnection(connectionString);
        await conn.OpenAsync();
        await using var count = conn.CreateCommand();
        count.CommandText = countSql;
        count.Parameters.AddWithValue("$unit", unitId);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var page = conn.CreateCommand();
        page.CommandText = pageSql;
        page.Parameters.AddWithValue("$unit", unitId);
        page.Parameters.AddWithValue("$offset", offset);
        await using var reader = await page.ExecuteReaderAsync();
        // Every column read, as EF materialises them.
        var values = new object[reader.FieldCount];
        var rows = 0;
        while (await reader.ReadAsync())
            rows += reader.GetValues(values);
        return total + rows;
    }

    private static async Task<Actor> ActorAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>();
        var principal = await factory.CreateAsync((await users.FindByEmailAsync(email))!);
        return Actor.From(new ClaimsPrincipal(principal.Identities.Select(i => new ClaimsIdentity(i.Claims, "benchmark"))))!;
    }

    /// <summary>Appends the run (machine, command, lines) to docs/performance.md when it exists (a clone's working copy).</summary>
    private static async Task WriteReportAsync(string[] args, int count)
    {
        var file = Path.Combine("docs", "performance.md");
        if (!File.Exists(file))
            return;
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"### Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {count:N0} dossiers")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}.")
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run --project HcmcPortal.csproj -- {string.Join(' ', args)}`")
            .AppendLine()
            .AppendLine("```")
            .AppendJoin(Environment.NewLine, Lines).AppendLine()
            .AppendLine("```");
        await File.AppendAllTextAsync(file, text.ToString());
        Console.WriteLine($"appended to {Path.GetFullPath(file)}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

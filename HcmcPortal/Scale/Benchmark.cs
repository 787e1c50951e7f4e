using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text;
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
        var repetitions = quick ? 7 : 21;
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db0 = await dbFactory.CreateDbContextAsync();
        var count = await db0.Dossiers.CountAsync();
        var connectionString = db0.Database.GetConnectionString()!;
        Console.WriteLine($"benchmark over {count:N0} dossiers, {repetitions} repetitions after a warm-up");
        Lines.Clear();

        var reception = await ActorAsync(services, "motcua.q1@demo.hcmc.vn");
        var leader = await ActorAsync(services, "lanhdao.tp@demo.hcmc.vn");
        var citizen = await ActorAsync(services, "congdan@demo.hcmc.vn");
        var officer = services.GetRequiredService<OfficerQueries>();

        // Queue: the reception desk's oldest-first page, its count included.
        var queue = await P95Async("queue_page", repetitions, () => officer.ListAsync(reception, OfficerQueue.Reception, new DossierFilter(), null, false, 0, 20));
        var queueSql = await P95Async("queue_page_sql", repetitions, () => SqlPageAsync(connectionString,
            "SELECT COUNT(*) FROM Dossiers WHERE UnitId = $unit AND Stage = 0",
            "SELECT d.Id, d.Code, p.Name, d.ApplicantName, d.Channel, d.Stage, d.Status, d.SubmittedAt, d.DueAt, d.FinishedAt, u.FullName " +
            "FROM Dossiers d JOIN Procedures p ON p.Id = d.ProcedureId LEFT JOIN AspNetUsers u ON u.Id = d.AssignedOfficerId " +
            "WHERE d.UnitId = $unit AND d.Stage = 0 ORDER BY d.SubmittedAt LIMIT 20", reception.UnitId!.Value, 0));
        Bench("queue_page_p95_ms", queue, "ms");
        Bench("queue_page_sql_p95_ms", queueSql, "ms");
        Bench("queue_page_vs_sql", queue / queueSql, "x");

        // Unit list: a status filter, sorted by applicant, first and last page.
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

        Bench("dashboard_ms", await P95Async("dashboard", repetitions, () => officer.DashboardAsync(reception)), "ms");
        var mine = services.GetRequiredService<MyDossierService>();
        Bench("my_dossiers_p95_ms", await P95Async("my_dossiers", repetitions, () => mine.ListAsync(citizen, new MyDossierQuery())), "ms");

        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(DateTime.UtcNow));
        var yearStart = new DateOnly(today.Year, 1, 1);
        var dx = services.GetRequiredService<DxReportService>();
        var dxYear = (await dx.PeriodsAsync()).Where(p => !p.Published).Select(p => (int?)p.Year).LastOrDefault() ?? today.Year - 1;
        Bench("dx_report_ms", await P95Async("dx_report", repetitions, () => dx.RankingAsync(dxYear)), "ms");
        var serviceIndex = services.GetRequiredService<ServiceIndexService>();
        Bench("service_index_ms", await P95Async("service_index", repetitions, () => serviceIndex.ComputeAsync(leader, yearStart, today)), "ms");
        var statistics = services.GetRequiredService<StatisticsService>();
        Bench("statistics_ms", await P95Async("statistics", repetitions, () => statistics.ComputeAsync(leader, yearStart, today, StatGrouping.Unit)), "ms");
        Bench("statistics_2024_ms", await P95Async("statistics_2024", repetitions, () => statistics.ComputeAsync(leader, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), StatGrouping.Unit)), "ms");
        Bench("dx_xlsx_ms", await P95Async("dx_xlsx", Math.Min(repetitions, 5), async () =>
        {
            var ranking = (await dx.RankingAsync(dxYear))!;
            return ReportWorkbooks.DxRanking(ranking, ranking.Units.Select(u => u.UnitCode).ToHashSet());
        }), "ms");
        Bench("statistics_xlsx_ms", await P95Async("statistics_xlsx", Math.Min(repetitions, 5), async () =>
        {
            var reports = new List<StatReport>();
            foreach (var grouping in Enum.GetValues<StatGrouping>())
                reports.Add(await statistics.ComputeAsync(leader, yearStart, today, grouping));
            return ReportWorkbooks.Statistics(reports);
        }), "ms");

        // The load figures against the real app on loopback (HcmcPortal.LoadTest; --no-load skips them).
        Lines.AddRange(await LoadBenchmark.RunAsync(args, new SqliteConnectionStringBuilder(connectionString).DataSource));
        await WriteReportAsync(args, count);
        return 0;
    }

    private static void Bench(string name, double value, string unit)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"BENCH {name} {value:0.##} {unit}");
        Lines.Add(line);
        Console.WriteLine(line);
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
        var rows = 0;
        while (await reader.ReadAsync())
            rows++;
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

using System.Globalization;
using HcmcPortal.LoadTest;
using Microsoft.Data.Sqlite;

// The load benchmark of issue 12 (docs/performance.md): the built portal on loopback, 16 citizen-app clients submitting
// dossiers, then ≥ 200 officers' queue pages in Chromium. Prints BENCH lines; the benchmark command appends them to its report.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}
if (!File.Exists(options.Database))
{
    Console.Error.WriteLine($"Không thấy cơ sở dữ liệu {options.Database} (tạo bằng: dotnet run --project HcmcPortal.csproj -- generate --dossiers N).");
    return 2;
}

var root = RepositoryRoot();
// The load writes dossiers: it runs on a copy, so the benchmark database stays as generated and every run starts alike.
var copy = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.Database))!, $"loadtest-{Guid.NewGuid():N}.db");
var suffix = options.Synchronous == "FULL" ? "" : "_" + options.Synchronous.ToLowerInvariant();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    Say($"copying {options.Database} to {copy} (SQLite online backup) …");
    CopyDatabase(options.Database, copy);
    SubmitLoad.Outcome? submitted = null;
    CircuitLoad.Outcome? circuits = null;
    await using (var portal = await PortalProcess.StartAsync(root, copy, options.Synchronous, cancel.Token))
    {
        Say($"portal {portal.BaseUrl} (pid {portal.Pid}): Production environment, demo accounts kept (no demo dossiers), SQLite synchronous={options.Synchronous}, " +
            $"rate limits raised to {PortalProcess.RaisedRateLimit:N0} per client and per account for submission, sign-in and registration; log: {portal.LogFile}");
        if (options.Submit)
        {
            Say($"submissions: {options.Clients} clients for {options.SubmitDuration.TotalSeconds:F0} s …");
            submitted = await SubmitLoad.RunAsync(portal.BaseUrl, options.Clients, options.SubmitDuration, portal.CpuTime, Say, cancel.Token);
        }
        if (options.CircuitLoad)
        {
            Say($"circuits: opening {options.Circuits} queue pages in {options.Chromium} …");
            circuits = await CircuitLoad.RunAsync(portal, options.Chromium, options.Circuits, Math.Max(options.Clicks, 1), Say);
        }
        await portal.StopAsync();
    }

    if (submitted is not null)
    {
        var missing = MissingCodes(copy, submitted.AcknowledgedCodes);
        foreach (var (status, count) in submitted.Refused.OrderBy(r => r.Key))
            Say($"not acknowledged: {count} × {status}");
        foreach (var sample in submitted.Samples)
            Say($"  e.g. {sample}");
        Say($"submissions: {submitted.AcknowledgedMs.Count} acknowledged in {submitted.Elapsed.TotalSeconds:F1} s (+ {submitted.WarmUps} in the untimed warm-up, {SubmitLoad.WarmUpPerClient} per client); " +
            $"{missing} acknowledged but not in the database after the portal stopped, {submitted.ServerErrors} answered 5xx, {submitted.Unanswered} unanswered");
        Bench("submit_per_s" + suffix, submitted.PerSecond, "/s");
        Bench("submit_p99_ms" + suffix, Percentile(submitted.AcknowledgedMs, 0.99), "ms");
        Bench("submit_p50_ms" + suffix, Percentile(submitted.AcknowledgedMs, 0.50), "ms");
        Bench("submit_lost" + suffix, missing + submitted.ServerErrors + submitted.Unanswered, "dossiers");
        Bench("submit_cpu_ms" + suffix, submitted.PortalCpuMsPerRequest, "ms");
    }
    if (circuits is not null)
    {
        foreach (var problem in circuits.Problems)
            Say($"lost click: {problem}");
        Say($"circuit_kb = (portal's live managed heap after all {circuits.Circuits} pages − after the first half) / the second half, " +
            "each read by dotnet-gcdump after the full collection it forces (garbage not counted); circuit_kb_overall = (after − before) / all, " +
            "the warm-up of the first pages included; circuit_rss_kb(_overall) = the same from VmRSS of /proc/<pid>/status (garbage and " +
            "native memory included: an upper bound); circuits_open_cpu_ms and click_cpu_ms = the portal's CPU time per page opened and per click, " +
            "circuits_open_client_cpu_ms = the browser's and its driver's per page opened, circuits_idle_*_cpu_ms_per_s = each side's CPU per second over 10 s with every page open and nothing done");
        Say("what a circuit holds (live objects per circuit over the second half, by type): " +
            string.Join("; ", circuits.MostObjectsPerCircuit(15).Select(t => $"{t.Type} {t.ObjectsPerCircuit:0.#}")));
        Bench("circuits", circuits.Circuits, "circuits");
        Bench("circuit_kb", circuits.HeapKbPerCircuit, "KB");
        Bench("circuit_kb_overall", circuits.HeapKbPerCircuitOverall, "KB");
        Bench("circuit_rss_kb", circuits.ResidentKbPerCircuit, "KB");
        Bench("circuit_rss_kb_overall", circuits.ResidentKbPerCircuitOverall, "KB");
        Bench("circuits_open_s", circuits.OpenTime.TotalSeconds, "s");
        Bench("circuits_open_cpu_ms", circuits.OpenCpu.Portal.TotalMilliseconds / circuits.Circuits, "ms");
        Bench("circuits_open_client_cpu_ms", circuits.OpenCpu.Client.TotalMilliseconds / circuits.Circuits, "ms");
        Bench("circuits_idle_cpu_ms_per_s", circuits.IdleCpuPerSecond.Portal.TotalMilliseconds, "ms");
        Bench("circuits_idle_client_cpu_ms_per_s", circuits.IdleCpuPerSecond.Client.TotalMilliseconds, "ms");
        Bench("click_cpu_ms", circuits.ClickCpu.TotalMilliseconds / Math.Max(1, circuits.ClickMs.Count + circuits.LostClicks), "ms");
        Bench("click_p95_ms", Percentile(circuits.ClickMs, 0.95), "ms");
        Bench("click_p50_ms", Percentile(circuits.ClickMs, 0.50), "ms");
        Bench("clicks_lost", circuits.LostClicks, "clicks");
    }
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.Playwright.PlaywrightException)
{
    Console.Error.WriteLine($"load benchmark failed: {e.Message}");
    return 1;
}
finally
{
    if (options.KeepCopy)
        Say($"kept {copy}");
    else
        foreach (var file in new[] { copy, copy + "-wal", copy + "-shm", PortalProcess.LogFileOf(copy) }
                     .Concat(new[] { "before", "middle", "after" }.Select(label => PortalProcess.HeapDumpFileOf(copy, label))))
            File.Delete(file);
}

static void Say(string line) => Console.WriteLine(line);

static void Bench(string name, double value, string unit) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH {name} {value:0.##} {unit}"));

static double Percentile(IReadOnlyList<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

// The repository holds HcmcPortal.csproj; this program runs from HcmcPortal.LoadTest/bin/<configuration>/net10.0/.
static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "HcmcPortal.csproj")))
            return dir.FullName;
    throw new InvalidOperationException("HcmcPortal.csproj not found above " + AppContext.BaseDirectory);
}

// A consistent copy even while another process has the database open (WAL content included).
static void CopyDatabase(string from, string to)
{
    using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
    using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Pooling = false }.ToString());
    source.Open();
    target.Open();
    source.BackupDatabase(target);
}

// Counted in the file after the portal has stopped: what a power-cut-free restart would find.
static int MissingCodes(string database, IReadOnlyCollection<string> acknowledged)
{
    using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
    db.Open();
    using var command = db.CreateCommand();
    command.CommandText = "SELECT d.Code FROM Dossiers d JOIN AspNetUsers u ON u.Id = d.ApplicantUserId WHERE u.NormalizedEmail LIKE $domain";
    command.Parameters.AddWithValue("$domain", "%@" + SubmitLoad.EmailDomain.ToUpperInvariant());
    var stored = new HashSet<string>();
    using (var reader = command.ExecuteReader())
        while (reader.Read())
            stored.Add(reader.GetString(0));
    return acknowledged.Count(code => !stored.Contains(code));
}

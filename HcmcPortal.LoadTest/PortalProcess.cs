using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;

namespace HcmcPortal.LoadTest;

/// <summary>
/// The built portal (<c>bin/&lt;configuration&gt;/net10.0/HcmcPortal.dll</c>) run as its own process on a free loopback
/// port, with Production settings, over the given SQLite file. Its log goes to a file beside the database.
/// </summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    /// <summary>Raised for the run so that the load measures the portal, not its budgets (RateLimits:*:PerClient/PerAccount).</summary>
    public const int RaisedRateLimit = 1_000_000;

    private readonly Process process;
    private readonly StreamWriter log;

    private readonly string repositoryRoot;

    private PortalProcess(Process process, StreamWriter log, string baseUrl, string databaseFile, string repositoryRoot)
    {
        this.process = process;
        this.log = log;
        this.repositoryRoot = repositoryRoot;
        BaseUrl = baseUrl;
        DatabaseFile = databaseFile;
    }

    public string BaseUrl { get; }
    public string DatabaseFile { get; }
    public string LogFile => LogFileOf(DatabaseFile);
    public static string LogFileOf(string databaseFile) => databaseFile + ".portal.log";
    /// <summary>Where a heap dump of the run is written, beside the database copy (deleted with it).</summary>
    public static string HeapDumpFileOf(string databaseFile, string label) => $"{databaseFile}.{label}.gcdump";
    public int Pid => process.Id;

    /// <summary>The settings the portal gets beyond appsettings.json, printed so that the run says what it measured.</summary>
    public static Dictionary<string, string> Settings(string databaseFile, string baseUrl, string synchronous)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Urls"] = baseUrl,
            ["Portal__PublicBaseUrl"] = baseUrl,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Sqlite"] = $"Data Source={databaseFile}",
            ["Database__SqliteSynchronous"] = synchronous,
            // The generated database's officers are the demo accounts: demo mode keeps them usable (and adds no demo dossiers).
            ["Demo__Enabled"] = "true",
            ["Demo__Dossiers"] = "0",
            ["Demo__FeedbackReports"] = "0",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var policy in new[] { "Submission", "SignIn", "Register" })
        foreach (var scope in new[] { "PerClient", "PerAccount" })
            settings[$"RateLimits__{policy}__{scope}"] = RaisedRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    public static async Task<PortalProcess> StartAsync(string repositoryRoot, string databaseFile, string synchronous, CancellationToken ct)
    {
        var configuration = typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PortalConfiguration").Value!;
        var dll = Path.Combine(repositoryRoot, "bin", configuration, "net10.0", "HcmcPortal.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"Không thấy {dll}: hãy build cổng trước (dotnet build -c {configuration} HcmcPortal.csproj).");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot, // the content root: wwwroot/ and appsettings.json
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in Settings(databaseFile, baseUrl, synchronous))
            info.Environment[key] = value;
        var logFile = LogFileOf(databaseFile);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.WriteLine(e.Data);
            if (e.Data.StartsWith("HcmcPortal is listening on", StringComparison.Ordinal))
                listening.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Cổng đã dừng khi khởi động (mã {process.ExitCode}); xem {logFile}."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, log, baseUrl, databaseFile, repositoryRoot);
        try
        {
            // Migrations and a roll-up recount on an old database may take a while; the portal says when it listens.
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(10), ct);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var health = await http.GetAsync("/health", ct);
            if (health.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"/health trả lời {(int)health.StatusCode}; xem {logFile}.");
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU time the portal process has used so far (user + system).</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time (user + system) of this load tool's other child processes — Playwright's driver and Chromium with its
    /// renderers — read from /proc: what the client side costs, to tell a slow portal from a slow browser.
    /// </summary>
    public TimeSpan ClientCpuTime()
    {
        var children = new Dictionary<int, List<int>>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // the process ended meanwhile
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) state ppid …": the name may hold spaces, so the fields are counted after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            ticks[pid] = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }
        long total = 0;
        var pending = new Stack<int>([Environment.ProcessId]);
        while (pending.TryPop(out var pid))
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
                if (child != process.Id)
                {
                    total += ticks[child];
                    pending.Push(child);
                }
        return TimeSpan.FromSeconds(total / 100.0); // USER_HZ: 100 on Linux
    }

    /// <summary>Resident memory of the portal process (VmRSS of /proc/&lt;pid&gt;/status), in KB.</summary>
    public long ResidentKb()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        throw new InvalidOperationException("VmRSS not found in /proc/<pid>/status.");
    }

    /// <summary>
    /// What the portal's managed heap holds, and how many objects of each type. (The report's byte column is not a
    /// total per type — it is one object's size — so only the heap's total is in bytes.)
    /// </summary>
    public sealed record HeapDump(long Bytes, IReadOnlyDictionary<string, long> ObjectsByType);

    /// <summary>
    /// The portal's live managed heap: dotnet-gcdump (the repository's tool manifest, <c>dotnet tool restore</c>) forces a
    /// full collection and walks what survives it, so garbage is not counted (unlike VmRSS). The dump is written to
    /// <paramref name="file"/>; <c>dotnet-gcdump report FILE</c> lists it again.
    /// </summary>
    public async Task<HeapDump> DumpHeapAsync(string file)
    {
        await ToolAsync("collect", "-p", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file);
        var report = await ToolAsync("report", file);
        long? total = null;
        var byType = new Dictionary<string, long>();
        foreach (var line in report.Split('\n'))
        {
            if (line.Trim().EndsWith("GC Heap bytes", StringComparison.Ordinal))
                total = Number(line.Trim().Split(' ')[0]);
            else if (ReportRow().Match(line) is { Success: true } row)
            {
                // "System.Byte[] (Bytes > 100K)  [System.Private.CoreLib.dll]": the size buckets of one type added up.
                var type = row.Groups["type"].Value;
                byType[type] = byType.GetValueOrDefault(type) + Number(row.Groups["count"].Value);
            }
        }
        return new HeapDump(total ?? throw new InvalidOperationException($"dotnet-gcdump report {file} printed no \"GC Heap bytes\" line:\n{report}"), byType);

        static long Number(string text) => long.Parse(text.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[\d,]+\s+(?<count>[\d,]+)\s+(?<type>.+?)(\s+\(Bytes > \d+K\))?\s+\[[^\]]+\]\s*$")]
    private static partial System.Text.RegularExpressions.Regex ReportRow();

    private async Task<string> ToolAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["tool", "run", "dotnet-gcdump", .. arguments])
            info.ArgumentList.Add(argument);
        using var tool = Process.Start(info)!;
        var output = tool.StandardOutput.ReadToEndAsync();
        var errors = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        if (tool.ExitCode != 0)
            throw new InvalidOperationException($"dotnet-gcdump {string.Join(' ', arguments)} failed ({tool.ExitCode}; has `dotnet tool restore` been run?): {await errors}{await output}");
        return await output;
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM: the host shuts down gracefully), SIGKILL after 60 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
            return;
        _ = Kill(process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        lock (log) log.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

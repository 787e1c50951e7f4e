using System.Diagnostics;
using System.Globalization;

namespace HcmcPortal.Scale;

/// <summary>
/// The end of <c>benchmark</c>: the load figures (submit_*, circuit_kb, click_*) measured against the real app on
/// loopback by HcmcPortal.LoadTest, run as a child process on the same database file (it works on a copy). Skipped
/// with <c>--no-load</c>. When FULL misses the submission target, the submissions are measured once more with
/// synchronous=NORMAL for that run only, so that the report shows what FULL costs.
/// </summary>
public static class LoadBenchmark
{
    private const double TargetPerSecond = 200;
    private const double TargetP99Ms = 250;

    /// <summary>The child's BENCH lines, in order (each already printed as it came).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(string[] args, string databaseFile)
    {
        if (args.Contains("--no-load"))
            return [];
        var project = Path.Combine("HcmcPortal.LoadTest", "HcmcPortal.LoadTest.csproj");
        if (!File.Exists(project))
        {
            Console.WriteLine($"load figures skipped: {Path.GetFullPath(project)} not found (run the benchmark from the repository root)");
            return [];
        }
        var quick = args.Contains("--quick") ? ["--quick"] : Array.Empty<string>();
        var lines = await RunChildAsync(project, build: true, ["--database", databaseFile, .. quick]);
        var perSecond = Figure(lines, "submit_per_s");
        var p99 = Figure(lines, "submit_p99_ms");
        if (perSecond is not null && (perSecond < TargetPerSecond || p99 > TargetP99Ms))
        {
            Console.WriteLine($"submission target (≥ {TargetPerSecond}/s, p99 ≤ {TargetP99Ms} ms) missed with synchronous=FULL: measuring NORMAL too (this run only)");
            lines = [.. lines, .. await RunChildAsync(project, build: false, ["--database", databaseFile, "--synchronous", "normal", "--no-circuits", .. quick])];
        }
        return lines;
    }

    private static double? Figure(IEnumerable<string> lines, string name) =>
        lines.Select(l => l.Split(' ')).Where(p => p.Length == 4 && p[1] == name)
            .Select(p => (double?)double.Parse(p[2], CultureInfo.InvariantCulture)).FirstOrDefault();

    /// <param name="build">False for a second run: the first one built the tool, so its up-to-date check is not paid twice.</param>
    private static async Task<List<string>> RunChildAsync(string project, bool build, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string[] noBuild = build ? [] : ["--no-build"];
        foreach (var argument in (string[])["run", "-c", "Release", .. noBuild, "--project", project, "--", .. arguments])
            info.ArgumentList.Add(argument);
        Console.WriteLine($"load: dotnet {string.Join(' ', info.ArgumentList)}");
        using var child = Process.Start(info)!;
        var bench = new List<string>();
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            Console.WriteLine(line);
            if (line.StartsWith("BENCH ", StringComparison.Ordinal))
                bench.Add(line);
        }
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            Console.WriteLine($"load benchmark exited with {child.ExitCode}: its figures are missing from this run");
        return bench;
    }
}

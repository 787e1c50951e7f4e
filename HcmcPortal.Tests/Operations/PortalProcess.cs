using System.Diagnostics;
using System.Text;
using HcmcPortal.Tests.Infrastructure;

namespace HcmcPortal.Tests.Operations;

/// <summary>
/// The portal as a real, separate process (<c>dotnet HcmcPortal.dll</c> from the app's build output) on a loopback port
/// with its own SQLite file, so a test can SIGKILL it as an operating system would.
/// </summary>
public sealed class PortalProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process) => this.process = process;

    public Uri Address { get; private set; } = null!;

    /// <summary>The app's own build output, next to this test project's (same configuration).</summary>
    public static string AppDll { get; } = Path.Combine(PortalFactory.RepoRoot, "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "HcmcPortal.dll");

    public static ProcessStartInfo StartInfo(string databasePath, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = PortalFactory.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(AppDll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["ConnectionStrings__Sqlite"] = $"Data Source={databasePath}";
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Demo__Dossiers"] = "0";
        // 16 clients submit as one account, far beyond a person's budget: the test is about durability, not throttling.
        info.Environment["RateLimits__Submission__PerAccount"] = "100000";
        info.Environment["RateLimits__Submission__PerClient"] = "100000";
        info.Environment["RateLimits__SignIn__PerAccount"] = "100000";
        info.Environment["RateLimits__SignIn__PerClient"] = "100000";
        info.Environment["Email__Smtp__PickupFolder"] = databasePath + "-mail";
        info.Environment["Serilog__MinimumLevel__Default"] = "Information";
        info.Environment["Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware"] = "Warning";
        return info;
    }

    /// <summary>Starts the portal and returns once it says it is listening (read from its log, no polling).</summary>
    public static async Task<PortalProcess> StartAsync(string databasePath)
    {
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = StartInfo(databasePath, "--urls", "http://127.0.0.1:0"), EnableRaisingEvents = true };
        var portal = new PortalProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
                return;
            lock (portal.output)
                portal.output.AppendLine(line);
            var at = line.IndexOf("http://127.0.0.1:", StringComparison.Ordinal);
            if (line.Contains("Now listening on", StringComparison.Ordinal) && at >= 0)
                listening.TrySetResult(new Uri(new string(line[at..].TakeWhile(c => c is not '"' and not ' ').ToArray())));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (portal.output) portal.output.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The portal exited before listening:\n" + portal.Log));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        portal.Address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return portal;
    }

    public string Log { get { lock (output) return output.ToString(); } }

    /// <summary>SIGKILL: no shutdown, no flush, no finally blocks — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            Kill();
        process.Dispose();
    }
}

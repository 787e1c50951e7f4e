using System.Net;
using HcmcPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Infrastructure;

/// <summary>
/// The real app on its own SQLite file (real migrations, real seeding), one per test class.
/// With <see cref="UseRealSocket"/> it listens on a loopback port for the browser tests.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// A database migrated and seeded once per test run by a plain factory. Migrating and seeding cost several seconds
    /// of CPU per start, and most test classes start a plain factory: they start from a copy of this file instead,
    /// and the app's start on it still runs (migrations up to date, seeders find their data).
    /// </summary>
    private static readonly Lazy<string> SeededTemplate = new(CreateSeededTemplate);
    private readonly bool buildsTemplate;

    public PortalFactory() { }

    private PortalFactory(bool buildsTemplate) => this.buildsTemplate = buildsTemplate;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "hcmcportal-tests", $"{Guid.NewGuid():N}.db");
    protected virtual int DemoDossiers => 240;
    protected virtual bool UseRealSocket => false;
    protected virtual string EnvironmentName => "Development";
    /// <summary>Extra settings of a subclass (e.g. production without demo data).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HcmcPortal.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HcmcPortal.sln not found above the test output.");
    }

    /// <summary>
    /// Only the plain factories start from the template: a subclass may seed differently (volume, clock, environment,
    /// settings) and keeps its own seeding.
    /// </summary>
    private bool StartsFromTemplate => !buildsTemplate && (GetType() == typeof(PortalFactory) || GetType() == typeof(BrowserPortalFactory));

    private static string CreateSeededTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "hcmcportal-tests", $"template-{Guid.NewGuid():N}.db");
        using var builder = new PortalFactory(buildsTemplate: true);
        builder.StartServer();
        // The online backup copies a consistent database, whatever the builder's WAL still holds.
        using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={builder.DatabasePath};Pooling=False");
        using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        if (StartsFromTemplate && !File.Exists(DatabasePath))
            File.Copy(SeededTemplate.Value, DatabasePath);
        builder.UseContentRoot(RepoRoot);
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Dossiers", DemoDossiers.ToString());
        builder.UseSetting("Email:Smtp:PickupFolder", Path.Combine(Path.GetDirectoryName(DatabasePath)!, "mail-" + Path.GetFileNameWithoutExtension(DatabasePath)));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test class signs in, registers and submits from one address: budgets no test trips by accident.
        // The lookup keeps its real budget (its tests count it); RateLimitTests set small budgets to prove the 429s.
        foreach (var policy in new[] { "SignIn", "Register", "PasswordReset", "Submission", "Feedback" })
            foreach (var scope in new[] { "PerClient", "PerAccount" })
                builder.UseSetting($"RateLimits:{policy}:{scope}", "100000");
        // The morning reminders run on the real clock; tests that check them turn them on or call them directly.
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (UseRealSocket)
            this.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The server's loopback address (starts Kestrel on first use).</summary>
    public string ServerAddress
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }

    public string MailFolder => Path.Combine(Path.GetDirectoryName(DatabasePath)!, "mail-" + Path.GetFileNameWithoutExtension(DatabasePath));

    public AppDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(DatabasePath + suffix);
    }
}

/// <summary>The app on a real loopback socket, for Playwright.</summary>
public class BrowserPortalFactory : PortalFactory
{
    protected override bool UseRealSocket => true;
}

using HcmcPortal.Data;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Scale;

/// <summary>
/// The scale commands (docs/performance.md), run instead of the web server:
/// <list type="bullet">
/// <item><c>generate --dossiers N [--database FILE]</c>: a new SQLite database with reference data, the demo accounts and N generated dossiers.</item>
/// <item><c>rollups rebuild [--database FILE]</c>: recounts the report roll-ups from the dossiers (idempotent; repairs).</item>
/// <item><c>benchmark --dossiers N [--database FILE] [--quick] [--no-load]</c>: generates (or reuses) a database, measures the pages' services, then the load against the real app (LoadBenchmark).</item>
/// </list>
/// </summary>
public static class ScaleCommands
{
    private static readonly string[] Commands = ["generate", "rollups", "benchmark"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static int Dossiers(string[] args) => int.TryParse(Option(args, "--dossiers"), out var n) && n > 0 ? n : 200_000;

    /// <summary>The database file: <c>--database</c>, else App_Data/scale-N.db for generate/benchmark, else the portal's own.</summary>
    public static string? DatabaseFile(string[] args) =>
        Option(args, "--database") ?? (args[0] == "rollups" ? null : Path.Combine("App_Data", $"scale-{Dossiers(args)}.db"));

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>Points the app at the command's database, with the demo accounts but without demo dossiers, and quiet logs.</summary>
    public static void Configure(ConfigurationManager config, string[] args)
    {
        var settings = new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Warning" };
        if (DatabaseFile(args) is { } file)
        {
            settings["Database:Provider"] = "Sqlite";
            settings["ConnectionStrings:Sqlite"] = $"Data Source={file}";
            settings["Demo:Enabled"] = "true";
            settings["Demo:Dossiers"] = "0";
            // The 1022 channel's reports (issue 13) beside the dossiers, by its own demo seeder: one for every 400 dossiers (EF inserts: ≈ 3 ms CPU each),
            // only into a database being generated (a benchmark on an existing copy must not change it).
            if (args[0] == "generate" || !File.Exists(file))
                settings["Demo:FeedbackReports"] = (Dossiers(args) / 400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        config.AddInMemoryCollection(settings);
    }

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        switch (args[0])
        {
            case "generate":
                await GenerateAsync(dbFactory, Dossiers(args));
                return 0;
            case "rollups" when args.Length > 1 && args[1] == "rebuild":
                var rows = await DossierRollups.RebuildAsync(dbFactory);
                Console.WriteLine($"Đã tính lại {rows:N0} dòng tổng hợp từ hồ sơ.");
                return 0;
            case "benchmark":
                var count = Dossiers(args);
                await using (var db = await dbFactory.CreateDbContextAsync())
                    if (!await db.Dossiers.AnyAsync())
                        await GenerateAsync(dbFactory, count);
                return await Benchmark.RunAsync(services, args);
            default:
                Console.Error.WriteLine("Cách dùng: generate --dossiers N [--database FILE] | rollups rebuild [--database FILE] | benchmark --dossiers N [--database FILE] [--quick] [--no-load]");
                return 2;
        }
    }

    private static async Task GenerateAsync(IDbContextFactory<AppDbContext> dbFactory, int count)
    {
        using (var process = System.Diagnostics.Process.GetCurrentProcess())
            Console.WriteLine(FormattableString.Invariant(
                $"phase start-up (migrations, reference data, demo accounts, feedback reports): wall {(DateTime.Now - process.StartTime).TotalSeconds:F1} s, cpu {process.TotalProcessorTime.TotalSeconds:F1} s"));
        var elapsed = await DataGenerator.GenerateAsync(dbFactory, count, Console.WriteLine);
        Console.WriteLine($"generated {count:N0} dossiers in {elapsed.TotalSeconds:F0} s");
    }
}

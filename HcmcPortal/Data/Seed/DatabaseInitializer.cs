using HcmcPortal.Accounts;
using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

public sealed class DemoOptions
{
    /// <summary>Demo accounts and dossiers only when explicitly true (appsettings.Development.json sets it; production never).</summary>
    public bool? Enabled { get; set; }
    public int Dossiers { get; set; } = 3600;
    /// <summary>Demo reports of the 1022 channel; by default as many as dossiers (tests seed fewer dossiers, so fewer reports).</summary>
    public int? FeedbackReports { get; set; }
    public const string Password = "Demo@12345";
}

/// <summary>Applies migrations and seeds reference data (and, in demo mode, demo accounts and dossiers) at start.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<DemoOptions> demo,
    Microsoft.Extensions.Options.IOptions<AdminOptions> admin,
    IConfiguration config,
    ILogger<DatabaseInitializer> log)
{
    /// <summary><c>migrate</c>: apply the migrations and seed, then exit — run once per release, before the instances start.</summary>
    public static bool IsMigrateCommand(string[] args) => args.Length > 0 && args[0] == "migrate";

    /// <summary>
    /// At start: migrate and seed (one instance, the default), or with <c>Database:MigrateAtStart=false</c> (several
    /// instances, docs/deployment.md) only check that the <c>migrate</c> command has brought the database up to date.
    /// </summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (config.GetValue("Database:MigrateAtStart", true))
        {
            await InitializeAsync(ct);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}) and Database:MigrateAtStart is false: run `dotnet HcmcPortal.dll migrate` first (docs/deployment.md).");
    }

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers (reports, queues) proceed while a dossier is being saved.
                await using var conn = (SqliteConnection)db.Database.GetDbConnection();
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode=WAL;";
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            db.ActorId = "system";
            await ReferenceSeeder.SeedAsync(db, ct);
            // A database from before the roll-ups (or repaired by hand and emptied) gets them counted once.
            if (!await db.DossierRollups.AnyAsync(ct) && await db.Dossiers.AnyAsync(ct))
                log.LogInformation("Counted {Rows} report roll-up rows from the dossiers", await Reports.DossierRollups.RebuildAsync(dbFactory, ct));
        }

        if (demo.Value.Enabled == true)
        {
            using var scope = scopes.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ActorId = "system";
            await DemoSeeder.SeedAsync(db, users, roles, demo.Value.Dossiers, log, ct);
            await HcmcPortal.Dx.DxDemoSeeder.SeedAsync(dbFactory, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
            await HcmcPortal.Feedback.FeedbackDemoSeeder.SeedAsync(dbFactory, scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                demo.Value.FeedbackReports ?? demo.Value.Dossiers, log, ct);
        }
        else
        {
            using var scope = scopes.CreateScope();
            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            await LockDemoAccountsAsync(ct);
        }
        using (var scope = scopes.CreateScope())
            await FirstAdministrator.EnsureAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), admin.Value,
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), log);
    }

    /// <summary>
    /// A database that once ran in demo mode keeps the demo accounts and their published password: outside demo mode
    /// they are locked and their sessions ended (a new security stamp). The portal locks them, not a person, so each
    /// lock is written to the audit trail in the same save under the system actor.
    /// </summary>
    private async Task LockDemoAccountsAsync(CancellationToken ct)
    {
        var demoEmails = DemoSeeder.Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var demo = await db.Users.Where(u => demoEmails.Contains(u.NormalizedEmail!) && u.LockoutEnd == null).ToListAsync(ct);
        var now = DateTime.UtcNow;
        foreach (var user in demo)
        {
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            AdminAuditTrail.RecordBySystem(db, user, AdminAuditActions.Locked, now,
                before: new() { [nameof(AppUser.LockoutEnd)] = null }, after: new() { [nameof(AppUser.LockoutEnd)] = DateTimeOffset.MaxValue });
        }
        await db.SaveChangesAsync(ct);
        if (demo.Count > 0)
            log.LogWarning("Demo mode is off: locked {Count} demo accounts left in the database", demo.Count);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}

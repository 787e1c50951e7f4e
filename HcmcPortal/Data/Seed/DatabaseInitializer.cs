using HcmcPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data.Seed;

public sealed class DemoOptions
{
    /// <summary>On by default with SQLite, off by default with SQL Server (set Demo:Enabled to override).</summary>
    public bool? Enabled { get; set; }
    public int Dossiers { get; set; } = 3600;
    public const string Password = "Demo@12345";
}

/// <summary>Applies migrations and seeds reference data (and, in demo mode, demo accounts and dossiers) at start.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    IServiceScopeFactory scopes,
    IConfiguration config,
    Microsoft.Extensions.Options.IOptions<DemoOptions> demo,
    ILogger<DatabaseInitializer> log)
{
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
        }

        var provider = DatabaseSetup.ProviderOf(config);
        if (demo.Value.Enabled ?? provider == DatabaseProvider.Sqlite)
        {
            using var scope = scopes.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.ActorId = "system";
            await DemoSeeder.SeedAsync(db, users, roles, demo.Value.Dossiers, log, ct);
            await HcmcPortal.Dx.DxDemoSeeder.SeedAsync(dbFactory, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        }
        else
        {
            using var scope = scopes.CreateScope();
            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}

using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using HcmcPortal.Scale;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Benchmarks;

/// <summary>A migrated, seeded portal without demo dossiers: what the generate command starts from.</summary>
public sealed class EmptyScalePortal : PortalFactory
{
    protected override int DemoDossiers => 0;
}

/// <summary>
/// The data generator leaves a normal portal database: the schema the migrations created (it drops the indexes during
/// the load and rebuilds them), WAL, statistics, and roll-ups equal to a recount from the generated dossiers.
/// </summary>
public sealed class DataGeneratorTests(EmptyScalePortal portal) : IClassFixture<EmptyScalePortal>
{
    [Fact]
    public async Task A_generated_database_has_the_migrated_schema_and_rollups_equal_to_a_recount()
    {
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(); // starts the app: migrations and seeding
        var migratedSchema = await SchemaAsync();
        Assert.Contains(migratedSchema, s => s.StartsWith("index|IX_Dossiers_", StringComparison.Ordinal));

        await DataGenerator.GenerateAsync(dbFactory, 2_000, _ => { });

        Assert.Equal(migratedSchema, await SchemaAsync());
        await using var db = portal.CreateDb();
        Assert.Equal(2_000, await db.Dossiers.CountAsync());
        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode"));
        Assert.True(Convert.ToInt64(await ScalarAsync("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'Dossiers'")) > 0, "ANALYZE was not run.");
        // Every dossier has its timeline, and the generated history holds every end of the workflow.
        Assert.Equal(0, await db.Dossiers.CountAsync(d => !db.DossierEvents.Any(e => e.DossierId == d.Id)));
        var stages = await db.Dossiers.Select(d => d.Stage).Distinct().ToListAsync();
        Assert.Superset(new HashSet<DossierStage> { DossierStage.Returned, DossierStage.Refused, DossierStage.Withdrawn, DossierStage.Stopped }, stages.ToHashSet());
        Assert.True(await db.Ratings.AnyAsync() && await db.Files.AnyAsync() && await db.DossierEvents.AnyAsync(e => e.ToUnitId != null));

        var stored = await DossierRollups.StoredAsync(db, default);
        var recount = await DossierRollups.RecountAsync(db, default);
        Assert.NotEmpty(stored);
        Assert.Equal(recount.Count, stored.Count);
        foreach (var (key, values) in recount)
            Assert.True(stored.TryGetValue(key, out var kept) && kept.SequenceEqual(values), $"Roll-up {key} differs from the recount.");
    }

    /// <summary>Every table, index and trigger with its SQL, sorted.</summary>
    private async Task<List<string>> SchemaAsync()
    {
        await using var conn = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT type || '|' || name || '|' || coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name";
        var schema = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            schema.Add(reader.GetString(0));
        return schema;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var conn = new SqliteConnection($"Data Source={portal.DatabasePath}");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }
}

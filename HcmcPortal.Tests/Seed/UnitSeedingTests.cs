using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Seed;

/// <summary>Unit seeding on a database of an older version (the 22 districts with a sample of wards) and run twice.</summary>
public sealed class UnitSeedingTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "hcmcportal-tests", $"units-{Guid.NewGuid():N}.db");

    private SqliteAppDbContext Db()
    {
        var o = new DbContextOptionsBuilder<SqliteAppDbContext>().UseApplicationServiceProvider(DatabaseSetup.StandaloneServices);
        DatabaseSetup.ConfigureSqlite(o, $"Data Source={path}");
        return new SqliteAppDbContext(o.Options);
    }

    [Fact]
    public async Task An_old_database_gains_the_missing_wards_the_168_units_and_the_links_and_keeps_its_unit_ids()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var db = Db())
        {
            await db.Database.MigrateAsync();
            // What versions before issue 9 stored: the city, the districts and a few wards (one not in the 2025 file).
            var city = new AdministrativeUnit { Code = "79", AgencyCode = "000.00.00.H29", Name = "Thành phố Hồ Chí Minh", Kind = "Thành phố", Level = UnitLevel.Province, ValidFrom = ReferenceUnits.Founded };
            var q1 = new AdministrativeUnit { Code = "760", AgencyCode = "000.00.01.H29", Name = "Quận 1", Kind = "Quận", Level = UnitLevel.District, Parent = city, ValidFrom = ReferenceUnits.Founded, ValidTo = ReferenceUnits.DistrictLevelEnded };
            var benNghe = new AdministrativeUnit { Code = "26740", AgencyCode = "000.01.01.H29", Name = "Phường Bến Nghé", Kind = "Phường", Level = UnitLevel.Commune, Parent = q1, ValidFrom = ReferenceUnits.Founded, ValidTo = ReferenceUnits.DistrictLevelEnded };
            var merged = new AdministrativeUnit { Code = "26999", AgencyCode = "000.01.02.H29", Name = "Phường Đã Nhập", Kind = "Phường", Level = UnitLevel.Commune, Parent = q1, ValidFrom = ReferenceUnits.Founded, ValidTo = ReferenceUnits.DistrictLevelEnded };
            db.Units.AddRange(city, q1, benNghe, merged);
            await db.SaveChangesAsync();
        }
        Dictionary<string, int> idsBefore;
        await using (var db = Db())
            idsBefore = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id);

        await using (var db = Db())
            await ReferenceSeeder.SeedUnitsAsync(db, default);
        var first = await SnapshotAsync();
        await using (var db = Db())
            await ReferenceSeeder.SeedUnitsAsync(db, default);

        Assert.Equal(first, await SnapshotAsync());
        var tree = ReferenceUnits.Build();
        Assert.Equal(1 + 22 + 273 + 168 + 1, first.Units);
        Assert.Equal(tree.Successions.Count, first.Links);
        await using var check = Db();
        foreach (var (code, id) in idsBefore)
            Assert.Equal(id, (await check.Units.SingleAsync(u => u.Code == code && u.ValidFrom == ReferenceUnits.Founded)).Id);
        var saiGon = await check.Units.SingleAsync(u => u.Code == "26740" && u.ValidFrom == new DateOnly(2025, 7, 1));
        Assert.Equal($"/{idsBefore["79"]}/{saiGon.Id}/", saiGon.Path);
        Assert.True(await check.UnitSuccessions.AnyAsync(s => s.PredecessorId == idsBefore["26740"] && s.SuccessorId == saiGon.Id && !s.Partial));
        Assert.Equal(4, await check.UnitSuccessions.CountAsync(s => s.PredecessorId == idsBefore["760"]));
        Assert.False(await check.UnitSuccessions.AnyAsync(s => s.PredecessorId == idsBefore["26999"]));
    }

    private async Task<(int Units, int Links, string Paths)> SnapshotAsync()
    {
        await using var db = Db();
        return (await db.Units.CountAsync(), await db.UnitSuccessions.CountAsync(),
            string.Join(";", await db.Units.OrderBy(u => u.Id).Select(u => u.Path).ToListAsync()));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}

using HcmcPortal.Accounts;
using HcmcPortal.Citizen.MyDossiers;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>A portal of its own: these tests change dossiers.</summary>
public sealed class RollupPortal : PortalFactory;

/// <summary>
/// The report roll-ups (DossierRollups) against a recount from the raw dossiers: after the demo seeding and after
/// random officer and citizen actions, the kept rows equal a recount, and every report figure read from them equals
/// the same figure counted from the dossiers with the report predicates, for windows past, current and straddling.
/// </summary>
public sealed class RollupTests(RollupPortal portal) : IClassFixture<RollupPortal>
{
    [Fact]
    public async Task Rollups_equal_a_recount_from_the_dossiers_after_random_operations()
    {
        await AssertRollupsEqualRecountAsync();
        await AssertReportsEqualRawCountsAsync();

        var dossiers = portal.Services.GetRequiredService<DossierService>();
        var leader = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");
        // One person holding every desk role of the unit, so that any allowed action can be tried.
        var officer = leader with { Roles = new HashSet<string> { Roles.Reception, Roles.Specialist, Roles.UnitLeader } };
        var citizen = await portal.ActorAsync("congdan@demo.hcmc.vn");
        string specialistId;
        int[] otherUnits;
        await using (var db = portal.CreateDb())
        {
            specialistId = await db.Users.Where(u => u.Email == "chuyenvien.q1@demo.hcmc.vn").Select(u => u.Id).SingleAsync();
            otherUnits = await db.Units.Where(u => u.Level == UnitLevel.Commune && u.ValidFrom == new DateOnly(2025, 7, 1) && u.Id != officer.UnitId)
                .OrderBy(u => u.Id).Select(u => u.Id).Take(5).ToArrayAsync();
        }
        // New dossiers at the unit (submissions move the counters too), with and without fees.
        await using (var db = portal.CreateDb())
        {
            var procedures = await db.Procedures.Include(p => p.RequiredDocuments).OrderByDescending(p => p.FeeVnd > 0).ThenBy(p => p.Id).Take(4).ToListAsync();
            for (var n = 0; n < 16; n++)
            {
                var procedure = procedures[n % procedures.Count];
                var result = await dossiers.SubmitAsync(citizen, new SubmitRequest(procedure.Id, officer.UnitId!.Value, DossierChannel.Online)
                {
                    ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234",
                    Files = [.. procedure.RequiredDocuments.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id))],
                });
                Assert.True(result.Succeeded, result.Message);
            }
        }
        await AssertRollupsEqualRecountAsync();
        var rng = new Random(12);
        var applied = 0;
        for (var i = 0; i < 120; i++)
        {
            await using var db = portal.CreateDb();
            var candidates = await db.Dossiers.Where(d => d.UnitId == officer.UnitId)
                .Select(d => new { d.Id, d.Version, d.Stage, d.FeeVnd }).ToListAsync();
            candidates = [.. candidates.Where(d => DossierWorkflow.AllowedActions(d.Stage, d.FeeVnd).Count > 0)];
            if (candidates.Count == 0)
                break;
            var pick = candidates[rng.Next(candidates.Count)];
            var actions = DossierWorkflow.AllowedActions(pick.Stage, pick.FeeVnd);
            if (actions.Count == 0)
                continue;
            var action = actions[rng.Next(actions.Count)];
            var files = action is DossierAction.SubmitSupplement || (action == DossierAction.ProposeResult && rng.Next(2) == 0)
                ? new[] { new UploadedFile("giay-to.pdf", TestFiles.Pdf()) } : [];
            var result = await dossiers.ApplyAsync(officer, new ActionRequest(pick.Id, pick.Version, action)
            {
                Note = "Ghi chú kiểm thử.",
                AssigneeId = specialistId,
                TargetUnitId = otherUnits[rng.Next(otherUnits.Length)],
                Files = files,
            });
            if (result.Succeeded)
                applied++;
        }
        // Ratings on the citizen's returned dossiers move the rating and complaint counters.
        var mine = portal.Services.GetRequiredService<MyDossierService>();
        await using (var db = portal.CreateDb())
        {
            var returned = await db.Dossiers.Where(d => d.ApplicantUserId == citizen.UserId && d.Stage == DossierStage.Returned && !db.Ratings.Any(r => r.DossierId == d.Id))
                .Select(d => d.Id).Take(6).ToListAsync();
            foreach (var (id, n) in returned.Select((id, n) => (id, n)))
                Assert.True((await mine.RateAsync(citizen, id, (SatisfactionLevel)(1 + n % 3), null)).Succeeded);
        }
        Assert.True(applied >= 30, $"only {applied} actions applied");

        await AssertRollupsEqualRecountAsync();
        await AssertReportsEqualRawCountsAsync();

        // The rebuild command gives the same rows (idempotent: twice).
        var dbFactory = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await DossierRollups.RebuildAsync(dbFactory);
        await DossierRollups.RebuildAsync(dbFactory);
        await AssertRollupsEqualRecountAsync();
    }

    private async Task AssertRollupsEqualRecountAsync()
    {
        await using var db = portal.CreateDb();
        var stored = await DossierRollups.StoredAsync(db, default);
        var recount = await DossierRollups.RecountAsync(db, default);
        Assert.NotEmpty(recount);
        Assert.Equal(recount.Keys.ToHashSet(), stored.Keys.ToHashSet());
        foreach (var (key, values) in recount)
            Assert.True(values.SequenceEqual(stored[key]), $"{key}: stored {string.Join(",", stored[key])}, recount {string.Join(",", values)}");
    }

    /// <summary>Each report's figures (read from the roll-ups) against the report predicates over every dossier.</summary>
    private async Task AssertReportsEqualRawCountsAsync()
    {
        var now = DateTime.UtcNow;
        var today = VietnamTime.Today(TimeProvider.System);
        var statistics = portal.Services.GetRequiredService<StatisticsService>();
        var leader = ReportServiceTests.CityLeader;
        (DateOnly, DateOnly)[] ranges =
        [
            (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            (new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 30)),
            (new DateOnly(today.Year, 1, 1), today),
            (today.AddDays(-10), today.AddDays(-3)),
            (today.AddDays(-40), today.AddDays(20)),
        ];
        await using var db = portal.CreateDb();
        var unitOfficer = await portal.ActorAsync("lanhdao.q1@demo.hcmc.vn");
        var districtPath = await db.Units.Where(u => u.Id == unitOfficer.UnitId).Select(u => u.Path).SingleAsync();
        Actor[] readers = [leader, unitOfficer, new("test-district", "Lãnh đạo quận", null, districtPath, null, new HashSet<string> { Roles.CityLeader })];
        foreach (var (from, to) in ranges)
        {
            foreach (var section in await ReportUnits.SectionsAsync(db, from, to, default))
            {
                var w = section.Window(now);
                var fromRollups = await PortalMetrics.CountByUnitAsync(db, w, section.Units, default);
                var raw = await GroupedCounter.CountAsync(MetricRow.From(db, db.Dossiers), r => r.D.UnitPath, PortalMetrics.AllPredicates(w), default);
                foreach (var unit in section.Units)
                    Assert.Equal(Fold(raw, unit.Path, PortalMetrics.PartCount), fromRollups[unit.Id].Values);
            }
            var report = await statistics.ComputeAsync(leader, from, to, StatGrouping.Unit);
            foreach (var section in report.Sections)
            {
                var raw = await GroupedCounter.CountAsync(MetricRow.From(db, db.Dossiers), r => r.D.UnitPath,
                    [.. StatisticsService.Columns.Select(c => StatisticsService.Predicate(c.Column, section.Window))], default);
                var paths = await db.Units.ToDictionaryAsync(u => u.Id.ToString(), u => u.Path);
                foreach (var row in section.Rows)
                    Assert.Equal(Fold(raw, paths[row.Key], StatisticsService.Columns.Count), row.Values);
            }
            var byProcedure = await statistics.ComputeAsync(leader, from, to, StatGrouping.Procedure);
            var rawByProcedure = await GroupedCounter.CountAsync(MetricRow.From(db, db.Dossiers), r => r.D.ProcedureId,
                [.. StatisticsService.Columns.Select(c => StatisticsService.Predicate(c.Column, byProcedure.Window))], default);
            foreach (var row in byProcedure.Rows)
                Assert.Equal(rawByProcedure.GetValueOrDefault(int.Parse(row.Key)) ?? new int[StatisticsService.Columns.Count], row.Values);
            // By officer (day × unit × officer roll-ups): city-wide, a district leader's subtree and one unit's officer.
            foreach (var reader in readers)
            {
                var byOfficer = await statistics.ComputeAsync(reader, from, to, StatGrouping.Officer);
                var rawByOfficer = await GroupedCounter.CountAsync(MetricRow.From(db, db.Dossiers.VisibleTo(reader)), r => r.D.AssignedOfficerId ?? StatisticsService.UnassignedKey,
                    [.. StatisticsService.Columns.Select(c => StatisticsService.Predicate(c.Column, byOfficer.Window))], default);
                foreach (var row in byOfficer.Rows)
                    Assert.Equal(rawByOfficer.GetValueOrDefault(row.Key) ?? new int[StatisticsService.Columns.Count], row.Values);
                // City-wide every officer with a figure has a row (a scoped reader's list holds the specialists of its units).
                if (reader == leader)
                    foreach (var (officer, values) in rawByOfficer.Where(kv => kv.Value.Any(v => v != 0)))
                        Assert.Contains(byOfficer.Rows, r => r.Key == officer && r.Values.SequenceEqual(values));
            }
        }
    }

    private static int[] Fold(Dictionary<string, int[]> byPath, string path, int width) =>
        byPath.Where(kv => kv.Key.StartsWith(path, StringComparison.Ordinal)).Aggregate(new int[width], (sum, kv) => [.. sum.Zip(kv.Value, (a, b) => a + b)]);
}

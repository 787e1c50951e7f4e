using System.Globalization;
using System.Text;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>The app without random demo dossiers: a golden test loads its own fixed set.</summary>
public sealed class GoldenPortalFactory : PortalFactory
{
    protected override int DemoDossiers => 0;
}

/// <summary>
/// A 2024 report keeps the 22 districts and exactly the figures it had before reports learned the 2025 structure
/// (issue 9 item 3). The expected text (Golden/reports-2024.txt) was written by the code as it stood before that
/// change, from a fixed, seeded set of dossiers, so any difference in a 2024 figure fails here.
/// </summary>
public sealed class Reports2024GoldenTests(GoldenPortalFactory portal) : IClassFixture<GoldenPortalFactory>
{
    private static readonly string GoldenPath = Path.Combine(PortalFactory.RepoRoot, "HcmcPortal.Tests", "Reports", "Golden", "reports-2024.txt");

    [Fact]
    public async Task Reports_for_2024_show_the_22_districts_with_the_same_figures_as_before()
    {
        await LoadFixedDossiersAsync();
        var actual = await RenderAsync();
        if (!File.Exists(GoldenPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath)!);
            await File.WriteAllTextAsync(GoldenPath, actual);
            Assert.Fail("Golden file written; check it in and run again.");
        }
        var expected = (await File.ReadAllTextAsync(GoldenPath)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    /// <summary>Every figure of the 2024 service index, statistics (by unit) and DX ranking, one unit a line.</summary>
    private async Task<string> RenderAsync()
    {
        var actor = ReportServiceTests.CityLeader;
        var text = new StringBuilder();
        foreach (var (from, to) in new[] { (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)) })
        {
            var index = await portal.Services.GetRequiredService<ServiceIndexService>().ComputeAsync(actor, from, to);
            text.Append(CultureInfo.InvariantCulture, $"service-index {from:yyyy-MM-dd} {to:yyyy-MM-dd}: {index.Rows.Count} units\n");
            foreach (var row in index.Rows)
                text.Append(CultureInfo.InvariantCulture, $"{row.Unit.Code} {row.Unit.Name} total={row.Result.Total:F4} groups={string.Join('|', row.Result.Groups.Select(g => g.Points.ToString("F4", CultureInfo.InvariantCulture)))} counts={string.Join(',', row.Counts.Values)}\n");
            var stats = await portal.Services.GetRequiredService<StatisticsService>().ComputeAsync(actor, from, to, StatGrouping.Unit);
            text.Append(CultureInfo.InvariantCulture, $"statistics {from:yyyy-MM-dd} {to:yyyy-MM-dd}: {stats.Rows.Count} units\n");
            foreach (var row in stats.Rows)
                text.Append(CultureInfo.InvariantCulture, $"{row.Code} {row.Name} {string.Join(',', row.Values)}\n");
        }
        var dx = await portal.Services.GetRequiredService<DxReportService>().RankingAsync(2024);
        text.Append(CultureInfo.InvariantCulture, $"dx 2024: {dx!.Units.Count} units, published={dx.Period.Published}\n");
        foreach (var u in dx.Units)
            text.Append(CultureInfo.InvariantCulture, $"{u.Rank} {u.UnitCode} {u.UnitName} {u.Score:F4} {string.Join('|', u.Indices.Select(i => i.Score.ToString("F4", CultureInfo.InvariantCulture)))}\n");
        return text.ToString();
    }

    /// <summary>600 dossiers from mid-December 2023 to mid-January 2025 in every district, every fate, from a fixed seed.</summary>
    private async Task LoadFixedDossiersAsync()
    {
        await using var db = portal.CreateDb();
        if (await db.Dossiers.AnyAsync(d => d.Code.StartsWith("GOLD-")))
            return;
        var rng = new Random(2024);
        var districts = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Code).ToListAsync();
        var procedures = await db.Procedures.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Id).ToListAsync();
        var start = new DateTime(2023, 12, 15, 1, 0, 0, DateTimeKind.Utc);
        var fates = new[] { DossierStage.Received, DossierStage.ResultReady, DossierStage.Returned, DossierStage.Returned, DossierStage.Refused, DossierStage.Withdrawn, DossierStage.Stopped, DossierStage.Assigned };
        for (var i = 0; i < 600; i++)
        {
            var district = districts[rng.Next(districts.Count)];
            var submitted = start.AddHours(rng.Next(0, 397 * 24));
            var stage = fates[rng.Next(fates.Length)];
            var received = stage == DossierStage.Refused ? (DateTime?)null : submitted.AddHours(rng.Next(1, 30));
            var due = received?.AddDays(rng.Next(1, 20));
            DateTime? finished = stage switch
            {
                DossierStage.Received or DossierStage.Assigned => null,
                DossierStage.Refused => submitted.AddHours(3),
                _ => received!.Value.AddDays(rng.Next(0, 25)).AddHours(rng.Next(0, 10)),
            };
            var fee = rng.Next(3) == 0 ? 0 : 50_000;
            var d = new Dossier
            {
                Id = new Guid(i + 1, 0, 0, new byte[8]),
                Code = $"GOLD-{i:0000}",
                ProcedureId = procedures[rng.Next(procedures.Count)],
                UnitId = district.Id,
                UnitPath = district.Path,
                ReceivingUnitId = district.Id,
                ApplicantName = "Nguyễn Văn Mẫu",
                ApplicantSearchName = "nguyen van mau",
                ApplicantCccd = "079090000001",
                Channel = rng.Next(2) == 0 ? DossierChannel.Online : DossierChannel.InPerson,
                Stage = stage,
                Status = DossierWorkflow.StatusOf(stage),
                SubmittedAt = submitted,
                ReceivedAt = received,
                ClockStartAt = received,
                DueAt = due,
                OriginalDueAt = due,
                FinishedAt = finished,
                ReturnedAt = stage == DossierStage.Returned ? finished!.Value.AddDays(1) : null,
                SupplementCount = rng.Next(10) switch { 0 => 2, 1 or 2 => 1, _ => 0 },
                IsDigitised = rng.Next(4) != 0,
                ResultDigitised = rng.Next(3) != 0,
                FeeVnd = fee,
                FeePaidOnline = fee > 0 && rng.Next(2) == 0,
            };
            db.Dossiers.Add(d);
            var rating = rng.Next(5);
            if (finished is not null && rating < 3)
                db.Ratings.Add(new Rating { DossierId = d.Id, Level = (SatisfactionLevel)(rating + 1), At = finished.Value.AddDays(2) });
        }
        await db.SaveChangesAsync();
    }
}

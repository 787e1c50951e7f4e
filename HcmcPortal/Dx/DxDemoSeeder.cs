using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dx;

/// <summary>
/// Demo DX data (issue 5 item 10; issue 9 item 8): period 2024 on the district framework, 2025 and 2026 on the
/// commune-level framework (issue 9 item 4); believable, unit-specific declarations for every district in 2024
/// (fully reviewed with a few corrections) and for every commune-level unit in 2025 (partly reviewed); 2024 published,
/// so a fresh start shows a complete 22-district ranking with a frozen snapshot and a provisional 168-unit one.
/// Deterministic: a unit's values come from a generator seeded by its code.
/// </summary>
public static class DxDemoSeeder
{
    public static readonly int[] Years = [2024, 2025, 2026];

    public static async Task SeedAsync(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, CancellationToken ct)
    {
        int periodId2024;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ActorId = "system";
            if (await db.DxPeriods.AnyAsync(ct))
                return;
            var districtFramework = await db.DxFrameworks.Where(f => f.Name != ReferenceDxFramework.CommuneName).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(ct);
            var communeFramework = await db.DxFrameworks.Where(f => f.Name == ReferenceDxFramework.CommuneName).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync(ct);
            var periods = Years.Select(y => new DxPeriod { Year = y, FrameworkId = y < 2025 ? districtFramework : communeFramework }).ToList();
            db.DxPeriods.AddRange(periods);
            await db.SaveChangesAsync(ct);
            periodId2024 = periods[0].Id;

            var evaluator = await db.Users.Where(u => u.Email == "danhgia.cds@demo.hcmc.vn").Select(u => u.Id).FirstOrDefaultAsync(ct);
            var reviewedAt2024 = VietnamTime.ToUtc(new DateTime(2025, 2, 20, 9, 0, 0));
            var reviewedAt2025 = VietnamTime.ToUtc(new DateTime(2026, 2, 16, 9, 0, 0));
            foreach (var (period, year) in new[] { (periods[0], 2024), (periods[1], 2025) })
            {
                var components = await db.DxComponents.AsNoTracking()
                    .Where(c => c.Source == DxSource.Declared && db.DxIndices.Any(i => i.Id == c.IndexId && i.FrameworkId == period.FrameworkId))
                    .OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.EvidenceRequired }).ToListAsync(ct);
                foreach (var unit in (await ReportUnits.DxSectionAsync(db, year, ct)).Units)
                {
                    var rng = new Random(int.Parse(unit.Code, System.Globalization.CultureInfo.InvariantCulture));
                    // Each unit has its own level of maturity.
                    var maturity = 0.45 + rng.NextDouble() * 0.45;
                    var progress = 0.02 + rng.NextDouble() * 0.1;
                    foreach (var c in components)
                    {
                        var spread = rng.NextDouble() * 0.3 - 0.15;
                        var declared = Math.Round(Math.Clamp(maturity + spread + (year == 2025 ? progress : 0), 0.1, 1), 2);
                        var roll = rng.NextDouble();
                        var reviewed = year == 2024 || roll < 0.7;
                        var corrected = reviewed && roll > (year == 2024 ? 0.85 : 0.6);
                        db.DxDeclarations.Add(new DxDeclaration
                        {
                            PeriodId = period.Id, UnitId = unit.Id, ComponentId = c.Id, DeclaredRate = declared,
                            Evidence = $"{c.EvidenceRequired ?? "Báo cáo của đơn vị"} — {unit.Name}, năm {year}.",
                            Status = !reviewed ? DeclarationStatus.Submitted : corrected ? DeclarationStatus.Corrected : DeclarationStatus.Accepted,
                            ReviewedRate = !reviewed ? null : corrected ? Math.Round(declared * (0.7 + rng.NextDouble() * 0.2), 2) : declared,
                            ReviewNote = corrected ? "Minh chứng chưa đầy đủ cho toàn bộ tỷ lệ kê khai; điều chỉnh theo số liệu xác minh." : null,
                            ReviewerId = reviewed ? evaluator : null,
                            ReviewedAt = !reviewed ? null : year == 2024 ? reviewedAt2024 : reviewedAt2025,
                        });
                        if (year == 2024)
                            SkipFormer2025Draws(rng);
                    }
                }
            }
            await db.SaveChangesAsync(ct);
        }

        var service = new DxReportService(dbFactory, clock);
        var period2024 = (await service.PeriodsAsync(ct)).Single(p => p.Id == periodId2024);
        var system = new Actor("system", "Hệ thống", null, null, null, new HashSet<string> { Roles.DxEvaluator });
        var result = await service.PublishAsync(system, 2024, period2024.Version, ct);
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo DX period 2024 could not be published: " + result.Message);
    }

    /// <summary>
    /// Until 2025 a district drew its 2025 values right after each 2024 one; the draws are still taken so that the
    /// published 2024 demo figures stay exactly as they were.
    /// </summary>
    private static void SkipFormer2025Draws(Random rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.7 && roll > 0.6)
            rng.NextDouble();
    }
}

using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Dx;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Reports;

/// <summary>Publishing, framework versions, declarations and review (these change data: own database).</summary>
public sealed class DxWorkflowTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly Actor Evaluator = ReportServiceTests.CityLeader;
    private T Service<T>() where T : notnull => portal.Services.GetRequiredService<T>();

    [Fact]
    public async Task Publishing_freezes_the_ranking_against_later_dossier_changes()
    {
        var dx = Service<DxReportService>();
        var before = (await dx.RankingAsync(2025))!;
        var published = await dx.PublishAsync(Evaluator, 2025, before.Period.Version);
        Assert.True(published.Succeeded, published.Message);
        var frozen = (await dx.RankingAsync(2025))!;
        Assert.True(frozen.Period.Published);

        // A later change to a unit's dossiers: every dossier it received from 01/07/2025 (when the 2025 units began)
        // becomes online and digitised — the unit with the most dossiers not yet all online.
        var last = frozen.Units.Select(u => (Unit: u, Online: u.Indices.SelectMany(i => i.Components).Single(c => c.Metric == PortalMetrics.OnlineShare)))
            .Where(x => x.Online.Numerator < x.Online.Denominator).OrderByDescending(x => x.Online.Denominator).First().Unit;
        await using (var db = portal.CreateDb())
        {
            var path = db.Units.Single(u => u.Id == last.UnitId).Path;
            var from = new DateTime(2025, 6, 30, 17, 0, 0, DateTimeKind.Utc);
            var to = new DateTime(2025, 12, 31, 17, 0, 0, DateTimeKind.Utc);
            var changed = await db.Dossiers.Where(d => d.UnitPath.StartsWith(path) && d.ReceivedAt >= from && d.ReceivedAt < to)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Channel, DossierChannel.Online).SetProperty(d => d.IsDigitised, true));
            Assert.True(changed > 0);
        }
        // A bulk update bypasses the roll-ups kept on save; the repair command recounts them from the dossiers.
        await HcmcPortal.Reports.DossierRollups.RebuildAsync(portal.Get<IDbContextFactory<AppDbContext>>());

        var after = (await dx.RankingAsync(2025))!;
        Assert.Equal(frozen.Units.Select(u => (u.UnitCode, u.Rank, u.Score)), after.Units.Select(u => (u.UnitCode, u.Rank, u.Score)));
        // The change is real: computed live, that district's score moves.
        await using var db2 = portal.CreateDb();
        var live = await dx.ComputeLiveAsync(db2, after.Period, CancellationToken.None);
        Assert.NotEqual(last.Score, live.Single(u => u.UnitCode == last.UnitCode).Score);

        var again = await dx.PublishAsync(Evaluator, 2025, after.Period.Version);
        Assert.Equal(CommandStatus.Invalid, again.Status);
    }

    [Fact]
    public async Task A_shared_or_published_framework_is_edited_only_through_a_new_version_for_the_period()
    {
        var frameworks = Service<DxFrameworkService>();
        var published = (await frameworks.EditorAsync(2024))!;
        Assert.False(published.Editable);
        var component = published.Indices[0].Components[0];
        var refused = await frameworks.SaveComponentAsync(Evaluator, 2024, published.Indices[0].Id, component with { MaxPoints = 1 });
        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal(CommandStatus.Invalid, (await frameworks.CopyForPeriodAsync(Evaluator, 2024)).Status);

        var shared = (await frameworks.EditorAsync(2026))!;
        Assert.False(shared.Editable);
        // 2025 and 2026 share the commune-level framework.
        Assert.Contains(2025, shared.SharedWithYears);
        var copied = await frameworks.CopyForPeriodAsync(Evaluator, 2026);
        Assert.True(copied.Succeeded, copied.Message);

        var own = (await frameworks.EditorAsync(2026))!;
        Assert.True(own.Editable);
        Assert.NotEqual(shared.Period.FrameworkId, own.Period.FrameworkId);
        var target = own.Indices[0].Components[0];
        Assert.Equal(CommandStatus.Invalid, (await frameworks.SaveComponentAsync(Evaluator, 2026, own.Indices[0].Id, target with { TargetRate = 0 })).Status);
        var saved = await frameworks.SaveComponentAsync(Evaluator, 2026, own.Indices[0].Id, target with { MaxPoints = target.MaxPoints + 5 });
        Assert.True(saved.Succeeded, saved.Message);

        // The 2024 (published) framework is untouched; the 2026 ranking uses the new maximum.
        Assert.Equal(component.MaxPoints, (await frameworks.EditorAsync(2024))!.Indices[0].Components[0].MaxPoints);
        var ranking2026 = (await Service<DxReportService>().RankingAsync(2026))!;
        Assert.Equal(own.Period.FrameworkVersion, ranking2026.Units[0].FrameworkVersion);
        Assert.Equal(target.MaxPoints + 5, ranking2026.Units[0].Indices[0].Components[0].MaxPoints);
    }

    [Fact]
    public async Task A_district_declares_with_evidence_and_the_evaluator_corrects_keeping_both_values()
    {
        // 2026 ranks the commune-level units: the leader of Phường Bến Thành declares for it, not for Phường Sài Gòn.
        await using var db = portal.CreateDb();
        var benThanh = db.Units.Single(u => u.Code == DemoSeeder.BenThanhCode && u.ValidFrom == ReferenceUnits.Reform2025);
        var saiGon = db.Units.Single(u => u.Code == DemoSeeder.SaiGonCode && u.ValidFrom == ReferenceUnits.Reform2025);
        var districtLeader = new Actor("leader-bt", "Lãnh đạo phường Bến Thành", benThanh.Id, benThanh.Path, benThanh.Name, new HashSet<string> { Roles.CityLeader });
        var declarations = Service<DxDeclarationService>();
        var line = (await declarations.LinesAsync(2026, DemoSeeder.BenThanhCode, onlyDeclared: false))[0];
        Assert.Null(line.DeclarationId);

        Assert.Equal(CommandStatus.Forbidden, (await declarations.DeclareAsync(districtLeader, 2026, DemoSeeder.SaiGonCode, line.ComponentId, 0.5, "x", null, null)).Status);
        Assert.Equal(CommandStatus.Invalid, (await declarations.DeclareAsync(districtLeader, 2026, DemoSeeder.BenThanhCode, line.ComponentId, 1.5, "x", null, null)).Status);
        var notPdf = new UploadedFile("minh-chung.pdf", "không phải PDF"u8.ToArray());
        Assert.Equal(CommandStatus.Invalid, (await declarations.DeclareAsync(districtLeader, 2026, DemoSeeder.BenThanhCode, line.ComponentId, 0.8, "Quyết định số 12", notPdf, null)).Status);
        var pdf = new UploadedFile("minh-chung.pdf", "%PDF-1.4 minh chung"u8.ToArray());
        var declared = await declarations.DeclareAsync(districtLeader, 2026, DemoSeeder.BenThanhCode, line.ComponentId, 0.8, "Quyết định số 12", pdf, null);
        Assert.True(declared.Succeeded, declared.Message);

        var saved = (await declarations.LinesAsync(2026, DemoSeeder.BenThanhCode, onlyDeclared: true)).Single();
        Assert.Equal(0.8, saved.DeclaredRate);
        Assert.Equal("minh-chung.pdf", saved.EvidenceFileName);
        Assert.NotNull(await declarations.EvidenceAsync(districtLeader, saved.EvidenceFileId!.Value));
        var otherLeader = districtLeader with { UnitId = saiGon.Id, UnitPath = saiGon.Path };
        Assert.Null(await declarations.EvidenceAsync(otherLeader, saved.EvidenceFileId!.Value));

        // The unreviewed value counts provisionally.
        var provisional = (await Service<DxReportService>().RankingAsync(2026))!.Units.Single(u => u.UnitCode == DemoSeeder.BenThanhCode);
        var component = provisional.Indices.SelectMany(i => i.Components).Single(c => c.Code == saved.Code);
        Assert.True(component.Provisional);

        Assert.Equal(CommandStatus.Forbidden, (await declarations.ReviewAsync(districtLeader, saved.DeclarationId!.Value, saved.Version!.Value, false, 0.5, "x")).Status);
        Assert.Equal(CommandStatus.Invalid, (await declarations.ReviewAsync(Evaluator, saved.DeclarationId!.Value, saved.Version!.Value, false, 0.5, " ")).Status);
        var reviewed = await declarations.ReviewAsync(Evaluator, saved.DeclarationId!.Value, saved.Version!.Value, false, 0.5, "Chỉ một nửa phường có minh chứng.");
        Assert.True(reviewed.Succeeded, reviewed.Message);
        Assert.Equal(CommandStatus.Conflict, (await declarations.ReviewAsync(Evaluator, saved.DeclarationId!.Value, saved.Version!.Value, true, null, null)).Status);

        var after = (await declarations.LinesAsync(2026, DemoSeeder.BenThanhCode, onlyDeclared: true)).Single();
        Assert.Equal(0.8, after.DeclaredRate);
        Assert.Equal(0.5, after.ReviewedRate);
        Assert.Equal(DeclarationStatus.Corrected, after.Status);
        Assert.Equal(CommandStatus.Invalid, (await declarations.DeclareAsync(districtLeader, 2026, DemoSeeder.BenThanhCode, line.ComponentId, 0.9, "x", null, after.Version)).Status);
        var scored = (await Service<DxReportService>().RankingAsync(2026))!.Units.Single(u => u.UnitCode == DemoSeeder.BenThanhCode)
            .Indices.SelectMany(i => i.Components).Single(c => c.Code == saved.Code);
        Assert.Equal(RateScore.Capped(0.5, scored.TargetRate, scored.MaxPoints), scored.Score, 9);
        Assert.False(scored.Provisional);
    }
}

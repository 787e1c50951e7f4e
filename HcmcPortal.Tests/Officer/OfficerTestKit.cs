using HcmcPortal.Data.Seed;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Officer;

/// <summary>A clock the test sets; the app reads every "now" of the dossier workflow from it.</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => UtcNow;

    /// <summary>Sets the clock to a Vietnam-local moment.</summary>
    public void SetLocal(int year, int month, int day, int hour, int minute = 0) =>
        UtcNow = new DateTimeOffset(VietnamTime.ToUtc(new DateTime(year, month, day, hour, minute, 0)), TimeSpan.Zero);
}

/// <summary>The real app with a clock the test controls (service-level tests only: cookies would age with it).</summary>
public sealed class ClockedPortalFactory : PortalFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public static class OfficerTestKit
{
    /// <summary>"Đăng ký kết hôn": 5 working days, the standard reception → appraisal → approval → return workflow.</summary>
    public const string MarriageProcedureCode = "1.000894";

    /// <summary>congdan submits an online dossier to Phường Sài Gòn (the Quận 1 officers' desk since 01/07/2025) with every mandatory document.</summary>
    public static async Task<Guid> SubmitOnlineToQuan1Async(this PortalFactory portal, string procedureCode = MarriageProcedureCode)
    {
        var citizen = await portal.ActorAsync("congdan@demo.hcmc.vn");
        await using var db = portal.CreateDb();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == procedureCode);
        var files = procedure.RequiredDocuments.Where(d => d.Mandatory).Select(d => new UploadedFile("giay-to.pdf", TestFiles.Pdf(), d.Id)).ToList();
        var result = await portal.Dossiers().SubmitAsync(citizen, new SubmitRequest(procedure.Id, await portal.UnitIdAsync(DemoSeeder.SaiGonCode), DossierChannel.Online)
        {
            ApplicantName = "Nguyễn Văn An", ApplicantCccd = "079203001234", ApplicantPhone = "0909001234", Files = files,
        });
        Assert.True(result.Succeeded, result.Message);
        return result.DossierId!.Value;
    }

    public static async Task<Guid> VersionAsync(this PortalFactory portal, Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Version).SingleAsync();
    }

    public static async Task<Dossier> LoadAsync(this PortalFactory portal, Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossierId);
    }

    public static async Task<List<DossierEvent>> EventsAsync(this PortalFactory portal, Guid dossierId)
    {
        await using var db = portal.CreateDb();
        return await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Applies an action with the current version and asserts it succeeded.</summary>
    public static async Task ApplyOkAsync(this PortalFactory portal, Actor actor, Guid dossierId, DossierAction action, string? note = null,
        string? assigneeId = null, int? targetUnitId = null, IReadOnlyList<UploadedFile>? files = null, PaymentReceipt? payment = null)
    {
        var result = await portal.Dossiers().ApplyAsync(actor, new ActionRequest(dossierId, await portal.VersionAsync(dossierId), action)
        {
            Note = note, AssigneeId = assigneeId, TargetUnitId = targetUnitId, Files = files ?? [], Payment = payment,
        });
        Assert.True(result.Succeeded, $"{action}: {result.Status} {result.Message}");
    }

    public static DateTime Local(int year, int month, int day, int hour, int minute = 0) => VietnamTime.ToUtc(new DateTime(year, month, day, hour, minute, 0));
}

using Bunit;
using HcmcPortal.Admin;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Data.Seed;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Officer;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HcmcPortal.Tests.Foundation;

/// <summary>
/// The calendar as decided (domain.md §4): 2024–2026 seeded as announced, 2027 only suggested until an administrator
/// confirms it, the guessed 2026 of an older database replaced at start without moving promised due dates, and the
/// officer told when a due date falls in a year still suggested.
/// </summary>
public sealed class CalendarYearTests(PortalFactory portal) : BunitTestBase, IClassFixture<PortalFactory>
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public async Task A_new_database_holds_the_decided_2026_and_marks_only_2027_as_suggested()
    {
        await using var db = portal.CreateDb();
        var seededAsDecided = await db.CalendarYears.AsNoTracking().Where(y => y.ConfirmedBy == ReferenceSeeder.SystemActor)
            .OrderBy(y => y.Year).Select(y => y.Year).ToListAsync();
        Assert.Equal([2024, 2025, 2026], seededAsDecided);
        Assert.True(await db.Calendar.CountAsync(c => c.Date >= D(2027, 1, 1) && c.Date <= D(2027, 12, 31)) >= 11); // suggested, to confirm

        var calendar = await ReferenceSeeder.LoadCalendarAsync(db);
        Assert.Equal(VietnamHolidays.Official(2026), calendar.Days.Where(d => d.Date.Year == 2026));
        Assert.True(calendar.IsWorkingDay(D(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(D(2026, 8, 31)));
        Assert.True(calendar.IsYearConfirmed(2026));

        var status = await portal.Get<AdminCatalog>().YearStatusAsync(2026);
        Assert.True(status is { IsConfirmed: true, IsAnnounced: true, ConfirmedByName: null });
    }

    [Fact]
    public async Task An_older_database_with_the_guessed_2026_is_corrected_at_start_keeping_promises_and_administrators_days()
    {
        var promisedDue = VietnamTime.ToUtc(new DateTime(2026, 9, 1, 17, 0, 0)); // counted on the guess, where 01/09 was worked
        Guid dossierId;
        await using (var db = portal.CreateDb())
        {
            // The database as the previous release left it: 2026 seeded from the rule-based guess, no year marked decided,
            // and one day an administrator added by hand.
            await db.CalendarYears.Where(y => y.Year == 2026).ExecuteDeleteAsync();
            await db.Calendar.Where(c => c.Date >= D(2026, 1, 1) && c.Date <= D(2026, 12, 31)).ExecuteDeleteAsync();
            db.ActorId = ReferenceSeeder.SystemActor;
            db.Calendar.AddRange(VietnamHolidays.Suggest(2026).Select(d => new CalendarEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
            await db.SaveChangesAsync();
            db.ActorId = await db.Users.Where(u => u.Email == "quantri@demo.hcmc.vn").Select(u => u.Id).SingleAsync();
            db.Calendar.Add(new CalendarEntry { Date = D(2026, 11, 24), Kind = CalendarDayKind.Holiday, Name = "Ngày Văn hóa Việt Nam" });
            await db.SaveChangesAsync();
            dossierId = await db.Dossiers.Where(d => d.DueAt != null).Select(d => d.Id).FirstAsync();
            await db.Dossiers.Where(d => d.Id == dossierId).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, promisedDue));
        }

        await using (var db = portal.CreateDb())
        {
            db.ActorId = ReferenceSeeder.SystemActor;
            await ReferenceSeeder.SeedAsync(db, default);
        }

        await using (var db = portal.CreateDb())
        {
            var calendar = await ReferenceSeeder.LoadCalendarAsync(db);
            var expected = VietnamHolidays.Official(2026).Append(new CalendarDay(D(2026, 11, 24), CalendarDayKind.Holiday, "Ngày Văn hóa Việt Nam"));
            Assert.Equal(expected.OrderBy(d => d.Date), calendar.Days.Where(d => d.Date.Year == 2026));
            Assert.True(calendar.IsYearConfirmed(2026));
            Assert.Equal(promisedDue, await db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.DueAt).SingleAsync());

            // Run again, nothing changes: the correction is made once.
            var rows = await db.Calendar.CountAsync();
            db.ActorId = ReferenceSeeder.SystemActor;
            await ReferenceSeeder.SeedAsync(db, default);
            Assert.Equal(rows, await db.Calendar.CountAsync());

            // Leave the shared database as seeded for the other tests.
            await db.Calendar.Where(c => c.Date == D(2026, 11, 24)).ExecuteDeleteAsync();
            portal.Get<CalendarProvider>().Invalidate();
        }
    }

    [Fact]
    public async Task An_older_database_with_certifications_in_working_hours_is_corrected_at_start_unless_an_administrator_changed_them()
    {
        await using (var db = portal.CreateDb())
        {
            // As the previous release seeded them; 2.000843 was since set by an administrator to 2 working days.
            await SetLimitAsync(db, "2.000815", 4, TimeLimitUnit.Hours);
            await SetLimitAsync(db, "2.000908", 1, TimeLimitUnit.WorkingDays);
            await SetLimitAsync(db, "2.000843", 2, TimeLimitUnit.WorkingDays);
            db.ActorId = ReferenceSeeder.SystemActor;
            await ReferenceSeeder.SeedAsync(db, default);
        }

        await using (var db = portal.CreateDb())
        {
            var limits = await db.Procedures.Where(p => p.Code.StartsWith("2.000")).ToDictionaryAsync(p => p.Code, p => p.TimeLimit);
            Assert.Equal(TimeLimitUnit.SameWorkingDay, limits["2.000815"].Unit);
            Assert.Equal(TimeLimitUnit.SameWorkingDay, limits["2.000908"].Unit);
            Assert.Equal(new TimeLimit(2, TimeLimitUnit.WorkingDays), limits["2.000843"]);
            Assert.Equal(new TimeLimit(4, TimeLimitUnit.Hours), limits["2.000635"]); // a civil-status extract, not a certification
            Assert.Equal(ReferenceSeeder.SystemActor, await db.Procedures.Where(p => p.Code == "2.000815").Select(p => p.UpdatedBy).SingleAsync());
            await SetLimitAsync(db, "2.000843", 0, TimeLimitUnit.SameWorkingDay);
        }

        // Shown in Vietnamese wherever a time limit is displayed: the public procedure page here.
        var page = await portal.CreateClient().GetStringAsync("/thu-tuc/2.000815");
        Assert.Contains("Trong ngày làm việc (tiếp nhận sau 15 giờ: ngày làm việc tiếp theo)", page);
    }

    private static Task SetLimitAsync(AppDbContext db, string code, int value, TimeLimitUnit unit) =>
        db.Procedures.Where(p => p.Code == code).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeLimitValue, value).SetProperty(p => p.TimeLimitUnit, unit));

    [Fact]
    public async Task The_officer_sees_a_due_date_in_2027_flagged_until_the_administrator_confirms_the_year_which_is_audited()
    {
        Services.AddSingleton(portal.Get<OfficerQueries>());
        Services.AddSingleton(portal.Get<DossierService>());
        Services.AddSingleton(portal.Get<CalendarProvider>());
        Services.AddSingleton(portal.Get<HcmcPortal.Dossiers.DeclarationReader>());
        var officer = await portal.ActorAsync("lanhdao.tp@demo.hcmc.vn");
        var admin = await portal.ActorAsync("quantri@demo.hcmc.vn");
        var catalog = portal.Get<AdminCatalog>();
        Guid in2027, in2026;
        await using (var db = portal.CreateDb())
        {
            var ids = await db.Dossiers.Where(d => d.DueAt != null).OrderBy(d => d.Code).Select(d => d.Id).Take(2).ToListAsync();
            (in2027, in2026) = (ids[0], ids[1]);
            await db.Dossiers.Where(d => d.Id == in2027).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, VietnamTime.ToUtc(new DateTime(2027, 3, 22, 17, 0, 0))));
            await db.Dossiers.Where(d => d.Id == in2026).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, VietnamTime.ToUtc(new DateTime(2026, 12, 28, 17, 0, 0))));
        }

        Render<MudBlazor.MudPopoverProvider>();
        var calendars = portal.Get<CalendarProvider>();
        async Task<IRenderedComponent<DossierWorkspace>> WorkspaceAsync(Guid id)
        {
            await calendars.GetAsync(); // loaded, so the label decides in its first render and "no flag" means no flag
            var cut = Render<DossierWorkspace>(p => p.Add(c => c.DossierId, id).Add(c => c.Actor, officer));
            cut.WaitForElement("[data-test=due-at] [data-test=due-date]", TimeSpan.FromSeconds(30));
            return cut;
        }

        var suggested = await WorkspaceAsync(in2027);
        var chip = suggested.Find("[data-test=due-at] [data-test=due-unconfirmed]");
        Assert.Equal("2027", chip.GetAttribute("data-year"));
        Assert.Contains("Lịch 2027 chưa chính thức", chip.TextContent);
        Assert.Contains("22/03/2027 17:00", suggested.Find("[data-test=due-at]").TextContent);
        Assert.Contains("dự kiến", chip.GetAttribute("title"));

        var decided = await WorkspaceAsync(in2026);
        Assert.Contains("28/12/2026 17:00", decided.Find("[data-test=due-at]").TextContent);
        Assert.Empty(decided.FindAll("[data-test=due-unconfirmed]"));

        Assert.False((await catalog.YearStatusAsync(2027)).IsConfirmed);
        Assert.Equal(CommandStatus.Forbidden, (await catalog.ConfirmYearAsync(officer, 2027, null)).Status);
        Assert.Equal(CommandStatus.Invalid, (await catalog.ConfirmYearAsync(admin, 2031, null)).Status); // no holidays entered for 2031
        var confirmed = await catalog.ConfirmYearAsync(admin, 2027, "Công văn của Văn phòng Chính phủ về lịch nghỉ năm 2027");
        Assert.True(confirmed.Succeeded, confirmed.Message);

        var status = await catalog.YearStatusAsync(2027);
        Assert.True(status is { IsConfirmed: true, IsAnnounced: false });
        Assert.Equal(admin.Name, status.ConfirmedByName);
        Assert.Equal("Công văn của Văn phòng Chính phủ về lịch nghỉ năm 2027", status.Basis);
        Assert.InRange(status.ConfirmedAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        await using (var db = portal.CreateDb())
            Assert.Equal(admin.UserId, await db.CalendarYears.Where(y => y.Year == 2027).Select(y => y.ConfirmedBy).SingleAsync());

        var again = await catalog.ConfirmYearAsync(admin, 2027, null);
        Assert.Equal(CommandStatus.Conflict, again.Status);
        Assert.Contains(admin.Name, again.Message);

        var nowDecided = await WorkspaceAsync(in2027);
        Assert.Contains("22/03/2027 17:00", nowDecided.Find("[data-test=due-at]").TextContent);
        Assert.Empty(nowDecided.FindAll("[data-test=due-unconfirmed]"));
    }
}

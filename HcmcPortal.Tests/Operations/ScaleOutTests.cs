using System.Text.Json;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Live;
using HcmcPortal.Notifications;
using HcmcPortal.Operations;
using HcmcPortal.Reports;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Tests.Operations;

/// <summary>Issue 14 in one process: the pieces the two-instance test (<see cref="MultiInstanceTests"/>) relies on.</summary>
public sealed class ScaleOutTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private DeadlineReminders RemindersOf(string instance)
    {
        var db = portal.Get<IDbContextFactory<AppDbContext>>();
        return new DeadlineReminders(db, portal.Get<CalendarProvider>(), new JobLeases(db, new InstanceIdentity(instance), TimeProvider.System),
            portal.Get<IOptions<PortalOptions>>(), TimeProvider.System, NullLogger<DeadlineReminders>.Instance);
    }

    [Fact]
    public async Task Two_instances_racing_for_the_mornings_reminders_send_them_once_to_each_officer_and_leader()
    {
        // A dossier of Phường Sài Gòn, received and now overdue (its due date moved back).
        var late = await portal.SubmitKhaiSinhAsync(await portal.ActorAsync("congdan@demo.hcmc.vn"));
        await using (var setup = portal.CreateDb())
            await setup.Dossiers.Where(d => d.Id == late.DossierId).ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, DateTime.UtcNow.AddDays(-2)));
        var anyDay = new ReminderOptions { At = TimeOnly.MinValue, OnDaysOff = true };
        var sent = await Task.WhenAll(RemindersOf("a").RunIfDueAsync(anyDay), RemindersOf("b").RunIfDueAsync(anyDay));

        await using var db = portal.CreateDb();
        var reminders = await db.MailOutboxes.Where(m => m.Subject.StartsWith("Nhắc hạn xử lý")).Select(m => new { m.UserId, m.HtmlBody }).ToListAsync();
        Assert.Single(sent, n => n > 0);
        Assert.Equal(reminders.Count, sent.Sum());
        Assert.Equal(reminders.Count, reminders.Select(m => m.UserId).Distinct().Count());
        // The leader of Phường Sài Gòn hears of every open dossier of the unit that is overdue.
        var leader = await db.Users.Where(u => u.Email == "lanhdao.q1@demo.hcmc.vn").Select(u => new { u.Id, u.UnitId }).SingleAsync();
        var now = DateTime.UtcNow;
        var overdue = await db.Dossiers.Where(d => d.UnitId == leader.UnitId && d.FinishedAt == null && d.DueAt < now).Select(d => d.Code).ToListAsync();
        Assert.Contains(late.Code, overdue);
        var leadersMail = reminders.Single(m => m.UserId == leader.Id).HtmlBody;
        Assert.All(overdue, code => Assert.Contains(code, leadersMail));

        // The same day again, on either instance: nothing more.
        Assert.Equal(0, await RemindersOf("a").RunIfDueAsync(anyDay));
        Assert.Equal(0, await RemindersOf("c").RunIfDueAsync(anyDay));
    }

    [Fact]
    public async Task A_lease_held_by_a_stopped_instance_is_taken_over_only_after_it_runs_out()
    {
        var db = portal.Get<IDbContextFactory<AppDbContext>>();
        var crashed = new JobLeases(db, new InstanceIdentity("crashed"), TimeProvider.System);
        var other = new JobLeases(db, new InstanceIdentity("other"), TimeProvider.System);
        Assert.True(await crashed.TryAcquireAsync("test-job", "2026-12-02", TimeSpan.FromMinutes(10)));
        Assert.False(await other.TryAcquireAsync("test-job", "2026-12-02", TimeSpan.FromMinutes(10)));

        await using (var ctx = portal.CreateDb())
            await ctx.JobLeases.Where(l => l.Name == "test-job").ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaseUntil, DateTime.UtcNow.AddSeconds(-1)));
        Assert.True(await other.TryAcquireAsync("test-job", "2026-12-02", TimeSpan.FromMinutes(10)));
        // The crashed instance, back, cannot complete what it no longer holds.
        await using var tx = portal.CreateDb();
        Assert.False(await crashed.CompleteAsync(tx, "test-job", "2026-12-02"));
        Assert.True(await other.CompleteAsync(tx, "test-job", "2026-12-02"));
        Assert.False(await crashed.TryAcquireAsync("test-job", "2026-12-02", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public async Task A_dossier_change_is_published_with_its_unit_and_owner_after_the_commit()
    {
        var heard = new TaskCompletionSource<EntityChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var citizen = await portal.ActorAsync("congdan@demo.hcmc.vn");
        using var subscription = portal.Get<LiveUpdates>().Subscribe(change =>
        {
            if (change.Kind == EntityChange.Dossier && change.ByUserId == citizen.UserId)
                heard.TrySetResult(change);
            return Task.CompletedTask;
        });
        var result = await portal.SubmitKhaiSinhAsync(citizen);

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(result.DossierId.ToString(), change.Id);
        Assert.Equal(citizen.UserId, change.OwnerUserId);
        await using var db = portal.CreateDb();
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == result.DossierId);
        Assert.Equal(dossier.UnitId, change.UnitId);
        // The unit's desk sees it, the other citizen does not.
        Assert.True(change.IsInScopeOf(await portal.ActorAsync("motcua.q1@demo.hcmc.vn")));
        Assert.False(change.IsInScopeOf(await portal.ActorAsync("motcua.q3@demo.hcmc.vn")));
        Assert.False(change.IsInScopeOf(await portal.ActorAsync("congdan2@demo.hcmc.vn")));
    }

    [Fact]
    public async Task A_calendar_edit_on_another_instance_makes_this_one_load_the_calendar_again()
    {
        var calendars = portal.Get<CalendarProvider>();
        var first = await calendars.GetAsync();
        Assert.Same(first, await calendars.GetAsync());

        portal.Get<LiveUpdates>().Receive(new EntityChange(EntityChange.Calendar, "", null, null, null, null) { Origin = "another-instance" });

        Assert.NotSame(first, await calendars.GetAsync());
    }

    [Fact]
    public async Task A_listing_export_left_unfinished_by_a_stopped_instance_is_finished_by_another()
    {
        var leader = await portal.ActorAsync("lanhdao.tp@demo.hcmc.vn");
        var query = new DrillDownQuery(PortalMetrics.All[0], MetricPart.Received, HcmcPortal.Data.Seed.DemoSeeder.SaiGonCode,
            new DateOnly(2025, 7, 1), VietnamTime.Today(TimeProvider.System));
        var id = Guid.NewGuid();
        await using (var db = portal.CreateDb())
        {
            // What the instance that died left: the job, a few rows written, its lease run out.
            db.ExportJobs.Add(new ExportJobRecord
            {
                Id = id, OwnerUserId = leader.UserId, Title = "Danh sách", FileName = "ho-so.xlsx", Total = 1, Written = 0,
                ActorJson = JsonSerializer.Serialize(new { leader.UserId, leader.Name, leader.UnitId, leader.UnitPath, leader.UnitName, Roles = leader.Roles.ToArray() }),
                QueryJson = JsonSerializer.Serialize(query),
                StartedAt = DateTime.UtcNow.AddMinutes(-5), LeaseUntil = DateTime.UtcNow.AddSeconds(-1),
            });
            await db.SaveChangesAsync();
        }
        var exports = portal.Get<ExportJobs>();
        Assert.False((await exports.GetAsync(id, leader.UserId))!.Done);

        await exports.ResumeOrphansAsync(CancellationToken.None);

        Assert.True((await exports.GetAsync(id, leader.UserId))!.Done);
        Assert.Null(await exports.TakeFinishedAsync(id, "someone-else"));
        var file = await exports.TakeFinishedAsync(id, leader.UserId);
        Assert.Equal("PK"u8.ToArray(), file!.Value.Content[..2]);
        Assert.Null(await exports.TakeFinishedAsync(id, leader.UserId));
    }
}

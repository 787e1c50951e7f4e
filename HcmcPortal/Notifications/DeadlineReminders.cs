using System.Net;
using System.Text;
using HcmcPortal.Calendar;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Live;
using HcmcPortal.Officer;
using HcmcPortal.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Notifications;

/// <summary><c>Reminders:*</c>: when the morning mail about deadlines goes out.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";
    public bool Enabled { get; set; } = true;
    /// <summary>Vietnam time after which the day's reminders are sent (the first check after it sends them).</summary>
    public TimeOnly At { get; set; } = new(7, 30);
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Also on days off (a trial run, the multi-instance test); the rule is working mornings only.</summary>
    public bool OnDaysOff { get; set; }
}

/// <summary>
/// Each working morning, one mail per officer with the dossiers assigned to them that are overdue or due soon (the
/// dashboard's rule, <see cref="OfficerQueries.DueSoonLimitUtc"/>), and one per unit leader with all of the unit's. Sent
/// once across every instance: the day is a <see cref="JobLeases"/> period, marked done in the transaction that queues
/// the mails in the outbox (which then delivers each exactly once).
/// </summary>
public sealed class DeadlineReminders(IDbContextFactory<AppDbContext> dbFactory, CalendarProvider calendars, JobLeases leases,
    IOptions<PortalOptions> portal, TimeProvider clock, ILogger<DeadlineReminders> log)
{
    public const string Job = "deadline-reminders";

    /// <summary>Sends the day's reminders if it is time and no instance has; returns how many mails this call queued.</summary>
    public async Task<int> RunIfDueAsync(ReminderOptions options, CancellationToken ct = default)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var nowLocal = VietnamTime.ToLocal(nowUtc);
        var today = DateOnly.FromDateTime(nowLocal);
        var calendar = await calendars.GetAsync(ct);
        if (TimeOnly.FromDateTime(nowLocal) < options.At || (!options.OnDaysOff && !calendar.IsWorkingDay(today)))
            return 0;
        var period = today.ToString("yyyy-MM-dd");
        if (!await leases.TryAcquireAsync(Job, period, TimeSpan.FromMinutes(10), ct))
            return 0;
        try
        {
            return await SendAsync(calendar, nowUtc, period, ct);
        }
        catch
        {
            await leases.ReleaseAsync(Job, CancellationToken.None);
            throw;
        }
    }

    private async Task<int> SendAsync(WorkingCalendar calendar, DateTime nowUtc, string period, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var soonUtc = OfficerQueries.DueSoonLimitUtc(calendar, nowUtc);
        var open = await db.Dossiers.AsNoTracking()
            .Where(d => d.FinishedAt == null && d.DueAt != null && d.DueAt <= soonUtc)
            .OrderBy(d => d.DueAt)
            .Select(d => new Due(d.Id, d.Code, d.UnitId, d.AssignedOfficerId, d.DueAt!.Value))
            .ToListAsync(ct);
        var unitIds = open.Select(d => d.UnitId).Distinct().ToList();
        var leaders = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where r.Name == Roles.UnitLeader && u.UnitId != null && unitIds.Contains(u.UnitId.Value)
                             select new { u.Id, UnitId = u.UnitId!.Value }).ToListAsync(ct);

        var lists = new Dictionary<string, List<Due>>();
        void Add(string userId, Due d)
        {
            if (!lists.TryGetValue(userId, out var list))
                lists[userId] = list = [];
            if (!list.Contains(d))
                list.Add(d);
        }
        foreach (var d in open)
        {
            if (d.AssignedOfficerId is { } officer)
                Add(officer, d);
            foreach (var leader in leaders.Where(l => l.UnitId == d.UnitId))
                Add(leader.Id, d);
        }
        foreach (var (userId, list) in lists)
            db.MailOutboxes.Add(MailOutboxWorker.NewMail(null, userId, Subject(list, nowUtc), Body(list, nowUtc), nowUtc));

        var strategy = db.Database.CreateExecutionStrategy();
        var done = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await leases.CompleteAsync(db, Job, period, ct))
                return false;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
        if (!done)
        {
            log.LogWarning("Deadline reminders for {Period} abandoned: the lease ran out and another instance took them over", period);
            return 0;
        }
        log.LogInformation("Deadline reminders for {Period}: {Mails} mail(s) about {Dossiers} dossier(s)", period, lists.Count, open.Count);
        return lists.Count;
    }

    private sealed record Due(Guid Id, string Code, int UnitId, string? AssignedOfficerId, DateTime DueAt);

    private static string Subject(List<Due> list, DateTime nowUtc)
    {
        var overdue = list.Count(d => d.DueAt < nowUtc);
        return $"Nhắc hạn xử lý: {overdue} hồ sơ quá hạn, {list.Count - overdue} hồ sơ sắp đến hạn";
    }

    private string Body(List<Due> list, DateTime nowUtc)
    {
        var html = new StringBuilder("<p>Các hồ sơ cần xử lý trước hạn:</p><ul>");
        foreach (var d in list)
        {
            var state = d.DueAt < nowUtc ? "quá hạn" : "sắp đến hạn";
            var link = portal.Value.LinkTo($"/can-bo/ho-so/{d.Id}");
            html.Append($"<li><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(d.Code)}</a> — hạn {VietnamTime.FormatDateTime(d.DueAt)} ({state})</li>");
        }
        return html.Append("</ul>").ToString();
    }
}

/// <summary>Checks every <see cref="ReminderOptions.CheckInterval"/> on every instance; the lease makes one of them send.</summary>
public sealed class DeadlineReminderWorker(DeadlineReminders reminders, IOptions<ReminderOptions> options, TimeProvider clock,
    ILogger<DeadlineReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reminders.RunIfDueAsync(options.Value, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Deadline reminder pass failed");
            }
            try
            {
                await Task.Delay(options.Value.CheckInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class DeadlineReminderSetup
{
    public static IServiceCollection AddDeadlineReminders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReminderOptions>(config.GetSection(ReminderOptions.Section));
        services.AddSingleton<DeadlineReminders>();
        services.AddHostedService<DeadlineReminderWorker>();
        return services;
    }
}

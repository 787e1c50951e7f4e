namespace HcmcPortal.Feedback;

/// <summary>
/// Every few minutes: reminds units of reports due soon and tells the city operator of overdue ones
/// (<see cref="FeedbackService.SendRemindersAsync"/>; each deadline is reminded and escalated once).
/// <c>Feedback:ReminderMinutes</c> sets the period; 0 turns the worker off (tests call the service directly).
/// </summary>
public sealed class FeedbackReminderWorker(FeedbackService service, IConfiguration configuration, ILogger<FeedbackReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Feedback:ReminderMinutes", 15);
        if (minutes <= 0)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        // The first run waits one period: a start (or a test host) is not the moment to send a burst of reminders.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (reminded, escalated) = await service.SendRemindersAsync(stoppingToken);
                if (reminded + escalated > 0)
                    log.LogInformation("Feedback reminders: {Reminded} reminded, {Escalated} escalated", reminded, escalated);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Feedback reminders failed; the next run tries again");
            }
        }
    }
}

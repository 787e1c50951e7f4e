namespace HcmcPortal.Domain;

/// <summary>
/// The clock of a report (issue 13): counted in working days on the portal's calendar, each step due at 17:00 like
/// any time limit in working days (<see cref="DeadlineCalculator.ComputeDue(DateTime, TimeLimit, WorkingCalendar)"/>).
/// <list type="bullet">
/// <item>accept, transfer or refuse within 2 working days of its arrival at the unit (a transfer restarts this step at the new unit);</item>
/// <item>resolve within 15 working days of its acceptance (or of a reopening);</item>
/// <item>publish the answer within 2 working days of the resolution.</item>
/// </list>
/// While the unit waits for the reporter's information the clock stops; on the answer the resolve date moves by the
/// working days waited. All times are Vietnam local time.
/// </summary>
public static class FeedbackDeadlines
{
    public static readonly TimeLimit AcceptLimit = new(2, TimeLimitUnit.WorkingDays);
    public static readonly TimeLimit ResolveLimit = new(15, TimeLimitUnit.WorkingDays);
    public static readonly TimeLimit PublishLimit = new(2, TimeLimitUnit.WorkingDays);

    /// <summary>How long after the answer the reporter may reopen a report (calendar days: the issue says "7 days").</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    /// <summary>When the unit must have accepted, transferred or refused a report that reached it at <paramref name="arrivedLocal"/>.</summary>
    public static DateTime AcceptDue(DateTime arrivedLocal, WorkingCalendar cal) => DeadlineCalculator.ComputeDue(arrivedLocal, AcceptLimit, cal);

    /// <summary>When the unit must resolve a report accepted (or reopened) at <paramref name="acceptedLocal"/>.</summary>
    public static DateTime ResolveDue(DateTime acceptedLocal, WorkingCalendar cal) => DeadlineCalculator.ComputeDue(acceptedLocal, ResolveLimit, cal);

    /// <summary>When the answer of a report resolved at <paramref name="resolvedLocal"/> must be public.</summary>
    public static DateTime PublishDue(DateTime resolvedLocal, WorkingCalendar cal) => DeadlineCalculator.ComputeDue(resolvedLocal, PublishLimit, cal);

    /// <summary>
    /// The working days the clock stood still: those in (asked, answered]. An answer on the day of the question stops nothing.
    /// </summary>
    public static int StoppedWorkingDays(DateTime askedLocal, DateTime answeredLocal, WorkingCalendar cal) =>
        Math.Max(0, cal.WorkingDaysBetween(DateOnly.FromDateTime(askedLocal), DateOnly.FromDateTime(answeredLocal)));

    /// <summary>The resolve date once the reporter answers: moved later by the <see cref="StoppedWorkingDays"/>, same time of day.</summary>
    public static DateTime ResumeAfterInfo(DateTime resolveDueLocal, DateTime askedLocal, DateTime answeredLocal, WorkingCalendar cal) =>
        DeadlineCalculator.ExtendForPause(resolveDueLocal, askedLocal, answeredLocal, cal);

    /// <summary>
    /// The deadline running in <paramref name="status"/>: the accept date while submitted, the resolve date while
    /// accepted, the publish date once resolved; none while waiting for the reporter (clock stopped) or when finished.
    /// </summary>
    public static DateTime? RunningDue(FeedbackStatus status, DateTime? acceptDue, DateTime? resolveDue, DateTime? publishDue) => status switch
    {
        FeedbackStatus.Submitted => acceptDue,
        FeedbackStatus.Accepted => resolveDue,
        FeedbackStatus.Resolved => publishDue,
        _ => null,
    };

    /// <summary>
    /// Where the running step stands: <see cref="DeadlineState.Overdue"/>, <see cref="DeadlineState.DueSoon"/> (due today
    /// or on the next working day) or <see cref="DeadlineState.NotDue"/>; null when no clock runs.
    /// </summary>
    public static DeadlineState? StateOf(DateTime? runningDueLocal, DateTime nowLocal, WorkingCalendar cal) =>
        runningDueLocal is { } due ? DeadlineCalculator.Classify(due, null, nowLocal, cal) : null;

    /// <summary>Whether the reporter may still reopen a report answered at <paramref name="resolvedAt"/> (both in the same time zone).</summary>
    public static bool CanReopen(DateTime resolvedAt, DateTime now) => now - resolvedAt <= ReopenWindow;

    /// <summary>
    /// Whether a report counts as resolved on time for its unit: resolved by its resolve date and never reopened
    /// (a reopening means the first answer did not fix the problem, so it counts against the unit).
    /// </summary>
    public static bool IsResolvedOnTime(DateTime resolvedLocal, DateTime resolveDueLocal, int reopenCount) =>
        reopenCount == 0 && resolvedLocal <= resolveDueLocal;
}

using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

/// <summary>The 1022 channel's clock and state machine (issue 13, item 2), on the decided 2026 calendar.</summary>
public class FeedbackRulesTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.ForYears(2025, 2026);

    private static DateTime T(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0);

    [Fact]
    public void Accept_within_2_working_days_skips_Tet_2026() =>
        // Fri 13/02/2026 10:00; Tết 14–22/02: Mon 23/02 (1), Tue 24/02 (2).
        Assert.Equal(T(2026, 2, 24, 17), FeedbackDeadlines.AcceptDue(T(2026, 2, 13, 10), Cal));

    [Fact]
    public void A_report_sent_at_the_weekend_or_after_office_hours_counts_from_the_next_working_day()
    {
        // Sat 28/03/2026 → counted from Mon 30/03: Tue 31/03 (1), Wed 01/04 (2).
        Assert.Equal(T(2026, 4, 1, 17), FeedbackDeadlines.AcceptDue(T(2026, 3, 28, 9), Cal));
        // Fri 27/03/2026 at 18:00 → also counted from Mon 30/03.
        Assert.Equal(T(2026, 4, 1, 17), FeedbackDeadlines.AcceptDue(T(2026, 3, 27, 18), Cal));
        // The same Friday at 16:59 counts from Friday: Mon 30/03 (1), Tue 31/03 (2).
        Assert.Equal(T(2026, 3, 31, 17), FeedbackDeadlines.AcceptDue(T(2026, 3, 27, 16, 59), Cal));
    }

    [Fact]
    public void Resolve_within_15_working_days_skips_Hung_Kings_and_30_04_01_05_2026() =>
        // Accepted Mon 20/04/2026: 21–24/04 (4), Mon 27/04 off, 28–29/04 (6), 30/04 and 01/05 off,
        // 04–08/05 (11), 11–14/05 (15) → Thu 14/05/2026.
        Assert.Equal(T(2026, 5, 14, 17), FeedbackDeadlines.ResolveDue(T(2026, 4, 20, 10), Cal));

    [Fact]
    public void Publish_within_2_working_days_skips_the_National_Day_break() =>
        // Resolved Fri 28/08/2026; 31/08, 01/09, 02/09 off → Thu 03/09 (1), Fri 04/09 (2).
        Assert.Equal(T(2026, 9, 4, 17), FeedbackDeadlines.PublishDue(T(2026, 8, 28, 16), Cal));

    [Fact]
    public void The_clock_stops_while_waiting_for_the_reporter_and_resumes_on_the_answer()
    {
        var due = FeedbackDeadlines.ResolveDue(T(2026, 4, 20, 10), Cal); // Thu 14/05/2026 17:00
        // Asked Wed 22/04, answered Wed 29/04: the working days in (22/04, 29/04] are 23, 24, 28, 29 (27/04 is off) = 4.
        Assert.Equal(4, FeedbackDeadlines.StoppedWorkingDays(T(2026, 4, 22, 9), T(2026, 4, 29, 10), Cal));
        // 14/05 + 4 working days: 15, 18, 19, 20 → Wed 20/05/2026, same time of day.
        Assert.Equal(T(2026, 5, 20, 17), FeedbackDeadlines.ResumeAfterInfo(due, T(2026, 4, 22, 9), T(2026, 4, 29, 10), Cal));
    }

    [Fact]
    public void An_answer_on_the_day_of_the_question_moves_nothing_and_Tet_is_not_counted_as_waiting()
    {
        var due = T(2026, 3, 5, 17);
        Assert.Equal(due, FeedbackDeadlines.ResumeAfterInfo(due, T(2026, 2, 10, 9), T(2026, 2, 10, 16), Cal));
        // Asked Fri 13/02/2026, answered Mon 23/02 after Tết: only Monday 23/02 was a working day waited.
        Assert.Equal(1, FeedbackDeadlines.StoppedWorkingDays(T(2026, 2, 13, 9), T(2026, 2, 23, 8), Cal));
        Assert.Equal(T(2026, 3, 6, 17), FeedbackDeadlines.ResumeAfterInfo(due, T(2026, 2, 13, 9), T(2026, 2, 23, 8), Cal));
    }

    [Fact]
    public void The_running_deadline_follows_the_status_and_none_runs_while_the_clock_is_stopped()
    {
        DateTime accept = T(2026, 3, 3, 17), resolve = T(2026, 3, 20, 17), publish = T(2026, 3, 24, 17);
        Assert.Equal(accept, FeedbackDeadlines.RunningDue(FeedbackStatus.Submitted, accept, resolve, publish));
        Assert.Equal(resolve, FeedbackDeadlines.RunningDue(FeedbackStatus.Accepted, accept, resolve, publish));
        Assert.Equal(publish, FeedbackDeadlines.RunningDue(FeedbackStatus.Resolved, accept, resolve, publish));
        Assert.Null(FeedbackDeadlines.RunningDue(FeedbackStatus.AwaitingInfo, accept, resolve, publish));
        Assert.Null(FeedbackDeadlines.RunningDue(FeedbackStatus.Published, accept, resolve, publish));
        Assert.Null(FeedbackDeadlines.RunningDue(FeedbackStatus.Refused, accept, resolve, publish));
        Assert.Null(FeedbackDeadlines.StateOf(null, T(2026, 3, 30, 9), Cal));
    }

    [Fact]
    public void Due_soon_is_today_or_the_next_working_day_and_overdue_is_past_17h()
    {
        var due = T(2026, 2, 24, 17); // Tue after Tết
        // Fri 13/02 before Tết: the next working day is Mon 23/02, so 24/02 is not yet "soon".
        Assert.Equal(DeadlineState.NotDue, FeedbackDeadlines.StateOf(due, T(2026, 2, 13, 9), Cal));
        Assert.Equal(DeadlineState.DueSoon, FeedbackDeadlines.StateOf(due, T(2026, 2, 23, 9), Cal));
        Assert.Equal(DeadlineState.DueSoon, FeedbackDeadlines.StateOf(due, T(2026, 2, 24, 17), Cal));
        Assert.Equal(DeadlineState.Overdue, FeedbackDeadlines.StateOf(due, T(2026, 2, 24, 17, 1), Cal));
    }

    [Fact]
    public void Reopen_is_allowed_for_7_days_after_the_answer()
    {
        var answered = T(2026, 6, 1, 10);
        Assert.True(FeedbackDeadlines.CanReopen(answered, answered.AddDays(7)));
        Assert.False(FeedbackDeadlines.CanReopen(answered, answered.AddDays(7).AddMinutes(1)));
    }

    [Fact]
    public void A_reopened_report_never_counts_as_resolved_on_time()
    {
        Assert.True(FeedbackDeadlines.IsResolvedOnTime(T(2026, 5, 14, 17), T(2026, 5, 14, 17), reopenCount: 0));
        Assert.False(FeedbackDeadlines.IsResolvedOnTime(T(2026, 5, 14, 17, 1), T(2026, 5, 14, 17), reopenCount: 0));
        Assert.False(FeedbackDeadlines.IsResolvedOnTime(T(2026, 5, 10, 9), T(2026, 5, 14, 17), reopenCount: 1));
    }

    [Theory]
    [InlineData(FeedbackStatus.Submitted, FeedbackAction.Accept, FeedbackStatus.Accepted)]
    [InlineData(FeedbackStatus.Submitted, FeedbackAction.Transfer, FeedbackStatus.Submitted)]
    [InlineData(FeedbackStatus.Submitted, FeedbackAction.Refuse, FeedbackStatus.Refused)]
    [InlineData(FeedbackStatus.Accepted, FeedbackAction.RequestInfo, FeedbackStatus.AwaitingInfo)]
    [InlineData(FeedbackStatus.AwaitingInfo, FeedbackAction.ProvideInfo, FeedbackStatus.Accepted)]
    [InlineData(FeedbackStatus.Accepted, FeedbackAction.Resolve, FeedbackStatus.Resolved)]
    [InlineData(FeedbackStatus.Resolved, FeedbackAction.Publish, FeedbackStatus.Published)]
    [InlineData(FeedbackStatus.Published, FeedbackAction.Reopen, FeedbackStatus.Accepted)]
    [InlineData(FeedbackStatus.Resolved, FeedbackAction.Reopen, FeedbackStatus.Accepted)]
    public void Legal_moves(FeedbackStatus from, FeedbackAction action, FeedbackStatus to) =>
        Assert.Equal(to, FeedbackWorkflow.Apply(from, action));

    [Theory]
    [InlineData(FeedbackStatus.Submitted, FeedbackAction.Resolve)] // accept first
    [InlineData(FeedbackStatus.Accepted, FeedbackAction.Rate)] // rating before the answer
    [InlineData(FeedbackStatus.AwaitingInfo, FeedbackAction.Resolve)] // the reporter has not answered
    [InlineData(FeedbackStatus.Accepted, FeedbackAction.Reopen)]
    [InlineData(FeedbackStatus.Accepted, FeedbackAction.Transfer)] // the transfer is the first decision
    [InlineData(FeedbackStatus.Refused, FeedbackAction.Reopen)]
    [InlineData(FeedbackStatus.Published, FeedbackAction.Publish)]
    public void Illegal_moves(FeedbackStatus from, FeedbackAction action)
    {
        Assert.False(FeedbackWorkflow.CanApply(from, action));
        Assert.Throws<InvalidOperationException>(() => FeedbackWorkflow.Apply(from, action));
    }

    [Fact]
    public void The_unit_sees_only_its_own_actions()
    {
        Assert.Equal([FeedbackAction.Accept, FeedbackAction.Transfer, FeedbackAction.Refuse], FeedbackWorkflow.OfficerActions(FeedbackStatus.Submitted));
        Assert.Equal([FeedbackAction.RequestInfo, FeedbackAction.Resolve], FeedbackWorkflow.OfficerActions(FeedbackStatus.Accepted));
        Assert.Empty(FeedbackWorkflow.OfficerActions(FeedbackStatus.AwaitingInfo));
        Assert.Empty(FeedbackWorkflow.OfficerActions(FeedbackStatus.Refused));
    }
}

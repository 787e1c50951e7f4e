using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

public class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.ForYears(2024, 2025);

    private static DateTime T(int y, int mo, int d, int h = 0, int mi = 0) => new(y, mo, d, h, mi, 0);

    private static TimeLimit WorkingDays(int n) => new(n, TimeLimitUnit.WorkingDays);

    [Fact]
    public void Five_working_days_from_Monday_28_04_2025_end_on_Thursday_08_05_at_17h() =>
        Assert.Equal(T(2025, 5, 8, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 28, 10), WorkingDays(5), Cal));

    [Fact]
    public void Swapped_Saturday_26_04_2025_counts_as_a_working_day() =>
        Assert.Equal(T(2025, 4, 29, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 25, 9), WorkingDays(3), Cal));

    [Fact]
    public void Received_on_a_non_working_day_counts_from_the_next_working_day() =>
        // Sat 03/05/2025 (inside the 30/4 break): reception day Mon 05/05, 1 working day → Tue 06/05.
        Assert.Equal(T(2025, 5, 6, 17), DeadlineCalculator.ComputeDue(T(2025, 5, 3, 10), WorkingDays(1), Cal));

    [Fact]
    public void Received_after_office_end_counts_from_the_next_working_day()
    {
        Assert.Equal(T(2025, 4, 23, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 17, 30), WorkingDays(1), Cal));
        Assert.Equal(T(2025, 4, 22, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 16, 59), WorkingDays(1), Cal));
    }

    [Fact]
    public void Zero_working_days_means_the_reception_day() =>
        Assert.Equal(T(2025, 4, 21, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 9), WorkingDays(0), Cal));

    [Fact]
    public void Tet_2025_is_skipped()
    {
        // Thu 23/01/2025 + 3: Fri 24/01 (1), Tết 25/01–02/02, Mon 03/02 (2), Tue 04/02 (3).
        Assert.Equal(T(2025, 2, 4, 17), DeadlineCalculator.ComputeDue(T(2025, 1, 23, 8), WorkingDays(3), Cal));
    }

    [Fact]
    public void Paper_dossier_after_15h_is_transferred_next_morning_art_18()
    {
        Assert.Equal(T(2025, 4, 22, 7, 30), DeadlineCalculator.EffectiveStart(T(2025, 4, 21, 15, 30), DossierChannel.InPerson, Cal));
        Assert.Equal(T(2025, 4, 21, 14, 59), DeadlineCalculator.EffectiveStart(T(2025, 4, 21, 14, 59), DossierChannel.InPerson, Cal));
    }

    [Fact]
    public void Paper_dossier_at_15_00_00_exactly_is_on_time_for_that_day_and_15_00_01_is_not()
    {
        // "Sau 15 giờ" (Decree 61/2018 art. 18): after 15:00, so 15:00:00 is still that day.
        var exactly = new DateTime(2025, 4, 21, 15, 0, 0);
        var oneSecondLater = new DateTime(2025, 4, 21, 15, 0, 1);
        Assert.Equal(exactly, DeadlineCalculator.EffectiveStart(exactly, DossierChannel.InPerson, Cal));
        Assert.Equal(T(2025, 4, 22, 7, 30), DeadlineCalculator.EffectiveStart(oneSecondLater, DossierChannel.InPerson, Cal));
        // 3 working days: Thu 24/04 from Monday 21/04, Fri 25/04 from the transfer on Tuesday 22/04.
        Assert.Equal(T(2025, 4, 24, 17), DeadlineCalculator.ComputeDue(exactly, DossierChannel.InPerson, WorkingDays(3), Cal));
        Assert.Equal(T(2025, 4, 25, 17), DeadlineCalculator.ComputeDue(oneSecondLater, DossierChannel.InPerson, WorkingDays(3), Cal));
        // A fraction of a second is not "after": the receipt shows 15:00:00.
        Assert.False(DeadlineCalculator.IsAfterCutoff(exactly.AddMilliseconds(999)));
    }

    [Fact]
    public void Online_dossier_at_16h_passes_at_once()
    {
        Assert.Equal(T(2025, 4, 21, 16), DeadlineCalculator.EffectiveStart(T(2025, 4, 21, 16), DossierChannel.Online, Cal));
        // 3 working days: online due Thu 24/04, paper (transferred Tue 22/04) due Fri 25/04.
        Assert.Equal(T(2025, 4, 24, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 16), DossierChannel.Online, WorkingDays(3), Cal));
        Assert.Equal(T(2025, 4, 25, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 15, 30), DossierChannel.InPerson, WorkingDays(3), Cal));
    }

    [Fact]
    public void Paper_dossier_late_on_Friday_25_04_2025_goes_to_the_swapped_Saturday() =>
        Assert.Equal(T(2025, 4, 26, 7, 30), DeadlineCalculator.EffectiveStart(T(2025, 4, 25, 15, 10), DossierChannel.InPerson, Cal));

    [Theory]
    [InlineData(DossierChannel.Online)]
    [InlineData(DossierChannel.InPerson)]
    public void Dossier_received_on_a_non_working_day_starts_next_working_day_at_07_30(DossierChannel channel) =>
        Assert.Equal(T(2025, 5, 5, 7, 30), DeadlineCalculator.EffectiveStart(T(2025, 5, 3, 10), channel, Cal));

    [Fact]
    public void Calendar_days_land_on_the_same_or_next_working_day()
    {
        Assert.Equal(T(2025, 6, 12, 17), DeadlineCalculator.ComputeDue(T(2025, 6, 2, 9), new TimeLimit(10, TimeLimitUnit.Days), Cal));
        // 25/04/2025 + 5 days = Wed 30/04, a holiday → Mon 05/05.
        Assert.Equal(T(2025, 5, 5, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 25, 9), new TimeLimit(5, TimeLimitUnit.Days), Cal));
        // 31/12/2024 + 1 day = 01/01/2025, a holiday → Thu 02/01.
        Assert.Equal(T(2025, 1, 2, 17), DeadlineCalculator.ComputeDue(T(2024, 12, 31, 9), new TimeLimit(1, TimeLimitUnit.Days), Cal));
    }

    [Theory]
    [InlineData(2024, 1, 31, 1, 2024, 2, 29)] // leap year: AddMonths clamps to 29/02
    [InlineData(2025, 1, 31, 1, 2025, 2, 28)] // (a Tết day, but the month is counted on the calendar)
    [InlineData(2025, 3, 31, 1, 2025, 5, 5)]  // 30/04 holiday, 01–02/05 off, weekend → Mon 05/05
    [InlineData(2024, 11, 30, 1, 2024, 12, 30)]
    [InlineData(2024, 12, 13, 3, 2025, 3, 13)]
    public void Month_limits_use_AddMonths_then_the_next_working_day(int y, int m, int d, int months, int ey, int em, int ed) =>
        Assert.Equal(T(ey, em, ed, 17), DeadlineCalculator.ComputeDue(T(y, m, d, 10), new TimeLimit(months, TimeLimitUnit.Months), Cal));

    [Fact]
    public void Hours_skip_the_lunch_break() =>
        // 10:30 + 4h: 10:30–11:30 (1h) + 13:00–16:00 (3h).
        Assert.Equal(T(2025, 4, 21, 16), DeadlineCalculator.ComputeDue(T(2025, 4, 21, 10, 30), new TimeLimit(4, TimeLimitUnit.Hours), Cal));

    [Fact]
    public void Hours_skip_the_weekend() =>
        // Fri 18/04/2025 15:00 + 4h: 2h on Friday, 2h on Monday from 07:30.
        Assert.Equal(T(2025, 4, 21, 9, 30), DeadlineCalculator.ComputeDue(T(2025, 4, 18, 15), new TimeLimit(4, TimeLimitUnit.Hours), Cal));

    [Fact]
    public void Hours_skip_holidays() =>
        // Tue 29/04/2025 16:00 + 2h: 1h that day, then 30/04–04/05 off, 1h on Mon 05/05.
        Assert.Equal(T(2025, 5, 5, 8, 30), DeadlineCalculator.ComputeDue(T(2025, 4, 29, 16), new TimeLimit(2, TimeLimitUnit.Hours), Cal));

    [Theory]
    [InlineData(6, 0, 8, 17, 0)]    // before office: starts 07:30, 8h end the same day at 17:00
    [InlineData(12, 0, 2, 15, 0)]   // during lunch: starts 13:00
    [InlineData(7, 30, 4, 11, 30)]  // ends exactly at the end of the morning
    [InlineData(18, 0, 1, 8, 30)]   // evening: next working day (Tue 22/04)
    public void Hours_clamp_the_start_into_office_hours(int h, int mi, int hours, int eh, int emi)
    {
        var received = T(2025, 4, 21, h, mi);
        var due = DeadlineCalculator.ComputeDue(received, new TimeLimit(hours, TimeLimitUnit.Hours), Cal);
        var expectedDay = h >= 17 ? 22 : 21;
        Assert.Equal(T(2025, 4, expectedDay, eh, emi), due);
    }

    [Fact]
    public void Negative_limit_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineCalculator.ComputeDue(T(2025, 4, 21, 9), WorkingDays(-1), Cal));

    [Fact]
    public void Supplement_restarts_processing_time_from_the_resubmission_art_19_4()
    {
        var limit = WorkingDays(10);
        var firstDue = DeadlineCalculator.ComputeDue(T(2025, 6, 2, 9), DossierChannel.Online, limit, Cal);
        Assert.Equal(T(2025, 6, 16, 17), firstDue);

        // Supplement arrives online Wed 11/06: 10 working days from zero → Wed 25/06.
        Assert.Equal(T(2025, 6, 25, 17), DeadlineCalculator.RestartAfterSupplement(T(2025, 6, 11, 10), DossierChannel.Online, limit, Cal));

        // On paper after 15:00 it is transferred Thu 12/06 → Thu 26/06.
        Assert.Equal(T(2025, 6, 26, 17), DeadlineCalculator.RestartAfterSupplement(T(2025, 6, 11, 15, 30), DossierChannel.InPerson, limit, Cal));
    }

    [Fact]
    public void One_reappointment_only_art_19_9()
    {
        var due = T(2025, 5, 9, 17);
        Assert.True(DeadlineCalculator.CanReappoint(0, due, T(2025, 5, 8, 10), Cal));
        Assert.False(DeadlineCalculator.CanReappoint(1, due, T(2025, 5, 8, 10), Cal));
        Assert.False(DeadlineCalculator.CanReappoint(2, due, T(2025, 5, 5, 10), Cal));
    }

    [Fact]
    public void Reappointment_is_refused_on_the_due_date_and_after()
    {
        var due = T(2025, 5, 9, 17);
        Assert.False(DeadlineCalculator.CanReappoint(0, due, T(2025, 5, 9, 8), Cal));
        Assert.False(DeadlineCalculator.CanReappoint(0, due, T(2025, 5, 12, 8), Cal));
    }

    [Fact]
    public void Reappointment_counts_working_days_across_the_holiday()
    {
        // Due Mon 05/05/2025: on Tue 29/04 one working day (05/05) still lies ahead.
        var due = T(2025, 5, 5, 17);
        Assert.True(DeadlineCalculator.CanReappoint(0, due, T(2025, 4, 29, 16), Cal));
        Assert.False(DeadlineCalculator.CanReappoint(0, due, T(2025, 5, 5, 7, 30), Cal));
    }

    private static readonly WorkingCalendar Cal2026 = WorkingCalendar.ForYears(2025, 2026);

    [Fact]
    public void Online_31_12_2025_plus_2_working_days_is_06_01_2026()
    {
        // 01/01 and the swapped Friday 02/01 off, weekend 03–04/01: Mon 05/01 (1), Tue 06/01 (2).
        Assert.Equal(T(2026, 1, 6, 17), DeadlineCalculator.ComputeDue(T(2025, 12, 31, 10), DossierChannel.Online, WorkingDays(2), Cal2026));
    }

    [Fact]
    public void Friday_28_08_2026_plus_2_working_days_is_04_09_2026()
    {
        // 29/08–02/09 off (Monday 31/08 swapped): Thu 03/09 (1), Fri 04/09 (2).
        Assert.Equal(T(2026, 9, 4, 17), DeadlineCalculator.ComputeDue(T(2026, 8, 28, 10), DossierChannel.Online, WorkingDays(2), Cal2026));
    }

    [Fact]
    public void Five_working_days_across_Tet_2026()
    {
        // Thu 12/02 + 5: Fri 13/02 (1), Tết 14–22/02, Mon 23/02 (2) … Thu 26/02 (5).
        Assert.Equal(T(2026, 2, 26, 17), DeadlineCalculator.ComputeDue(T(2026, 2, 12, 9), DossierChannel.Online, WorkingDays(5), Cal2026));
    }

    [Fact]
    public void The_swapped_Saturdays_of_2026_count_as_working_days()
    {
        // Fri 09/01 + 1 → Sat 10/01 (worked); Fri 21/08 + 1 → Sat 22/08 (worked).
        Assert.Equal(T(2026, 1, 10, 17), DeadlineCalculator.ComputeDue(T(2026, 1, 9, 9), DossierChannel.Online, WorkingDays(1), Cal2026));
        Assert.Equal(T(2026, 8, 22, 17), DeadlineCalculator.ComputeDue(T(2026, 8, 21, 9), DossierChannel.Online, WorkingDays(1), Cal2026));
        // A paper dossier received after 15:00 on Friday 21/08 is transferred on the Saturday worked.
        Assert.Equal(T(2026, 8, 22, 7, 30), DeadlineCalculator.EffectiveStart(T(2026, 8, 21, 15, 30), DossierChannel.InPerson, Cal2026));
    }

    private static readonly TimeLimit Certification = new(0, TimeLimitUnit.SameWorkingDay);

    [Theory]
    [InlineData(8, 0, 2025, 4, 22)]    // in the morning: the same day
    [InlineData(15, 0, 2025, 4, 22)]   // 15:00 exactly: the same day
    [InlineData(15, 1, 2025, 4, 23)]   // after 15:00: the next working day
    [InlineData(18, 0, 2025, 4, 23)]   // after office hours: the next working day
    public void Certification_is_due_the_same_working_day_or_the_next_one_after_15h(int h, int mi, int ey, int em, int ed)
    {
        // Decree 23/2015/NĐ-CP art. 21, received Tuesday 22/04/2025, online or on paper alike.
        Assert.Equal(T(ey, em, ed, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 22, h, mi), DossierChannel.InPerson, Certification, Cal));
        Assert.Equal(T(ey, em, ed, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 22, h, mi), DossierChannel.Online, Certification, Cal));
    }

    [Fact]
    public void Certification_at_15_00_01_is_due_the_next_working_day()
    {
        var received = new DateTime(2025, 4, 22, 15, 0, 1);
        Assert.Equal(T(2025, 4, 23, 17), DeadlineCalculator.ComputeDue(received, Certification, Cal));
        Assert.Equal(T(2025, 4, 22, 17), DeadlineCalculator.ComputeDue(received.AddSeconds(-1), Certification, Cal));
    }

    [Fact]
    public void Certification_received_on_Friday_after_15h_is_due_on_Monday()
    {
        Assert.Equal(T(2025, 6, 9, 17), DeadlineCalculator.ComputeDue(T(2025, 6, 6, 16), DossierChannel.InPerson, Certification, Cal));
        Assert.Equal(T(2025, 6, 6, 17), DeadlineCalculator.ComputeDue(T(2025, 6, 6, 14), DossierChannel.InPerson, Certification, Cal));
    }

    [Fact]
    public void Certification_before_a_holiday_is_due_after_it()
    {
        // Tue 29/04/2025 after 15:00: 30/04–04/05 off → Mon 05/05. Wed 31/12/2025 after 15:00 → Mon 05/01/2026.
        Assert.Equal(T(2025, 5, 5, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 29, 15, 30), DossierChannel.InPerson, Certification, Cal));
        Assert.Equal(T(2026, 1, 5, 17), DeadlineCalculator.ComputeDue(T(2025, 12, 31, 16), DossierChannel.InPerson, Certification, Cal2026));
        // Received on a day off (Sunday 04/05/2025, online): the next working day.
        Assert.Equal(T(2025, 5, 5, 17), DeadlineCalculator.ComputeDue(T(2025, 5, 4, 10), DossierChannel.Online, Certification, Cal));
    }

    [Fact]
    public void Certification_ignores_the_limit_value_unlike_4_working_hours()
    {
        // 4 working hours from 14:00 would end at 08:30 the next day (3h + 1h); certification is due the same day at 17:00.
        Assert.Equal(T(2025, 4, 23, 8, 30), DeadlineCalculator.ComputeDue(T(2025, 4, 22, 14), new TimeLimit(4, TimeLimitUnit.Hours), Cal));
        Assert.Equal(T(2025, 4, 22, 17), DeadlineCalculator.ComputeDue(T(2025, 4, 22, 14), new TimeLimit(4, TimeLimitUnit.SameWorkingDay), Cal));
    }

    [Theory]
    [InlineData(2025, 5, 7, 16, 0, DeadlineState.Early)]
    [InlineData(2025, 5, 8, 8, 0, DeadlineState.OnTime)]
    [InlineData(2025, 5, 8, 17, 0, DeadlineState.OnTime)]
    [InlineData(2025, 5, 8, 17, 1, DeadlineState.Late)]
    [InlineData(2025, 5, 12, 9, 0, DeadlineState.Late)]
    public void Finished_dossiers_are_early_on_time_or_late(int y, int m, int d, int h, int mi, DeadlineState expected) =>
        Assert.Equal(expected, DeadlineCalculator.Classify(T(2025, 5, 8, 17), T(y, m, d, h, mi), T(2025, 6, 1), Cal));

    [Theory]
    [InlineData(2025, 5, 8, 17, 1, DeadlineState.Overdue)]
    [InlineData(2025, 5, 8, 9, 0, DeadlineState.DueSoon)]   // due today
    [InlineData(2025, 5, 7, 9, 0, DeadlineState.DueSoon)]   // due the next working day
    [InlineData(2025, 5, 6, 9, 0, DeadlineState.NotDue)]
    public void Unfinished_dossiers_are_not_due_due_soon_or_overdue(int y, int m, int d, int h, int mi, DeadlineState expected) =>
        Assert.Equal(expected, DeadlineCalculator.Classify(T(2025, 5, 8, 17), null, T(y, m, d, h, mi), Cal));

    [Fact]
    public void Due_soon_looks_past_holidays_to_the_next_working_day()
    {
        // Due Mon 05/05/2025; on Tue 29/04 the next working day is 05/05.
        Assert.Equal(DeadlineState.DueSoon, DeadlineCalculator.Classify(T(2025, 5, 5, 17), null, T(2025, 4, 29, 10), Cal));
        Assert.Equal(DeadlineState.NotDue, DeadlineCalculator.Classify(T(2025, 5, 5, 17), null, T(2025, 4, 29, 10), WorkingCalendar.Empty));
    }

    [Theory]
    [InlineData(DeadlineState.Early, 2)]
    [InlineData(DeadlineState.OnTime, 1)]
    [InlineData(DeadlineState.Late, 0)]
    public void Per_dossier_timeliness_points_circular_01_2018(DeadlineState state, int points) =>
        Assert.Equal(points, Ranking.TimelinessPoints(state));

    // The time the applicant takes to pay a fee or tax is not processing time: each working day waited moves the due date.
    [Theory]
    [InlineData(18, 9, 20, 10, 25)] // asked Tue 18/11, paid Thu 20/11: 2 working days → Fri 21/11 becomes Tue 25/11
    [InlineData(18, 9, 18, 16, 21)] // paid the same day: nothing moves
    [InlineData(21, 9, 24, 8, 24)]  // asked Fri, paid Mon: 1 working day (the weekend does not count)
    public void Days_waiting_for_a_payment_are_added_to_the_due_date(int askedDay, int askedHour, int paidDay, int paidHour, int newDueDay) =>
        Assert.Equal(T(2025, 11, newDueDay, 17), DeadlineCalculator.ExtendForPause(T(2025, 11, 21, 17), T(2025, 11, askedDay, askedHour), T(2025, 11, paidDay, paidHour), Cal));

    // The "send the apology now" warning (Decree 61/2018 art. 19(9)): only on the last working day on which it is still allowed.
    [Theory]
    [InlineData(17, false)] // Mon 17/11, due Fri 21/11: far
    [InlineData(19, false)] // Wed: two working days left, nothing to warn about yet
    [InlineData(20, true)]  // Thu: the last day an apology may be sent
    [InlineData(21, false)] // Fri, the due day: too late for an apology
    public void The_apology_warning_shows_only_when_the_due_date_is_near(int today, bool warn) =>
        Assert.Equal(warn, DeadlineCalculator.IsApologyDue(0, T(2025, 11, 21, 17), T(2025, 11, today, 10), Cal));
}

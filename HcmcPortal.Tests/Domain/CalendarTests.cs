using HcmcPortal.Domain;

namespace HcmcPortal.Tests.Domain;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Cal = WorkingCalendar.ForYears(2024, 2025);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Plain_week_is_Monday_to_Friday()
    {
        var cal = WorkingCalendar.Empty;
        Assert.True(cal.IsWorkingDay(D(2025, 6, 2)));   // Monday
        Assert.True(cal.IsWorkingDay(D(2025, 6, 6)));   // Friday
        Assert.False(cal.IsWorkingDay(D(2025, 6, 7)));  // Saturday
        Assert.False(cal.IsWorkingDay(D(2025, 6, 8)));  // Sunday
    }

    [Fact]
    public void Tet_2025_runs_from_Saturday_25_01_to_Sunday_02_02()
    {
        Assert.True(Cal.IsWorkingDay(D(2025, 1, 24)));
        for (var d = D(2025, 1, 25); d <= D(2025, 2, 2); d = d.AddDays(1))
        {
            Assert.False(Cal.IsWorkingDay(d));
            Assert.Equal(VietnamHolidays.LunarNewYear, Cal.HolidayName(d));
        }

        Assert.True(Cal.IsWorkingDay(D(2025, 2, 3)));
        Assert.Equal(5, Enumerable.Range(0, 9).Select(i => D(2025, 1, 25).AddDays(i)).Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
    }

    [Fact]
    public void Swapped_Saturday_26_04_2025_is_a_working_day_and_Friday_02_05_is_off()
    {
        Assert.True(Cal.IsWorkingDay(D(2025, 4, 26)));
        Assert.Null(Cal.HolidayName(D(2025, 4, 26)));
        Assert.False(Cal.IsWorkingDay(D(2025, 4, 27)));
        Assert.False(Cal.IsWorkingDay(D(2025, 4, 30)));
        Assert.False(Cal.IsWorkingDay(D(2025, 5, 1)));
        Assert.False(Cal.IsWorkingDay(D(2025, 5, 2)));
        Assert.Equal(D(2025, 5, 5), Cal.NextWorkingDay(D(2025, 4, 29)));
    }

    [Fact]
    public void Swap_2024_Monday_29_04_off_Saturday_04_05_worked()
    {
        Assert.False(Cal.IsWorkingDay(D(2024, 4, 29)));
        Assert.True(Cal.IsWorkingDay(D(2024, 5, 4)));
        Assert.Equal(VietnamHolidays.HungKings, Cal.HolidayName(D(2024, 4, 18)));
        Assert.False(Cal.IsWorkingDay(D(2024, 9, 2)));
        Assert.False(Cal.IsWorkingDay(D(2024, 9, 3)));
        Assert.False(Cal.IsWorkingDay(D(2024, 2, 14)));
        Assert.True(Cal.IsWorkingDay(D(2024, 2, 15)));
    }

    [Fact]
    public void NextWorkingDay_is_strictly_after_and_SameOrNext_keeps_a_working_day()
    {
        Assert.Equal(D(2025, 6, 3), Cal.NextWorkingDay(D(2025, 6, 2)));
        Assert.Equal(D(2025, 6, 2), Cal.SameOrNextWorkingDay(D(2025, 6, 2)));
        Assert.Equal(D(2025, 6, 9), Cal.SameOrNextWorkingDay(D(2025, 6, 7)));
        Assert.Equal(D(2025, 1, 2), Cal.NextWorkingDay(D(2024, 12, 31)));
    }

    [Fact]
    public void Five_working_days_across_30_04_and_01_05_2025()
    {
        // Mon 28/04: Tue 29/04 (1), 30/04–04/05 off, Mon 05/05 (2) … Thu 08/05 (5).
        Assert.Equal(D(2025, 5, 8), Cal.AddWorkingDays(D(2025, 4, 28), 5));
        Assert.Equal(5, Cal.WorkingDaysBetween(D(2025, 4, 28), D(2025, 5, 8)));
    }

    [Fact]
    public void Swapped_Saturday_is_counted_when_adding_working_days()
    {
        // Fri 25/04/2025 + 3: Sat 26/04 (1), Mon 28/04 (2), Tue 29/04 (3).
        Assert.Equal(D(2025, 4, 29), Cal.AddWorkingDays(D(2025, 4, 25), 3));
        Assert.Equal(D(2025, 4, 30), WorkingCalendar.Empty.AddWorkingDays(D(2025, 4, 25), 3));
    }

    [Fact]
    public void AddWorkingDays_zero_and_negative()
    {
        Assert.Equal(D(2025, 6, 7), Cal.AddWorkingDays(D(2025, 6, 7), 0));
        Assert.Equal(D(2025, 4, 29), Cal.AddWorkingDays(D(2025, 5, 5), -1));
        Assert.Equal(D(2025, 4, 26), Cal.AddWorkingDays(D(2025, 5, 5), -3));
    }

    [Fact]
    public void WorkingDaysBetween_is_exclusive_inclusive_and_antisymmetric()
    {
        Assert.Equal(0, Cal.WorkingDaysBetween(D(2025, 6, 2), D(2025, 6, 2)));
        Assert.Equal(1, Cal.WorkingDaysBetween(D(2025, 6, 2), D(2025, 6, 3)));
        Assert.Equal(0, Cal.WorkingDaysBetween(D(2025, 6, 6), D(2025, 6, 8)));
        Assert.Equal(-5, Cal.WorkingDaysBetween(D(2025, 5, 8), D(2025, 4, 28)));
    }

    [Fact]
    public void A_date_listed_twice_is_rejected()
    {
        var day = new CalendarDay(D(2025, 1, 1), CalendarDayKind.Holiday, "x");
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([day, day with { Name = "y" }]));
    }

    [Fact]
    public void A_calendar_with_no_working_day_fails_instead_of_looping()
    {
        var everything = Enumerable.Range(0, 4000).Select(i => new CalendarDay(D(2025, 1, 1).AddDays(i), CalendarDayKind.Holiday, "x"));
        var cal = new WorkingCalendar(everything);
        Assert.Throws<InvalidOperationException>(() => cal.NextWorkingDay(D(2025, 1, 1)));
    }

    [Fact]
    public void Office_hours_are_eight_hours()
    {
        var hours = (WorkingCalendar.MorningEnd - WorkingCalendar.OfficeStart) + (WorkingCalendar.OfficeEnd - WorkingCalendar.AfternoonStart);
        Assert.Equal(TimeSpan.FromHours(WorkingCalendar.WorkingHoursPerDay), hours);
        Assert.Equal(new TimeOnly(7, 30), WorkingCalendar.OfficeStart);
        Assert.Equal(new TimeOnly(17, 0), WorkingCalendar.OfficeEnd);
    }
}

public class VietnamHolidaysTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static List<DateOnly> Dates(IEnumerable<CalendarDay> days, string name) =>
        [.. days.Where(d => d.Name == name).Select(d => d.Date)];

    [Fact]
    public void Official_2025_matches_the_announced_schedule()
    {
        var days = VietnamHolidays.Official(2025);
        var off = days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToHashSet();
        DateOnly[] expectedOff = [D(2025, 1, 1), D(2025, 1, 27), D(2025, 1, 31), D(2025, 4, 7), D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2), D(2025, 9, 1), D(2025, 9, 2)];
        Assert.All(expectedOff, d => Assert.Contains(d, off));
        Assert.Equal([D(2025, 4, 26)], days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
        Assert.True(VietnamHolidays.IsAnnounced(2025));
    }

    [Fact]
    public void Official_falls_back_to_Suggest_for_2027_whose_schedule_is_not_decided()
    {
        Assert.Equal(VietnamHolidays.Suggest(2027), VietnamHolidays.Official(2027));
        Assert.False(VietnamHolidays.IsAnnounced(2027));
        Assert.True(VietnamHolidays.IsAnnounced(2026));
        Assert.NotEqual(VietnamHolidays.Suggest(2026), VietnamHolidays.Official(2026));
    }

    [Fact]
    public void The_2026_schedule_as_decided_has_exactly_these_days_off_on_weekdays_and_two_Saturdays_worked()
    {
        var cal = WorkingCalendar.ForYears(2026);
        var weekdaysOff = Enumerable.Range(0, 365).Select(i => D(2026, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !cal.IsWorkingDay(d));
        DateOnly[] expected =
        [
            D(2026, 1, 1), D(2026, 1, 2),                                               // New Year, Friday 02/01 swapped
            D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20), // Tết (statutory days)
            D(2026, 4, 27),                                                             // Giỗ Tổ falls on Sunday 26/04
            D(2026, 4, 30), D(2026, 5, 1),
            D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 2),                               // National Day, Monday 31/08 swapped
        ];
        Assert.Equal(expected, weekdaysOff);
        Assert.Equal([D(2026, 1, 10), D(2026, 8, 22)], cal.Days.Where(d => d.Kind == CalendarDayKind.WorkingDay).Select(d => d.Date));
        Assert.True(cal.IsYearConfirmed(2026));
    }

    [Fact]
    public void The_rule_based_guess_differs_from_the_decision_exactly_on_the_swapped_and_moved_days()
    {
        var guessed = new WorkingCalendar(VietnamHolidays.Suggest(2026));
        var decided = WorkingCalendar.ForYears(2026);
        var differing = Enumerable.Range(0, 365).Select(i => D(2026, 1, 1).AddDays(i))
            .Where(d => guessed.IsWorkingDay(d) != decided.IsWorkingDay(d));
        // Four weekdays wrong (02/01, 31/08, 01/09 off; 03/09 worked) and the two Saturdays worked.
        Assert.Equal([D(2026, 1, 2), D(2026, 1, 10), D(2026, 8, 22), D(2026, 8, 31), D(2026, 9, 1), D(2026, 9, 3)], differing);
    }

    [Fact]
    public void Tet_2026_runs_from_Saturday_14_02_to_Sunday_22_02()
    {
        var cal = WorkingCalendar.ForYears(2026);
        Assert.True(cal.IsWorkingDay(D(2026, 2, 13)));
        for (var d = D(2026, 2, 14); d <= D(2026, 2, 22); d = d.AddDays(1))
        {
            Assert.False(cal.IsWorkingDay(d));
            Assert.Equal(VietnamHolidays.LunarNewYear, cal.HolidayName(d));
        }

        Assert.True(cal.IsWorkingDay(D(2026, 2, 23)));
    }

    [Fact]
    public void Saturdays_10_01_and_22_08_2026_are_working_days()
    {
        var cal = WorkingCalendar.ForYears(2026);
        Assert.True(cal.IsWorkingDay(D(2026, 1, 10)));
        Assert.True(cal.IsWorkingDay(D(2026, 8, 22)));
        Assert.False(cal.IsWorkingDay(D(2026, 1, 17))); // an ordinary Saturday
        Assert.Equal(D(2026, 1, 10), cal.NextWorkingDay(D(2026, 1, 9)));
    }

    [Fact]
    public void Suggested_years_are_not_confirmed_until_the_calendar_says_so()
    {
        Assert.False(WorkingCalendar.ForYears(2027).IsYearConfirmed(2027));
        Assert.False(WorkingCalendar.ForYears(2026).IsYearConfirmed(2028));
        Assert.True(new WorkingCalendar(VietnamHolidays.Suggest(2027), [2027]).IsYearConfirmed(2027));
        Assert.False(WorkingCalendar.Empty.IsYearConfirmed(2026));
    }

    [Fact]
    public void Suggested_Tet_2026_is_the_last_day_of_the_year_and_four_days_from_17_02()
    {
        var tet = Dates(VietnamHolidays.Suggest(2026), VietnamHolidays.LunarNewYear);
        Assert.Equal([D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)], tet);
    }

    [Fact]
    public void Suggested_Tet_2027_starts_on_Saturday_06_02_so_two_days_are_made_up()
    {
        var days = VietnamHolidays.Suggest(2027);
        Assert.Equal([D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 2, 9)], Dates(days, VietnamHolidays.LunarNewYear));
        var cal = new WorkingCalendar(days);
        Assert.False(cal.IsWorkingDay(D(2027, 2, 10)));
        Assert.False(cal.IsWorkingDay(D(2027, 2, 11)));
        Assert.True(cal.IsWorkingDay(D(2027, 2, 12)));
        Assert.StartsWith("Nghỉ bù", cal.HolidayName(D(2027, 2, 10)));
    }

    [Fact]
    public void Holiday_on_a_weekend_moves_to_the_next_working_day_art_111_3()
    {
        // 01/05/2027 is a Saturday: made up on Monday 03/05/2027.
        var cal = new WorkingCalendar(VietnamHolidays.Suggest(2027));
        Assert.Equal(VietnamHolidays.LabourDay, cal.HolidayName(D(2027, 5, 1)));
        Assert.False(cal.IsWorkingDay(D(2027, 5, 3)));
        Assert.True(cal.IsWorkingDay(D(2027, 5, 4)));
    }

    [Fact]
    public void Two_weekend_holidays_in_a_row_get_two_different_make_up_days()
    {
        // 2023: Giỗ Tổ 29/04 (Sat) and 30/04 (Sun), 01/05 (Mon) → off 02/05 and 03/05, as the 2023 schedule did.
        var cal = new WorkingCalendar(VietnamHolidays.Suggest(2023));
        Assert.Equal(VietnamHolidays.HungKings, cal.HolidayName(D(2023, 4, 29)));
        Assert.False(cal.IsWorkingDay(D(2023, 5, 2)));
        Assert.False(cal.IsWorkingDay(D(2023, 5, 3)));
        Assert.True(cal.IsWorkingDay(D(2023, 5, 4)));
    }

    [Theory]
    [InlineData(2023, 4, 29)] // leap 2nd lunar month in 2023: month index shifts
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2027, 4, 16)]
    [InlineData(2020, 4, 2)]  // leap 4th month comes after the 3rd: no shift
    public void Suggested_Hung_Kings_day_is_10_03_lunar(int y, int m, int d) =>
        Assert.Equal([D(y, m, d)], Dates(VietnamHolidays.Suggest(y), VietnamHolidays.HungKings));

    [Fact]
    public void Suggested_year_has_the_eleven_legal_holidays_art_112()
    {
        var days = VietnamHolidays.Suggest(2026);
        Assert.Equal(11, days.Count(d => !d.Name.StartsWith("Nghỉ bù", StringComparison.Ordinal)));
        Assert.Contains(days, d => d.Date == D(2026, 1, 1));
        Assert.Contains(days, d => d.Date == D(2026, 4, 30));
        Assert.Contains(days, d => d.Date == D(2026, 5, 1));
        Assert.Contains(days, d => d.Date == D(2026, 9, 2));
        Assert.Contains(days, d => d.Date == D(2026, 9, 3));
        Assert.Contains(days, d => d.Date == D(2026, 4, 27) && d.Name.StartsWith("Nghỉ bù", StringComparison.Ordinal)); // Giỗ Tổ on Sunday 26/04
        Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
    }

    [Fact]
    public void Suggest_refuses_years_the_lunar_calendar_does_not_cover() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnamHolidays.Suggest(2101));
}

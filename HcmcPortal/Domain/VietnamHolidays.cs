using System.Globalization;

namespace HcmcPortal.Domain;

/// <summary>
/// Vietnam's public holidays (Labour Code 45/2019/QH14 art. 112): the announced schedules for the years we
/// hold, and a rule-based suggestion for any other year. The stored calendar is the truth (domain.md §4):
/// these lists only seed it; an administrator confirms or edits them.
/// </summary>
public static class VietnamHolidays
{
    public const string NewYear = "Tết Dương lịch";
    public const string LunarNewYear = "Tết Nguyên đán";
    public const string HungKings = "Giỗ Tổ Hùng Vương";
    public const string ReunificationDay = "Ngày Chiến thắng 30/4";
    public const string LabourDay = "Ngày Quốc tế Lao động";
    public const string NationalDay = "Quốc khánh";

    /// <summary>Years whose schedule here is the one the Government announced (not a suggestion).</summary>
    public static bool IsAnnounced(int year) => year is >= 2024 and <= 2026;

    /// <summary>
    /// The announced schedule for 2024, 2025 and 2026. For any other year (2027, …) no announced schedule is held
    /// here, and this falls back to <see cref="Suggest"/>; check <see cref="IsAnnounced"/> to tell them apart.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Official(int year) => year switch
    {
        2024 => Official2024(),
        2025 => Official2025(),
        2026 => Official2026(),
        _ => Suggest(year),
    };

    /// <summary>
    /// Suggests a year's holidays from Labour Code 45/2019/QH14 art. 112(1): 1/1; Tết, 5 days (the last day of
    /// the lunar year and the first 4 days of the new year); Giỗ Tổ 10/3 lunar; 30/4; 1/5; 2/9 and 3/9 (the law
    /// lets the Prime Minister pick the day before or after; we suggest the day after). A holiday on a Saturday or
    /// Sunday is made up on the next working day (art. 111(3)). Day swaps decided by the Prime Minister are not
    /// predictable and are not suggested. Weekend holidays are listed too, so that <see cref="WorkingCalendar.HolidayName"/>
    /// can name them. Result is in date order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The lunar calendar does not cover the year (supported: 1902–2100).</exception>
    public static IReadOnlyList<CalendarDay> Suggest(int year)
    {
        if (year < 1902 || year > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Holidays can be suggested for 1902–2100 only.");
        }

        // .NET's ChineseLunisolarCalendar computes the Chinese calendar, on China time (UTC+8). The Vietnamese
        // lunar calendar uses UTC+7, so a new moon near midnight can put a month a day apart (Tết 2007 and 2030
        // differ, for instance). This is only a suggestion: the stored calendar is the truth (domain.md §4).
        var lunar = new ChineseLunisolarCalendar();
        var tet = DateOnly.FromDateTime(lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));
        var hungKings = DateOnly.FromDateTime(lunar.ToDateTime(year, LunarMonthIndex(lunar, year, 3), 10, 0, 0, 0, 0));

        var holidays = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, NewYear),
        };
        for (var i = -1; i <= 3; i++)
        {
            holidays.Add(new(tet.AddDays(i), CalendarDayKind.Holiday, LunarNewYear));
        }

        holidays.Add(new(hungKings, CalendarDayKind.Holiday, HungKings));
        holidays.Add(new(new DateOnly(year, 4, 30), CalendarDayKind.Holiday, ReunificationDay));
        holidays.Add(new(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, LabourDay));
        holidays.Add(new(new DateOnly(year, 9, 2), CalendarDayKind.Holiday, NationalDay));
        holidays.Add(new(new DateOnly(year, 9, 3), CalendarDayKind.Holiday, NationalDay));

        // Art. 111(3): a holiday falling on the weekly rest day is made up on the next working day.
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var compensations = new List<CalendarDay>();
        foreach (var h in holidays.OrderBy(h => h.Date))
        {
            if (!IsWeekend(h.Date))
            {
                continue;
            }

            var d = h.Date.AddDays(1);
            while (IsWeekend(d) || taken.Contains(d))
            {
                d = d.AddDays(1);
            }

            taken.Add(d);
            compensations.Add(new(d, CalendarDayKind.Holiday, $"Nghỉ bù {h.Name} ({h.Date:dd/MM})"));
        }

        return [.. holidays.Concat(compensations).OrderBy(h => h.Date)];
    }

    /// <summary>
    /// .NET numbers lunar months 1–13 in a leap year, the leap month taking the index after the month it repeats.
    /// Returns the index of the ordinary (non-leap) lunar month <paramref name="month"/>.
    /// </summary>
    private static int LunarMonthIndex(ChineseLunisolarCalendar lunar, int year, int month)
    {
        var leap = lunar.GetLeapMonth(year);
        return leap != 0 && leap <= month ? month + 1 : month;
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static CalendarDay H(int y, int m, int d, string name) => new(new DateOnly(y, m, d), CalendarDayKind.Holiday, name);

    private static CalendarDay W(int y, int m, int d, string name) => new(new DateOnly(y, m, d), CalendarDayKind.WorkingDay, name);

    private static IEnumerable<CalendarDay> Span(DateOnly from, DateOnly to, string name)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return new(d, CalendarDayKind.Holiday, name);
        }
    }

    // 2024 as announced: Tết Thu 08/02–Wed 14/02; 30/4 swap: Monday 29/04 off, Saturday 04/05 worked;
    // Quốc khánh Mon 02/09 and Tue 03/09.
    private static IReadOnlyList<CalendarDay> Official2024() =>
    [
        H(2024, 1, 1, NewYear),
        .. Span(new(2024, 2, 8), new(2024, 2, 14), LunarNewYear),
        H(2024, 4, 18, HungKings),
        H(2024, 4, 29, "Nghỉ hoán đổi (làm bù thứ Bảy 04/05/2024)"),
        H(2024, 4, 30, ReunificationDay),
        H(2024, 5, 1, LabourDay),
        W(2024, 5, 4, "Làm bù cho ngày nghỉ 29/04/2024"),
        H(2024, 9, 2, NationalDay),
        H(2024, 9, 3, NationalDay),
    ];

    // 2025 as announced: Tết Sat 25/01–Sun 02/02 (weekdays 27/01–31/01); 30/4 swap: Friday 02/05 off,
    // Saturday 26/04 worked; Quốc khánh Mon 01/09 and Tue 02/09.
    private static IReadOnlyList<CalendarDay> Official2025() =>
    [
        H(2025, 1, 1, NewYear),
        .. Span(new(2025, 1, 25), new(2025, 2, 2), LunarNewYear),
        H(2025, 4, 7, HungKings),
        W(2025, 4, 26, "Làm bù cho ngày nghỉ 02/05/2025"),
        H(2025, 4, 30, ReunificationDay),
        H(2025, 5, 1, LabourDay),
        H(2025, 5, 2, "Nghỉ hoán đổi (làm bù thứ Bảy 26/04/2025)"),
        H(2025, 9, 1, NationalDay),
        H(2025, 9, 2, NationalDay),
    ];

    // 2026 as decided (Government Office letters, late 2025; domain.md §4):
    // New Year Thu 01/01–Sun 04/01: Friday 02/01 off, Saturday 10/01 worked.
    // Tết Sat 14/02–Sun 22/02 (statutory Mon 16/02–Fri 20/02).
    // Giỗ Tổ (10/3 lunar) falls on Sunday 26/04: Monday 27/04 off; 30/04 (Thu) and 01/05 (Fri), so 30/04–03/05 run together.
    // National Day Sat 29/08–Wed 02/09 (statutory 01/09 and 02/09): Monday 31/08 off, Saturday 22/08 worked.
    private static IReadOnlyList<CalendarDay> Official2026() =>
    [
        H(2026, 1, 1, NewYear),
        H(2026, 1, 2, "Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)"),
        W(2026, 1, 10, "Làm bù cho ngày nghỉ 02/01/2026"),
        .. Span(new(2026, 2, 14), new(2026, 2, 22), LunarNewYear),
        H(2026, 4, 26, HungKings),
        H(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương (26/04 là Chủ nhật)"),
        H(2026, 4, 30, ReunificationDay),
        H(2026, 5, 1, LabourDay),
        W(2026, 8, 22, "Làm bù cho ngày nghỉ 31/08/2026"),
        H(2026, 8, 31, "Nghỉ hoán đổi Quốc khánh (làm bù thứ Bảy 22/08/2026)"),
        H(2026, 9, 1, NationalDay),
        H(2026, 9, 2, NationalDay),
    ];
}

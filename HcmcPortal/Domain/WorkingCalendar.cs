namespace HcmcPortal.Domain;

/// <summary>
/// The working-day calendar: Monday to Friday, less stored holidays, plus weekend days stored as
/// working days (domain.md §4; the Mon–Fri week is the civil-service norm, unverified as a statute).
/// Immutable and thread-safe once built.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Start of office hours (morning session 07:30–11:30).</summary>
    public static readonly TimeOnly OfficeStart = new(7, 30);

    /// <summary>End of the morning session.</summary>
    public static readonly TimeOnly MorningEnd = new(11, 30);

    /// <summary>Start of the afternoon session (13:00–17:00).</summary>
    public static readonly TimeOnly AfternoonStart = new(13, 0);

    /// <summary>End of office hours; a due date is promised for this time.</summary>
    public static readonly TimeOnly OfficeEnd = new(17, 0);

    /// <summary>Working hours in a working day (4 in the morning + 4 in the afternoon).</summary>
    public const int WorkingHoursPerDay = 8;

    /// <summary>Safety bound for searches, so that a calendar with no working day cannot loop for ever.</summary>
    private const int MaxSearchDays = 3660;

    private readonly Dictionary<DateOnly, CalendarDay> _days;
    private readonly HashSet<int> _confirmedYears;

    /// <summary>
    /// Builds a calendar from stored entries. Two entries for the same date are a data error.
    /// <paramref name="confirmedYears"/> are the years whose schedule is decided (announced, or confirmed by an
    /// administrator); in any other year the entries are only a suggestion and may still change.
    /// </summary>
    /// <exception cref="ArgumentException">The same date is listed twice.</exception>
    public WorkingCalendar(IEnumerable<CalendarDay> days, IEnumerable<int>? confirmedYears = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        _confirmedYears = [.. confirmedYears ?? []];
        _days = [];
        foreach (var day in days)
        {
            ArgumentNullException.ThrowIfNull(day, nameof(days));
            if (!_days.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"The calendar lists {day.Date:dd/MM/yyyy} twice.", nameof(days));
            }
        }
    }

    /// <summary>A calendar with no stored entries: plain Monday–Friday.</summary>
    public static WorkingCalendar Empty { get; } = new([]);

    /// <summary>A calendar holding <see cref="VietnamHolidays.Official"/> for each of the given years; the announced ones are confirmed.</summary>
    public static WorkingCalendar ForYears(params int[] years) =>
        new(years.Distinct().SelectMany(VietnamHolidays.Official), years.Where(VietnamHolidays.IsAnnounced));

    /// <summary>
    /// Whether <paramref name="year"/>'s schedule is decided. A due date in an unconfirmed year was counted on a
    /// suggested schedule: the officer is told, since the holidays (and so the date) may still change.
    /// </summary>
    public bool IsYearConfirmed(int year) => _confirmedYears.Contains(year);

    /// <summary>The stored entries, in date order.</summary>
    public IReadOnlyList<CalendarDay> Days => [.. _days.Values.OrderBy(d => d.Date)];

    /// <summary>The stored entry for a date, if any.</summary>
    public CalendarDay? Find(DateOnly d) => _days.GetValueOrDefault(d);

    /// <summary>True for Mon–Fri that are not holidays, and for weekend days stored as working days.</summary>
    public bool IsWorkingDay(DateOnly d)
    {
        if (_days.TryGetValue(d, out var entry))
        {
            return entry.Kind == CalendarDayKind.WorkingDay;
        }

        return d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The name of the holiday on this date, or null if it is not a stored holiday.</summary>
    public string? HolidayName(DateOnly d) =>
        _days.TryGetValue(d, out var entry) && entry.Kind == CalendarDayKind.Holiday ? entry.Name : null;

    /// <summary>The first working day strictly after <paramref name="d"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly d) => Step(d, +1);

    /// <summary>The first working day strictly before <paramref name="d"/>.</summary>
    public DateOnly PreviousWorkingDay(DateOnly d) => Step(d, -1);

    /// <summary><paramref name="d"/> itself if it is a working day, otherwise the next working day.</summary>
    public DateOnly SameOrNextWorkingDay(DateOnly d) => IsWorkingDay(d) ? d : NextWorkingDay(d);

    /// <summary>
    /// The n-th working day strictly after <paramref name="start"/> (start itself is never counted).
    /// n = 0 returns start unchanged; a negative n counts backwards (the |n|-th working day strictly before start).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var direction = n >= 0 ? 1 : -1;
        var d = start;
        for (var i = 0; i < Math.Abs(n); i++)
        {
            d = Step(d, direction);
        }

        return d;
    }

    /// <summary>
    /// Number of working days in (fromExclusive, toInclusive]; negative (the count of working days in
    /// (toInclusive, fromExclusive]) when toInclusive is before fromExclusive; 0 when they are equal.
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var count = 0;
        for (var d = fromExclusive.AddDays(1); d <= toInclusive; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    private DateOnly Step(DateOnly d, int direction)
    {
        for (var i = 1; i <= MaxSearchDays; i++)
        {
            var candidate = d.AddDays(i * direction);
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No working day within {MaxSearchDays} days of {d:dd/MM/yyyy}: check the calendar data.");
    }
}

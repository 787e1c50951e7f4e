namespace HcmcPortal.Domain;

/// <summary>What a stored calendar entry does to an otherwise ordinary day.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday, a compensatory day off or a swapped day off: not a working day.</summary>
    Holiday = 0,

    /// <summary>A Saturday or Sunday that the yearly schedule turns into a working day (e.g. Saturday 26/04/2025).</summary>
    WorkingDay = 1,
}

/// <summary>
/// One stored calendar entry. The calendar is data kept per year by an administrator
/// (domain.md §4): the Prime Minister fixes Tết and 2/9 each year and schedules swap days.
/// </summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

namespace HcmcPortal.Domain;

public enum CalendarDayKind
{
    Holiday,
    WorkingDay,
}

public record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

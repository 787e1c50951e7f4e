namespace HcmcPortal.Domain;

/// <summary>
/// Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975), so a fixed offset is exact and
/// needs no tz database on the server. Times are stored in UTC and shown in Vietnam time.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime Now(TimeProvider clock) => ToLocal(clock.GetUtcNow().UtcDateTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock));

    public static string FormatDate(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy");

    public static string FormatDateTime(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm");
}

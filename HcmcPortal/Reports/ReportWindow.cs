using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>
/// A report's date range: Vietnam-local dates <see cref="From"/>..<see cref="To"/> inclusive, turned into the UTC
/// bounds [FromUtc, ToUtc) the database stores. <see cref="AsOfUtc"/> is when "still in process" and "overdue" are
/// judged: the end of the range, or now if the range has not ended yet.
/// </summary>
public sealed record ReportWindow(DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtc, DateTime AsOfUtc)
{
    public static ReportWindow Of(DateOnly from, DateOnly to, DateTime nowUtc)
    {
        if (to < from)
            throw new ArgumentException("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", nameof(to));
        var fromUtc = VietnamTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = VietnamTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new ReportWindow(from, to, fromUtc, toUtc, nowUtc < toUtc ? DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc) : toUtc);
    }

    /// <summary>A DX period is a calendar year.</summary>
    public static ReportWindow Year(int year, DateTime nowUtc) => Of(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), nowUtc);

    public string Label => $"{From:dd/MM/yyyy} – {To:dd/MM/yyyy}";

    /// <summary>Parses yyyy-MM-dd query values; null when missing or malformed.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}

using HcmcPortal.Localization;
using HcmcPortal.Validation;

namespace HcmcPortal.Reports;

/// <summary>
/// The one rule for a report's dates, on every report page and endpoint: yyyy-MM-dd, within the supported dates,
/// from not after to, at most three years. Checked at the input edge, before anything is computed.
/// </summary>
public static class ReportPeriod
{
    public const int MaxDays = 366 * 3;

    /// <summary>The range, or a Vietnamese message saying what is wrong with it.</summary>
    public static (DateOnly From, DateOnly To)? Parse(string? from, string? to, out string? error)
    {
        var f = ReportWindow.ParseDate(from);
        var t = ReportWindow.ParseDate(to);
        error = f is null || t is null ? UiTexts.Get("Validation.Period.Malformed") : Problem(f.Value, t.Value);
        return error is null ? (f!.Value, t!.Value) : null;
    }

    /// <summary>What is wrong with a chosen range, or null.</summary>
    public static string? Problem(DateOnly from, DateOnly to) =>
        SupportedDates.Problem(from, UiTexts.Get("Validation.Label.FromDate")) ?? SupportedDates.Problem(to, UiTexts.Get("Validation.Label.ToDate"))
        ?? (to < from ? UiTexts.Get("Validation.Period.ToBeforeFrom")
        : to.DayNumber - from.DayNumber > MaxDays ? UiTexts.Get("Validation.Period.TooLong")
        : null);

    /// <summary>A DX period (a year) from the query; null when missing, malformed or outside the supported years.</summary>
    public static int? ParseYear(string? period) =>
        int.TryParse(period, out var year) && year >= SupportedDates.Min.Year && year <= SupportedDates.Max.Year ? year : null;
}

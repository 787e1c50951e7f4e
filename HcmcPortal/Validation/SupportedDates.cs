using System.Globalization;
using HcmcPortal.Localization;

namespace HcmcPortal.Validation;

/// <summary>
/// The dates the portal works with, in every form and report: a person's dates and the reporting periods all fall
/// within these years. A date outside (year 1, year 9999) is refused with a message before anything is computed.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Min && date <= Max;

    /// <summary>The message for a date outside the supported years, or null; <paramref name="label"/> as the reader sees it.</summary>
    public static string? Problem(DateOnly date, string label) =>
        Contains(date) ? null : UiTexts.Format("Validation.Date.OutOfRange", label,
            Min.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Max.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
}

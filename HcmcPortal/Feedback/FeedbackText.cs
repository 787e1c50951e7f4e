using System.Globalization;
using System.Resources;
using HcmcPortal.Domain;
using HcmcPortal.Localization;

namespace HcmcPortal.Feedback;

/// <summary>
/// Names of a report's statuses, steps and deadline states, from the UiText resources (<c>Feedback_Status_*</c>,
/// <c>Feedback_Action_*</c>). <see cref="StatusName"/> and <see cref="ActionName"/> are Vietnamese (notifications,
/// the API, workbooks); <see cref="Status"/> and <see cref="Action"/> follow the current UI culture (pages).
/// </summary>
public static class FeedbackText
{
    private static readonly ResourceManager Resources = new("HcmcPortal.Localization.UiText", typeof(UiText).Assembly);

    public static string StatusName(FeedbackStatus status) => Get($"Feedback_Status_{status}", CultureInfo.InvariantCulture);

    public static string ActionName(FeedbackAction action) => Get($"Feedback_Action_{action}", CultureInfo.InvariantCulture);

    public static string Status(FeedbackStatus status) => Get($"Feedback_Status_{status}", CultureInfo.CurrentUICulture);

    public static string Action(FeedbackAction action) => Get($"Feedback_Action_{action}", CultureInfo.CurrentUICulture);

    /// <summary>The running step's deadline state, or "clock stopped" when none runs.</summary>
    public static string Deadline(DeadlineState? state) => Get(state is { } s ? $"Feedback_Deadline_{s}" : "Feedback_Deadline_Stopped", CultureInfo.CurrentUICulture);

    private static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;
}

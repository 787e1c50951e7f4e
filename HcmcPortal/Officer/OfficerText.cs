using HcmcPortal.Domain;
using HcmcPortal.Localization;
using Microsoft.Extensions.Localization;

namespace HcmcPortal.Officer;

/// <summary>Display helpers shared by the officer screens and the printed forms.</summary>
public static class OfficerText
{
    /// <summary>The name of an audit-trail action: a workflow action, or one of the events outside the state machine.</summary>
    public static string EventName(string action, IStringLocalizer<UiText> l) =>
        Enum.TryParse<DossierAction>(action, out var a) && Enum.IsDefined(a)
            ? DossierNames.Action(a)
            : l[$"Officer.Event.{action}"].ResourceNotFound ? action : l[$"Officer.Event.{action}"];

    public static string FormatLocal(DateTime? utc) => utc is { } u ? VietnamTime.FormatDateTime(u) : "—";

    public static string FormatDate(DateTime? utc) => utc is { } u ? VietnamTime.FormatDate(u) : "—";

    public static string TimeLimitText(TimeLimit limit, IStringLocalizer<UiText> l) => Citizen.Catalogue.ProcedureText.TimeLimit(l, limit);
}

using HcmcPortal.Domain;

namespace HcmcPortal.Localization;

/// <summary>
/// Status, stage and action names in the current UI culture, from the UiText resources (keys <c>Dossier.Status.*</c>,
/// <c>Dossier.Stage.*</c>, <c>Dossier.Action.*</c>). Static so that services and components alike can use it; a Blazor
/// circuit carries the request's culture. The API and the workbooks keep <see cref="DossierText"/> (Vietnamese, the
/// national list), and a test keeps the Vietnamese resources equal to it.
/// </summary>
public static class DossierNames
{
    public static string Status(DossierStatus status) => Text($"Dossier.Status.{status}") ?? DossierText.StatusName(status);

    public static string Stage(DossierStage stage) => Text($"Dossier.Stage.{stage}") ?? DossierText.StageName(stage);

    public static string Action(DossierAction action) => Text($"Dossier.Action.{action}") ?? DossierText.ActionName(action);

    /// <summary>
    /// Who acted, as the timelines show it: the applicant's role (stored in Vietnamese on the event) in the current culture,
    /// or null for a unit's name, which is data and stays as stored.
    /// </summary>
    public static string? ApplicantRole(string? actorUnitName) =>
        actorUnitName == UiTexts.Vietnamese("Citizen.Event.Applicant") ? Text("Citizen.Event.Applicant") : null;

    /// <summary>A role's name in the current culture.</summary>
    public static string Role(string role) => Text($"Role.{role}") ?? Roles.DisplayName(role);

    /// <summary>A screen of the personal-data access log (<c>PersonalDataScreens</c>) in the current culture.</summary>
    public static string Screen(string screen) => Text($"Privacy.Screen.{screen}") ?? HcmcPortal.Privacy.PersonalDataScreens.DisplayName(screen);

    /// <summary>A UiText resource in the current UI culture, or null when there is none.</summary>
    public static string? Text(string key) => UiTexts.Find(key);
}

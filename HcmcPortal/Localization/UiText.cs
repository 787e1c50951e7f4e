namespace HcmcPortal.Localization;

/// <summary>Marker for the portal's UI texts: UiText.resx (Vietnamese, the default) and UiText.en.resx.</summary>
public sealed class UiText;

/// <summary>Marker for MudBlazor's own strings in Vietnamese (MudText.resx).</summary>
public sealed class MudText;

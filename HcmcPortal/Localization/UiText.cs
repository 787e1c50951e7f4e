namespace HcmcPortal.Localization;

/// <summary>Marker for the portal's UI texts: UiText.resx (Vietnamese, the default) and UiText.en.resx.</summary>
public sealed class UiText;

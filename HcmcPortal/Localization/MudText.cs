namespace HcmcPortal.Localization;

/// <summary>Marker for MudBlazor's own strings in Vietnamese (MudText.resx, named after this file).</summary>
public sealed class MudText;

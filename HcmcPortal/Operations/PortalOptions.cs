namespace HcmcPortal.Operations;

/// <summary>
/// Settings of the deployment itself (<c>Portal:*</c>). Links in mails are built from <see cref="PublicBaseUrl"/>,
/// never from the request's Host header, which an attacker controls.
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The address citizens reach the portal at, e.g. https://dichvucong.hochiminhcity.gov.vn.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>A notice shown at the top of every page (e.g. "demo data"), edited at runtime; none when empty.</summary>
    public string? DemoBanner { get; set; }

    /// <summary>An absolute link to a path of the portal (path may carry a query string).</summary>
    public string LinkTo(string path) => PublicBaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

using System.Diagnostics;

namespace HcmcPortal.Operations;

public static class Correlation
{
    /// <summary>The id shown to the user on an error page and written in every log line of the request.</summary>
    public static string Id(HttpContext? http) => Activity.Current?.TraceId.ToString() ?? http?.TraceIdentifier ?? Guid.NewGuid().ToString("N");
}

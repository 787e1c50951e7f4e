using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HcmcPortal.Citizen.Lookup;

public enum LookupOutcome
{
    Found,
    NotFound,
    Invalid,
    RateLimited,
}

/// <summary>Only the status and dates: never the name, number, address or anything else personal (Decree 13/2023/NĐ-CP).</summary>
public sealed record LookupResult(LookupOutcome Outcome, string? Message = null, DossierStatus? Status = null, DateTime? ReceivedAt = null, DateTime? DueAt = null,
    TimeSpan? RetryAfter = null, string? ProcedureName = null, string? Code = null)
{
    public const string NotFoundMessage = "Không tìm thấy hồ sơ với mã và 4 số cuối đã nhập.";
    public const string CodeRequiredMessage = "Vui lòng nhập mã hồ sơ.";
    public const string DigitsRequiredMessage = "Vui lòng nhập đúng 4 chữ số cuối của số CCCD hoặc số điện thoại.";

    /// <summary>The UiText key of the message, so the page shows it in the reader's language (the API answers in Vietnamese).</summary>
    public string? MessageKey => Message switch
    {
        NotFoundMessage => "Lookup.Error.NotFound",
        CodeRequiredMessage => "Lookup.Error.CodeRequired",
        DigitsRequiredMessage => "Lookup.Error.DigitsRequired",
        _ => null,
    };
}

/// <summary>
/// Public lookup without sign-in: dossier code plus the last 4 digits of the applicant's CCCD or phone.
/// A wrong code and wrong digits get the same answer, and each client address and each dossier code has a small
/// budget (<c>RateLimits:Lookup</c>, in the portal's one rate-limit store), so the lookup cannot be used to guess codes
/// or digits. The page (over its circuit) and the REST API both come through here, so they share the budget.
/// </summary>
public sealed class LookupService(IDbContextFactory<AppDbContext> dbFactory, PortalRateLimiter limiter, IOptionsMonitor<RateLimitOptions> limits)
{
    /// <summary>The default budget per client address (<see cref="RateLimitOptions.Lookup"/>).</summary>
    public const int PermitsPerMinute = 10;

    public async Task<LookupResult> LookupAsync(string clientKey, string? code, string? lastDigits, CancellationToken ct = default)
    {
        // Codes are printed in capitals (000.00.01.H29-…); a person may type them in any case.
        code = code?.Trim().ToUpperInvariant() ?? "";
        lastDigits = lastDigits?.Trim() ?? "";
        if (code.Length == 0)
            return new(LookupOutcome.Invalid, LookupResult.CodeRequiredMessage);
        if (lastDigits.Length != 4 || !lastDigits.All(char.IsAsciiDigit))
            return new(LookupOutcome.Invalid, LookupResult.DigitsRequiredMessage);
        using var lease = limiter.Acquire(RatePolicy.Lookup, clientKey, code);
        if (!lease.IsAcquired)
        {
            var after = PortalRateLimiter.RetryAfter(lease, RatePolicy.Lookup, limits.CurrentValue);
            return new(LookupOutcome.RateLimited, PortalRateLimiter.Message(after), RetryAfter: after);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dossier = await Query(db, code).FirstOrDefaultAsync(ct);
        var matches = dossier is not null
            && (EndsWith(dossier.ApplicantCccd, lastDigits) || EndsWith(dossier.ApplicantPhone, lastDigits));
        return matches
            ? new(LookupOutcome.Found, null, dossier!.Status, dossier.ReceivedAt, dossier.DueAt, ProcedureName: dossier.ProcedureName, Code: code)
            : new(LookupOutcome.NotFound, LookupResult.NotFoundMessage);
    }

    internal sealed record LookupRow(DossierStatus Status, DateTime? ReceivedAt, DateTime? DueAt, string ApplicantCccd, string? ApplicantPhone, string ProcedureName);

    internal static IQueryable<LookupRow> Query(AppDbContext db, string code) =>
        db.Dossiers.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new LookupRow(d.Status, d.ReceivedAt, d.DueAt, d.ApplicantCccd, d.ApplicantPhone, d.Procedure!.Name));

    private static bool EndsWith(string? value, string digits)
    {
        var onlyDigits = new string((value ?? "").Where(char.IsAsciiDigit).ToArray());
        return onlyDigits.Length >= 4 && onlyDigits.EndsWith(digits, StringComparison.Ordinal);
    }
}

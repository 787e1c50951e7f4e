using System.Threading.RateLimiting;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

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
    string? ProcedureName = null, string? Code = null)
{
    public const string NotFoundMessage = "Không tìm thấy hồ sơ với mã và 4 số cuối đã nhập.";
}

/// <summary>
/// Public lookup without sign-in: dossier code plus the last 4 digits of the applicant's CCCD or phone.
/// A wrong code and wrong digits get the same answer, and each client address has a small budget per minute,
/// so the lookup cannot be used to guess codes or digits. Singleton, so the page and the REST API share the budget.
/// </summary>
public sealed class LookupService(IDbContextFactory<AppDbContext> dbFactory) : IDisposable
{
    public const int PermitsPerMinute = 10;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public async Task<LookupResult> LookupAsync(string clientKey, string? code, string? lastDigits, CancellationToken ct = default)
    {
        // Codes are printed in capitals (000.00.01.H29-…); a person may type them in any case.
        code = code?.Trim().ToUpperInvariant() ?? "";
        lastDigits = lastDigits?.Trim() ?? "";
        if (code.Length == 0)
            return new(LookupOutcome.Invalid, "Vui lòng nhập mã hồ sơ.");
        if (lastDigits.Length != 4 || !lastDigits.All(char.IsAsciiDigit))
            return new(LookupOutcome.Invalid, "Vui lòng nhập đúng 4 chữ số cuối của số CCCD hoặc số điện thoại.");
        using var lease = limiter.AttemptAcquire(clientKey);
        if (!lease.IsAcquired)
            return new(LookupOutcome.RateLimited, "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau một phút.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new { d.Status, d.ReceivedAt, d.DueAt, d.ApplicantCccd, d.ApplicantPhone, ProcedureName = d.Procedure!.Name }).FirstOrDefaultAsync(ct);
        var matches = dossier is not null
            && (EndsWith(dossier.ApplicantCccd, lastDigits) || EndsWith(dossier.ApplicantPhone, lastDigits));
        return matches
            ? new(LookupOutcome.Found, null, dossier!.Status, dossier.ReceivedAt, dossier.DueAt, dossier.ProcedureName, code)
            : new(LookupOutcome.NotFound, LookupResult.NotFoundMessage);
    }

    private static bool EndsWith(string? value, string digits)
    {
        var onlyDigits = new string((value ?? "").Where(char.IsAsciiDigit).ToArray());
        return onlyDigits.Length >= 4 && onlyDigits.EndsWith(digits, StringComparison.Ordinal);
    }

    public void Dispose() => limiter.Dispose();
}

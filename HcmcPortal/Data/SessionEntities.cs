namespace HcmcPortal.Data;

/// <summary>
/// A refresh token handed to the Citizen App. Each works once: refreshing marks it used and issues the next one of the
/// same family (one family per sign-in). Presenting a used token again means it was copied, so the whole family is revoked.
/// </summary>
public sealed class IssuedRefreshToken
{
    public Guid Id { get; set; }
    public Guid FamilyId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public enum SessionChannel { Web, Api }

/// <summary>
/// One sign-in: a browser's cookie (web) or a refresh-token family of the Citizen App (API), whose id is the
/// <c>hcmc:session</c> claim the cookie or token carries. Ending it (<see cref="EndedAt"/>) signs out that browser or
/// app only; it also ends when its user's security stamp changes (<see cref="SecurityStamp"/> is the stamp it began with).
/// Ended by an administrator, the change is audited.
/// </summary>
public sealed class UserSession : IAdminAudited
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public SessionChannel Channel { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    /// <summary>UTC, refreshed at most every <c>SessionRecords.TouchInterval</c>, not on every request.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>The client's address when it signed in (after the trusted proxy's X-Forwarded-For).</summary>
    public string? IpAddress { get; set; }
    /// <summary>Browser and system, summarised from the User-Agent header (e.g. "Chrome 131 · Windows").</summary>
    public string? Browser { get; set; }
    public string SecurityStamp { get; set; } = "";
    public DateTime? EndedAt { get; set; }
    /// <summary>The user who ended it: the owner (sign-out) or an administrator; null when the portal did (a copied refresh token).</summary>
    public string? EndedBy { get; set; }

    /// <summary>Not stored: the owner's unit, set by the service that ends the session, for the audit trail's unit search.</summary>
    public int? OwnerUnitId { get; set; }

    // Contains the user's id, so that searching the trail for an account finds its sessions too.
    string IAdminAudited.AuditKey => $"{UserId}/{Id}";
    int? IAdminAudited.AuditUnitId => OwnerUnitId;
}

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

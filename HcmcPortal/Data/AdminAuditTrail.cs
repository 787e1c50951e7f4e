using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;

using HcmcPortal.Localization;
namespace HcmcPortal.Data;

/// <summary>
/// The one place administrative changes are audited: on every save made for a person (<see cref="AppDbContext.ActorId"/>
/// set), each <see cref="IAdminAudited"/> row created, changed or deleted, and each role given or taken, becomes an
/// <see cref="AdminAuditEntry"/> saved in the same transaction. Seeding and start-up corrections have no actor and are
/// not administrative changes; a change the portal itself makes to administered data (locking the demo accounts)
/// is recorded explicitly with <see cref="RecordBySystem"/>. Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass the
/// change tracker, so administrative services do not use them.
/// </summary>
public static class AdminAuditTrail
{
    public const string SystemActor = "system";
    public const string SecretMask = "••••••";

    /// <summary>Columns that are bookkeeping or secrets, never shown: hashes, stamps, counters, derived search columns.</summary>
    private static readonly HashSet<string> Hidden =
    [
        nameof(IAudited.CreatedAt), nameof(IAudited.CreatedBy), nameof(IAudited.UpdatedAt), nameof(IAudited.UpdatedBy), nameof(IConcurrent.Version),
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(AppUser.AccessFailedCount),
        nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName), nameof(AppUser.LastSignInAt),
        nameof(Procedure.SearchName), nameof(AdministrativeUnit.Path),
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// "Nguyễn Văn A lúc 08:30 02/12/2026": who last changed a row (any row of the type when <paramref name="entityKeys"/>
    /// is null) and when, as the trail records it, for telling the administrator whose save won. An account is keyed by
    /// its e-mail and its roles by its id, hence several keys.
    /// </summary>
    public static async Task<string> LastChangeAsync(AppDbContext db, string entityType, IReadOnlyCollection<string>? entityKeys, CancellationToken ct)
    {
        var trail = db.AdminAudit.AsNoTracking().Where(a => a.EntityType == entityType);
        if (entityKeys is not null)
            trail = trail.Where(a => entityKeys.Contains(a.EntityKey));
        var last = await trail.OrderByDescending(a => a.Id)
            .Select(a => new { a.At, a.ActorUserId, Name = db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        var who = last?.Name ?? UiTexts.Get(last?.ActorUserId == SystemActor ? "Admin_Audit.LastChange.System" : "Admin_Audit.LastChange.SomeoneElse");
        return last is null ? who : UiTexts.Format("Admin_Audit.LastChange.At", who, Domain.VietnamTime.FormatDateTime(last.At));
    }

    /// <summary>A change the portal made on its own to an administered row, added to <paramref name="db"/>'s next save under <see cref="SystemActor"/>.</summary>
    public static void RecordBySystem(AppDbContext db, IAdminAudited row, string action, DateTime now,
        Dictionary<string, object?>? before, Dictionary<string, object?>? after) =>
        db.AdminAudit.Add(new AdminAuditEntry
        {
            At = now,
            ActorUserId = SystemActor,
            EntityType = row.GetType().Name,
            EntityKey = row.AuditKey,
            UnitId = row.AuditUnitId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before.ToDictionary(p => p.Key, p => Shown(p.Value)), Json),
            After = after is null ? null : JsonSerializer.Serialize(after.ToDictionary(p => p.Key, p => Shown(p.Value)), Json),
        });

    internal static void Capture(AppDbContext db, DateTime now)
    {
        if (db.ActorId is null || db.ActorId == SystemActor)
            return;
        var rows = new List<AdminAuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            var row = entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                ? entry.Entity switch
                {
                    IAdminAudited audited => Describe(db, entry, audited),
                    IdentityUserRole<string> role => DescribeRole(db, entry, role),
                    _ => null,
                }
                : null;
            if (row is null)
                continue;
            row.At = now;
            row.ActorUserId = db.ActorId;
            rows.Add(row);
        }
        db.AdminAudit.AddRange(rows);
    }

    private static AdminAuditEntry? Describe(AppDbContext db, EntityEntry entry, IAdminAudited audited)
    {
        var shown = entry.Properties.Where(p => !Hidden.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty()).ToList();
        if (entry.State == EntityState.Modified)
            shown = shown.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
        // A change of bookkeeping only (a sign-in's counters) is no administrative change, unless the service names it.
        if (shown.Count == 0 && (entry.State != EntityState.Modified || db.AuditAction is null))
            return null;
        var secret = entry.Entity is PortalSetting { IsSecret: true };
        string? Values(bool original) => shown.Count == 0 ? null : JsonSerializer.Serialize(
            shown.ToDictionary(p => p.Metadata.Name, p => secret && p.Metadata.Name == nameof(PortalSetting.Value)
                ? (p.CurrentValue ?? p.OriginalValue) is null ? null : SecretMask
                : Shown(original ? p.OriginalValue : p.CurrentValue)), Json);
        return new AdminAuditEntry
        {
            EntityType = entry.Metadata.ClrType.Name,
            EntityKey = audited.AuditKey,
            UnitId = audited.AuditUnitId,
            Action = db.AuditAction ?? entry.State switch
            {
                EntityState.Added => AdminAuditActions.Created,
                EntityState.Deleted => AdminAuditActions.Deleted,
                _ => AdminAuditActions.Updated,
            },
            Before = entry.State == EntityState.Added ? null : Values(original: true),
            After = entry.State == EntityState.Deleted ? null : Values(original: false),
        };
    }

    /// <summary>A role given or taken is a change of its user; the role is named when the context knows it.</summary>
    private static AdminAuditEntry? DescribeRole(AppDbContext db, EntityEntry entry, IdentityUserRole<string> link)
    {
        if (entry.State == EntityState.Modified)
            return null;
        var role = db.Roles.Local.FirstOrDefault(r => r.Id == link.RoleId)?.Name ?? link.RoleId;
        var user = db.Users.Local.FirstOrDefault(u => u.Id == link.UserId);
        var value = JsonSerializer.Serialize(new Dictionary<string, string> { ["Role"] = role }, Json);
        var added = entry.State == EntityState.Added;
        return new AdminAuditEntry
        {
            EntityType = nameof(AppUser),
            EntityKey = link.UserId,
            UnitId = user?.UnitId,
            Action = added ? AdminAuditActions.RoleAdded : AdminAuditActions.RoleRemoved,
            Before = added ? null : value,
            After = added ? value : null,
        };
    }

    private static object? Shown(object? value) => value switch
    {
        DateTime d => d.ToString("O"),
        DateTimeOffset d => d.UtcDateTime.ToString("O"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        Enum e => e.ToString(),
        _ => value,
    };
}

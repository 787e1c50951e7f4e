namespace HcmcPortal.Data;

/// <summary>
/// Data that administrators edit. Every change a person makes to such a row is written to the administrative audit
/// trail by <see cref="AdminAuditTrail"/> in the same save: who, when, which row, before → after.
/// </summary>
public interface IAdminAudited
{
    /// <summary>A key that names the row before the database gives it an id (codes, e-mail ids, setting keys).</summary>
    string AuditKey { get; }

    /// <summary>The unit the row belongs to (an officer's unit, a unit itself), for searching the trail by unit.</summary>
    int? AuditUnitId => null;
}

/// <summary>
/// One administrative change: a row of administered data created, changed or deleted by a person (never by seeding),
/// or by the portal itself under <see cref="AdminAuditTrail.SystemActor"/> (demo accounts locked at start-up).
/// Append-only: the context refuses to change or delete a row.
/// </summary>
public class AdminAuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string ActorUserId { get; set; } = "";
    /// <summary>The changed row's type, e.g. <c>AppUser</c>, <c>PortalSetting</c>, <c>Procedure</c>.</summary>
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public int? UnitId { get; set; }
    /// <summary><see cref="AdminAuditActions"/>: created, updated, deleted, or what the administrator asked for (lock, reset …).</summary>
    public string Action { get; set; } = "";
    /// <summary>The changed values before and after, as JSON objects (secrets masked); null for a creation or a deletion.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>
/// A runtime setting stored in the database; it overlays appsettings under the same configuration key
/// (e.g. <c>Uploads:MaxMegabytes</c>). A secret's value is protected with ASP.NET Core Data Protection.
/// </summary>
public class PortalSetting : IAdminAudited
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
    public bool IsSecret { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    string IAdminAudited.AuditKey => Key;
}

/// <summary>The actions the audit trail names; those beyond created/updated/deleted are set by the service that acts.</summary>
public static class AdminAuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    public const string RoleAdded = "RoleAdded";
    public const string RoleRemoved = "RoleRemoved";
    public const string Locked = "Locked";
    public const string Unlocked = "Unlocked";
    public const string PasswordResetForced = "PasswordResetForced";
    public const string SessionsEnded = "SessionsEnded";
    public const string SessionEnded = "SessionEnded";
    public const string Imported = "Imported";
}

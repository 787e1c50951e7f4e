using HcmcPortal.Domain;
using HcmcPortal.Validation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data;

/// <summary>
/// The portal's model. Each provider has its own subclass so that each keeps its own migration set
/// (shared/stack.md, "Two providers, one model").
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit fields name for this unit of work; set by the scoped factory from the signed-in user.</summary>
    public string? ActorId { get; set; }

    /// <summary>What the person asked for, when more than "changed" (lock, password reset …): names the audit rows of this save.</summary>
    public string? AuditAction { get; set; }

    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<RequiredDocument> RequiredDocuments => Set<RequiredDocument>();
    public DbSet<ProcedureFormField> ProcedureFormFields => Set<ProcedureFormField>();
    public DbSet<WorkflowStep> WorkflowSteps => Set<WorkflowStep>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
    public DbSet<ProcedureChange> ProcedureChanges => Set<ProcedureChange>();
    public DbSet<CalendarEntry> Calendar => Set<CalendarEntry>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierDraft> Drafts => Set<DossierDraft>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<FileContent> FileContents => Set<FileContent>();
    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();
    public DbSet<DossierCodeCounter> DossierCodeCounters => Set<DossierCodeCounter>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<DxFramework> DxFrameworks => Set<DxFramework>();
    public DbSet<DxIndex> DxIndices => Set<DxIndex>();
    public DbSet<DxComponent> DxComponents => Set<DxComponent>();
    public DbSet<DxPeriod> DxPeriods => Set<DxPeriod>();
    public DbSet<DxDeclaration> DxDeclarations => Set<DxDeclaration>();
    public DbSet<DxSnapshot> DxSnapshots => Set<DxSnapshot>();
    public DbSet<IssuedRefreshToken> RefreshTokens => Set<IssuedRefreshToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();
    public DbSet<MailOutbox> MailOutboxes => Set<MailOutbox>();
    public DbSet<FeedbackCategory> FeedbackCategories => Set<FeedbackCategory>();
    public DbSet<FeedbackReport> FeedbackReports => Set<FeedbackReport>();
    public DbSet<FeedbackPhoto> FeedbackPhotos => Set<FeedbackPhoto>();
    public DbSet<FeedbackPhotoContent> FeedbackPhotoContents => Set<FeedbackPhotoContent>();
    public DbSet<FeedbackEvent> FeedbackEvents => Set<FeedbackEvent>();
    public DbSet<FeedbackFollower> FeedbackFollowers => Set<FeedbackFollower>();
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();
    public DbSet<PortalSetting> Settings => Set<PortalSetting>();
    public DbSet<DossierRollup> DossierRollups => Set<DossierRollup>();
    // Several instances (issue 14): shared Data Protection keys, job leases, listing exports.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<ExportJobRecord> ExportJobs => Set<ExportJobRecord>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<IssuedRefreshToken>(e =>
        {
            e.Property(t => t.UserId).HasMaxLength(450);
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => t.FamilyId);
            e.HasIndex(t => new { t.UserId, t.ExpiresAt });
        });
        b.Entity<UserSession>(e =>
        {
            e.Property(s => s.UserId).HasMaxLength(450);
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
            e.Property(s => s.IpAddress).HasMaxLength(45);
            e.Property(s => s.Browser).HasMaxLength(100);
            e.Property(s => s.SecurityStamp).HasMaxLength(100);
            e.Property(s => s.EndedBy).HasMaxLength(450);
            // Of two people ending one session, the second finds it already ended.
            e.Property(s => s.EndedAt).IsConcurrencyToken();
            e.Ignore(s => s.OwnerUnitId);
            // A user's open sessions (the sessions panel), and the pruning of old ones.
            e.HasIndex(s => new { s.UserId, s.EndedAt });
            e.HasIndex(s => s.LastSeenAt);
        });

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(TextLimits.PersonName);
            e.Property(u => u.Cccd).HasMaxLength(TextLimits.Cccd);
            e.HasIndex(u => u.Cccd);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<AdministrativeUnit>(e =>
        {
            e.Property(u => u.Code).HasMaxLength(20);
            e.Property(u => u.AgencyCode).HasMaxLength(40);
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.Kind).HasMaxLength(40);
            e.Property(u => u.Path).HasMaxLength(200);
            // Codes are reused across the reform (the 2025 Phường Tân Định keeps 26734 of the old one), so a code
            // is unique only together with the day its unit began; lookups pick the unit valid on the day (UnitLookup).
            e.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();
            e.HasIndex(u => u.Path);
            e.HasIndex(u => new { u.ParentId, u.Level });
            e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<UnitSuccession>(e =>
        {
            e.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
            e.HasIndex(s => s.SuccessorId);
            e.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Procedure>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(40);
            e.Property(p => p.Name).HasMaxLength(400);
            e.Property(p => p.SearchName).HasMaxLength(400);
            e.Property(p => p.Field).HasMaxLength(100);
            e.Property(p => p.HandlingAgency).HasMaxLength(200);
            e.HasIndex(p => p.Code).IsUnique();
            e.HasIndex(p => new { p.Field, p.Level });
            e.Property(p => p.ReceivingUnitCodes).HasMaxLength(4000);
            e.HasMany(p => p.RequiredDocuments).WithOne().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.FormFields).WithOne().HasForeignKey(f => f.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.WorkflowSteps).WithOne().HasForeignKey(s => s.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(p => p.TimeLimit);
        });
        b.Entity<RequiredDocument>(e =>
        {
            e.Property(d => d.Name).HasMaxLength(400);
            e.Property(d => d.AcceptedTypes).HasMaxLength(200);
            e.Property(d => d.TemplateFileName).HasMaxLength(TextLimits.FileName);
        });
        b.Entity<ProcedureFormField>(e =>
        {
            e.Property(f => f.Key).HasMaxLength(60);
            e.Property(f => f.Label).HasMaxLength(200);
            e.Property(f => f.Options).HasMaxLength(1000);
            e.Property(f => f.MinValue).HasPrecision(18, 4);
            e.Property(f => f.MaxValue).HasPrecision(18, 4);
        });
        b.Entity<ProcedureVersion>(e =>
        {
            e.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
            e.Property(v => v.PublishedBy).HasMaxLength(450);
            e.HasOne(v => v.Procedure).WithMany().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProcedureChange>(e =>
        {
            e.HasIndex(c => new { c.ProcedureId, c.At });
            e.Property(c => c.ActorUserId).HasMaxLength(450);
            e.Property(c => c.Action).HasMaxLength(20);
            e.HasOne(c => c.Procedure).WithMany().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WorkflowStep>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Role).HasMaxLength(40);
        });

        b.Entity<CalendarEntry>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.HasIndex(c => c.Date).IsUnique();
        });
        b.Entity<CalendarYear>(e =>
        {
            e.HasKey(y => y.Year);
            e.Property(y => y.Year).ValueGeneratedNever();
            e.Property(y => y.ConfirmedBy).HasMaxLength(450);
            e.Property(y => y.Basis).HasMaxLength(400);
        });

        b.Entity<Dossier>(e =>
        {
            e.Property(d => d.Code).HasMaxLength(60);
            e.Property(d => d.UnitPath).HasMaxLength(200);
            e.Property(d => d.ApplicantName).HasMaxLength(TextLimits.PersonName);
            e.Property(d => d.ApplicantSearchName).HasMaxLength(TextLimits.PersonName);
            e.Property(d => d.ApplicantCccd).HasMaxLength(TextLimits.Cccd);
            e.Property(d => d.ApplicantPhone).HasMaxLength(TextLimits.Phone);
            e.Property(d => d.ApplicantEmail).HasMaxLength(TextLimits.Email);
            e.Property(d => d.ApplicantAddress).HasMaxLength(TextLimits.Address);
            e.Property(d => d.SupplementRequest).HasMaxLength(TextLimits.Note);
            e.Property(d => d.IdempotencyKey).HasMaxLength(TextLimits.IdempotencyKey);
            e.Property(d => d.IdempotencyBodyHash).HasMaxLength(TextLimits.Sha256Hex);
            e.Property(d => d.PaymentReceiptNumber).HasMaxLength(TextLimits.ReceiptNumber);
            e.HasIndex(d => d.Code).IsUnique();
            // The queues and reports filter by unit scope and status and order by submission time.
            e.HasIndex(d => new { d.UnitPath, d.Status, d.SubmittedAt });
            // An officer's queues and unit list (VisibleTo: UnitId) by their filter and sort, so a page and its count
            // read the unit's slice of one index, not its history: the stage queues oldest first (and the dashboard's
            // counts by stage), the status filter sorted by applicant, the default order, the open dossiers by due date.
            e.HasIndex(d => new { d.UnitId, d.Stage, d.SubmittedAt });
            e.HasIndex(d => new { d.UnitId, d.Status, d.ApplicantName });
            e.HasIndex(d => new { d.UnitId, d.SubmittedAt });
            e.HasIndex(d => new { d.UnitId, d.ApplicantName });
            // The applicant search: a prefix of the folded name is a range on this index (OfficerQueries.ApplySearch).
            e.HasIndex(d => new { d.UnitId, d.ApplicantSearchName });
            e.HasIndex(d => new { d.UnitId, d.FinishedAt, d.DueAt });
            // Reports: the dossiers still open at a moment (the roll-ups' correction, "in process").
            e.HasIndex(d => new { d.FinishedAt, d.ReceivedAt });
            e.HasIndex(d => new { d.ApplicantUserId, d.SubmittedAt });
            e.HasIndex(d => new { d.ApplicantUserId, d.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            e.HasIndex(d => d.AssignedOfficerId);
            e.HasIndex(d => d.DueAt);
            e.HasOne(d => d.Procedure).WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(d => d.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<DossierDraft>(e =>
        {
            e.HasIndex(d => new { d.OwnerUserId, d.UpdatedAt });
            e.HasOne(d => d.Procedure).WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<StoredFile>(e =>
        {
            e.Property(f => f.FileName).HasMaxLength(TextLimits.FileName);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasIndex(f => f.DossierId);
            e.HasIndex(f => f.DraftId);
            e.HasOne(f => f.Content).WithOne().HasForeignKey<FileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FileContent>().HasKey(c => c.FileId);

        b.Entity<DossierEvent>(e =>
        {
            e.Property(v => v.ActorName).HasMaxLength(200);
            e.Property(v => v.ActorUnitName).HasMaxLength(200);
            e.Property(v => v.Action).HasMaxLength(60);
            e.Property(v => v.Note).HasMaxLength(TextLimits.Note);
            e.HasIndex(v => new { v.DossierId, v.At });
        });

        b.Entity<DossierCodeCounter>(e =>
        {
            e.HasKey(c => new { c.AgencyCode, c.Day });
            e.Property(c => c.AgencyCode).HasMaxLength(40);
            e.Property(c => c.LastNumber).IsConcurrencyToken();
        });

        b.Entity<Rating>(e =>
        {
            e.HasKey(r => r.DossierId);
            e.Property(r => r.Comment).HasMaxLength(TextLimits.RatingComment);
        });

        b.Entity<Notification>(e =>
        {
            e.Property(n => n.Title).HasMaxLength(200);
            e.Property(n => n.Body).HasMaxLength(2000);
            e.HasIndex(n => new { n.UserId, n.At });
        });

        b.Entity<DxFramework>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(200);
            e.Property(f => f.Version).HasMaxLength(40);
            e.HasMany(f => f.Indices).WithOne().HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DxIndex>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(40);
            e.Property(i => i.Name).HasMaxLength(200);
            e.HasMany(i => i.Components).WithOne().HasForeignKey(c => c.IndexId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DxComponent>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(400);
            e.Property(c => c.Metric).HasMaxLength(60);
            e.Property(c => c.EvidenceRequired).HasMaxLength(1000);
        });
        b.Entity<DxPeriod>(e =>
        {
            e.HasIndex(p => p.Year).IsUnique();
            e.HasOne(p => p.Framework).WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DxDeclaration>(e =>
        {
            e.HasIndex(d => new { d.PeriodId, d.UnitId, d.ComponentId }).IsUnique();
            e.Property(d => d.Evidence).HasMaxLength(2000);
            e.Property(d => d.ReviewNote).HasMaxLength(2000);
        });
        b.Entity<DxSnapshot>(e =>
        {
            e.HasIndex(s => new { s.PeriodId, s.UnitId }).IsUnique();
            e.Property(s => s.UnitCode).HasMaxLength(20);
            e.Property(s => s.UnitName).HasMaxLength(200);
        });

        b.Entity<PersonalDataAccess>(e =>
        {
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.UserName).HasMaxLength(200);
            e.Property(a => a.Roles).HasMaxLength(200);
            e.Property(a => a.UnitName).HasMaxLength(200);
            e.Property(a => a.DossierCode).HasMaxLength(60);
            e.Property(a => a.Screen).HasMaxLength(60);
            e.Property(a => a.Detail).HasMaxLength(300);
            // The citizen's "who viewed my dossier" and the administrator's searches (by dossier, by user, by period).
            e.HasIndex(a => new { a.DossierId, a.At });
            e.HasIndex(a => new { a.UserId, a.At });
            e.HasIndex(a => a.At);
        });

        b.Entity<MailOutbox>(e =>
        {
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.UserId).HasMaxLength(450);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.LastError).HasMaxLength(1000);
            // The worker's query: pending rows whose lease has run out.
            e.HasIndex(m => new { m.SentAt, m.FailedAt, m.LeaseUntil });
        });

        FeedbackModel.Configure(b);
        b.Entity<AdminAuditEntry>(e =>
        {
            e.Property(a => a.ActorUserId).HasMaxLength(450);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.EntityKey).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(60);
            // The viewer's searches: by period, by entity, by person, by unit, newest first.
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.EntityType, a.At });
            e.HasIndex(a => new { a.ActorUserId, a.At });
            e.HasIndex(a => new { a.UnitId, a.At });
        });
        b.Entity<PortalSetting>(e =>
        {
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Value).HasMaxLength(4000);
            e.Property(x => x.UpdatedBy).HasMaxLength(450);
        });
        // The dossier-action side of the audit viewer searches the events by period and by the actor's unit.
        b.Entity<DossierEvent>().HasIndex(v => v.At);
        b.Entity<DossierEvent>().HasIndex(v => new { v.ActorUnitId, v.At });
        b.Entity<DossierRollup>().HasKey(r => new { r.Day, r.UnitId, r.ProcedureId, r.OfficerId });
        b.Entity<DossierRollup>().Property(r => r.OfficerId).HasMaxLength(450);
        ScaleOutModel.Configure(b);

        foreach (var type in b.Model.GetEntityTypes().Where(t => typeof(IConcurrent).IsAssignableFrom(t.ClrType)))
            b.Entity(type.ClrType).Property(nameof(IConcurrent.Version)).IsConcurrencyToken();
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        var touched = DossiersTouched();
        if (touched.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
            return await SaveWithRollupsAsync(touched, acceptAllChangesOnSuccess, cancellationToken);
        // The report roll-ups move in the same transaction as the dossiers; through the execution strategy, which may
        // run it again from the start (the changes are accepted only once it committed).
        return await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var tx = await Database.BeginTransactionAsync(ct);
            var saved = await SaveWithRollupsAsync(touched, false, ct);
            await tx.CommitAsync(ct);
            if (acceptAllChangesOnSuccess)
                ChangeTracker.AcceptAllChanges();
            return saved;
        }, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        DossiersTouched().Count == 0
            ? SaveChangesWithoutRollups(acceptAllChangesOnSuccess)
            : SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private int SaveChangesWithoutRollups(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>Dossiers whose row or rating this save changes: their report counters may move.</summary>
    private HashSet<Guid> DossiersTouched() =>
        [.. ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch { Dossier d => d.Id, Rating r => r.DossierId, _ => Guid.Empty })
            .Where(id => id != Guid.Empty)];

    private async Task<int> SaveWithRollupsAsync(HashSet<Guid> touched, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        // A dossier this save inserts has no counters before it: only the others are read (a submission reads none).
        var existing = touched.Except(ChangeTracker.Entries<Dossier>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id)).ToList();
        var before = existing.Count == 0 ? new Dictionary<Reports.DossierRollups.Key, int[]>() : await Reports.DossierRollups.FactsAsync(this, existing, ct);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var after = await Reports.DossierRollups.FactsAsync(this, touched, ct);
        await Reports.DossierRollups.ApplyAsync(this, Reports.DossierRollups.Difference(before, after), ct);
        return saved;
    }

    /// <summary>The one place audit fields, concurrency tokens and derived search columns are filled.</summary>
    private void StampChanges()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is PersonalDataAccess or AdminAuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The personal-data access log and the audit trail are append-only: their rows cannot be changed or deleted.");
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            if (entry.Entity is IAudited audited)
            {
                if (entry.State == EntityState.Added)
                {
                    audited.CreatedAt = now;
                    audited.CreatedBy ??= ActorId;
                }
                audited.UpdatedAt = now;
                audited.UpdatedBy = ActorId;
            }
            if (entry.Entity is IConcurrent concurrent)
                concurrent.Version = Guid.NewGuid();
            if (entry.Entity is Dossier dossier)
                dossier.ApplicantSearchName = VietnameseText.Fold(dossier.ApplicantName);
            if (entry.Entity is PortalSetting setting)
            {
                setting.UpdatedAt = now;
                setting.UpdatedBy = ActorId;
            }
        }
        AdminAuditTrail.Capture(this, now);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);

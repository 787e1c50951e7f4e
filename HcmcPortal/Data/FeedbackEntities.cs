using HcmcPortal.Domain;
using HcmcPortal.Validation;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data;

/// <summary>A kind of problem residents report (issue 13, item 1). Data, not code: the city may add or rename kinds.</summary>
public class FeedbackCategory
{
    public int Id { get; set; }
    /// <summary>Stable code used in URLs, the API and exports (e.g. <c>moi-truong</c>).</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public int Order { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>
/// A citizen's report through the 1022 channel (phản ánh kiến nghị): what, where, which unit handles it, and where it
/// stands on its clock (<see cref="FeedbackDeadlines"/>). The reporter's identity is kept here for the unit; whether the
/// public sees their name and photos is the reporter's choice (<see cref="AnonymousToPublic"/>, <see cref="PhotosPublic"/>).
/// </summary>
public class FeedbackReport : IAudited, IConcurrent
{
    public Guid Id { get; set; }
    /// <summary>The tracking code given on the receipt (e.g. <c>PA260512-7K3QX9</c>).</summary>
    public string Code { get; set; } = "";
    public int CategoryId { get; set; }
    public FeedbackCategory? Category { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>The point picked on the map (WGS 84); null when the reporter only typed an address.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }

    /// <summary>The unit in charge now (changes on a transfer).</summary>
    public int UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
    /// <summary>True when the reporter chose the unit; false when it was found from the point on the map.</summary>
    public bool UnitChosenByReporter { get; set; }

    public string ReporterUserId { get; set; } = "";
    /// <summary>The reporter's name is never shown on public pages (officers still see it).</summary>
    public bool AnonymousToPublic { get; set; }
    /// <summary>The reporter allows the public pages to show the photos they sent.</summary>
    public bool PhotosPublic { get; set; }

    public FeedbackStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }
    /// <summary>When the report reached its current unit (submission, or the last transfer).</summary>
    public DateTime ArrivedAt { get; set; }
    public DateTime AcceptDueAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? ResolveDueAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? PublishDueAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RefusedAt { get; set; }
    /// <summary>The deadline of the step running now (null while the clock is stopped or when finished): the queues' filter and order.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>When the unit asked the reporter for information; set only while waiting (clock stopped).</summary>
    public DateTime? ClockStoppedAt { get; set; }
    /// <summary>Working days the clock stood still, over all the questions to the reporter.</summary>
    public int StoppedWorkingDays { get; set; }
    public string? InfoRequest { get; set; }

    /// <summary>The unit's written answer (with at least one <see cref="FeedbackPhotoKind.Evidence"/> photo).</summary>
    public string? Answer { get; set; }
    public string? RefusalReason { get; set; }
    public int TransferCount { get; set; }
    public int ReopenCount { get; set; }
    public DateTime? LastReopenedAt { get; set; }
    /// <summary>Set at each resolution: resolved by its resolve date and never reopened (<see cref="FeedbackDeadlines.IsResolvedOnTime"/>); a reopening clears it to false.</summary>
    public bool? ResolvedOnTime { get; set; }

    /// <summary>The reporter's rating of the latest answer: satisfied or not (with a reason).</summary>
    public bool? Satisfied { get; set; }
    public string? RatingReason { get; set; }
    public DateTime? RatedAt { get; set; }

    /// <summary>The deadline for which the unit was last reminded / the city operator last told (so each is sent once per step).</summary>
    public DateTime? RemindedForDueAt { get; set; }
    public DateTime? EscalatedForDueAt { get; set; }

    public List<FeedbackPhoto> Photos { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

public enum FeedbackPhotoKind
{
    /// <summary>Sent by the reporter with the report.</summary>
    Report = 0,

    /// <summary>Sent by the unit with its answer: the result on the ground.</summary>
    Evidence = 1,
}

/// <summary>A photo's metadata and thumbnail; the full image is in <see cref="FeedbackPhotoContent"/> so listings never load it.</summary>
public class FeedbackPhoto
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public FeedbackPhotoKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>A small JPEG for lists and timelines.</summary>
    public byte[] Thumbnail { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
    public FeedbackPhotoContent? Content { get; set; }
}

public class FeedbackPhotoContent
{
    public Guid PhotoId { get; set; }
    public byte[] Data { get; set; } = [];
}

/// <summary>Append-only timeline and audit of a report: who, when, what, from which status and unit to which, why.</summary>
public class FeedbackEvent
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public DateTime At { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public int? ActorUnitId { get; set; }
    public FeedbackAction Action { get; set; }
    public FeedbackStatus? FromStatus { get; set; }
    public FeedbackStatus ToStatus { get; set; }
    public int? FromUnitId { get; set; }
    public int? ToUnitId { get; set; }
    /// <summary>The reason, question, answer or rating comment that came with the step.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// A resident who follows someone else's report instead of sending a duplicate ("đã có người phản ánh — theo dõi phản
/// ánh đó?"): they are told of each step like the reporter, but never see the reporter's identity.
/// </summary>
public class FeedbackFollower
{
    public Guid ReportId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The feedback part of the model, kept beside its entities so <see cref="AppDbContext"/> only calls it.</summary>
internal static class FeedbackModel
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 4000;
    public const int CodeMax = 20;

    /// <summary>The seven kinds named in issue 13, item 1.</summary>
    public static readonly FeedbackCategory[] Categories =
    [
        new() { Id = 1, Code = "trat-tu-do-thi", Name = "Trật tự đô thị, xây dựng", NameEn = "Urban order and construction", Order = 1 },
        new() { Id = 2, Code = "moi-truong", Name = "Môi trường, vệ sinh", NameEn = "Environment and sanitation", Order = 2 },
        new() { Id = 3, Code = "giao-thong", Name = "Giao thông, đường sá", NameEn = "Traffic and roads", Order = 3 },
        new() { Id = 4, Code = "an-ninh-trat-tu", Name = "An ninh, trật tự", NameEn = "Public security", Order = 4 },
        new() { Id = 5, Code = "thu-tuc-hanh-chinh", Name = "Thủ tục hành chính, dịch vụ công", NameEn = "Administrative procedures and public services", Order = 5 },
        new() { Id = 6, Code = "y-te-giao-duc", Name = "Y tế, giáo dục", NameEn = "Health and education", Order = 6 },
        new() { Id = 7, Code = "khac", Name = "Khác", NameEn = "Other", Order = 7 },
    ];

    public static void Configure(ModelBuilder b)
    {
        b.Entity<FeedbackCategory>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(40);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.NameEn).HasMaxLength(200);
            e.HasIndex(c => c.Code).IsUnique();
            e.HasData(Categories);
        });

        b.Entity<FeedbackReport>(e =>
        {
            e.Property(r => r.Code).HasMaxLength(CodeMax);
            e.Property(r => r.Title).HasMaxLength(TitleMax);
            e.Property(r => r.Description).HasMaxLength(DescriptionMax);
            e.Property(r => r.Address).HasMaxLength(TextLimits.Address);
            e.Property(r => r.ReporterUserId).HasMaxLength(450);
            e.Property(r => r.InfoRequest).HasMaxLength(TextLimits.Note);
            e.Property(r => r.Answer).HasMaxLength(TextLimits.Note);
            e.Property(r => r.RefusalReason).HasMaxLength(TextLimits.Note);
            e.Property(r => r.RatingReason).HasMaxLength(TextLimits.RatingComment);
            e.Property(r => r.CreatedBy).HasMaxLength(450);
            e.Property(r => r.UpdatedBy).HasMaxLength(450);
            e.HasIndex(r => r.Code).IsUnique();
            // The unit's queue (its reports by status, oldest deadline first) and the per-unit figures by period.
            e.HasIndex(r => new { r.UnitId, r.Status, r.DueAt });
            e.HasIndex(r => new { r.UnitId, r.SubmittedAt });
            // "Phản ánh của tôi", newest first.
            e.HasIndex(r => new { r.ReporterUserId, r.SubmittedAt });
            // City-wide lists and top-10 by period and category; the reminder job's scan of running deadlines.
            e.HasIndex(r => new { r.SubmittedAt, r.CategoryId });
            e.HasIndex(r => r.DueAt);
            // Duplicates near the same place: same category, a box around the point.
            e.HasIndex(r => new { r.CategoryId, r.Latitude, r.Longitude });
            e.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Photos).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<FeedbackPhoto>(e =>
        {
            e.Property(p => p.FileName).HasMaxLength(TextLimits.FileName);
            e.Property(p => p.ContentType).HasMaxLength(100);
            e.Property(p => p.Sha256).HasMaxLength(TextLimits.Sha256Hex);
            e.Property(p => p.UploadedBy).HasMaxLength(450);
            e.HasIndex(p => new { p.ReportId, p.Kind });
            e.HasOne(p => p.Content).WithOne().HasForeignKey<FeedbackPhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FeedbackPhotoContent>().HasKey(c => c.PhotoId);

        b.Entity<FeedbackFollower>(e =>
        {
            e.HasKey(f => new { f.ReportId, f.UserId });
            e.Property(f => f.UserId).HasMaxLength(450);
            e.HasIndex(f => new { f.UserId, f.At });
            e.HasOne<FeedbackReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<FeedbackEvent>(e =>
        {
            e.Property(v => v.ActorUserId).HasMaxLength(450);
            e.Property(v => v.ActorName).HasMaxLength(200);
            e.Property(v => v.Note).HasMaxLength(TextLimits.Note);
            e.HasIndex(v => new { v.ReportId, v.At });
            // Figures counting steps per unit and period (e.g. transfers out, reopenings).
            e.HasIndex(v => new { v.Action, v.At });
            e.HasOne<FeedbackReport>().WithMany().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data;

/// <summary>
/// A named piece of work that runs on one instance at a time (issue 14): the instance whose atomic conditional UPDATE
/// sets <see cref="Owner"/> holds it until <see cref="LeaseUntil"/>. <see cref="LastCompleted"/> names the last period
/// done (e.g. the day of the deadline reminders), written in the same transaction as the work's result.
/// </summary>
public class JobLease
{
    public string Name { get; set; } = "";
    public string? Owner { get; set; }
    public DateTime LeaseUntil { get; set; }
    public string? LastCompleted { get; set; }
}

/// <summary>A listing export (drill-down → Excel): its query, progress and, once written, the file itself.</summary>
public class ExportJobRecord
{
    public Guid Id { get; set; }
    public string OwnerUserId { get; set; } = "";
    /// <summary>Who asked, as JSON: the export reads with the asker's scope on whichever instance writes it.</summary>
    public string ActorJson { get; set; } = "";
    public string QueryJson { get; set; } = "";
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public int Total { get; set; }
    public int Written { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>The instance writing it holds it until then (renewed with each page); after that another takes it over.</summary>
    public DateTime LeaseUntil { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? Error { get; set; }
    public byte[]? Content { get; set; }
}

internal static class ScaleOutModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Name);
            e.Property(l => l.Name).HasMaxLength(100);
            e.Property(l => l.Owner).HasMaxLength(200);
            e.Property(l => l.LastCompleted).HasMaxLength(40);
        });
        b.Entity<ExportJobRecord>(e =>
        {
            e.ToTable("ExportJobs");
            e.Property(j => j.OwnerUserId).HasMaxLength(450);
            e.Property(j => j.Title).HasMaxLength(1000);
            e.Property(j => j.FileName).HasMaxLength(300);
            e.Property(j => j.Error).HasMaxLength(1000);
            // The workers' query: unfinished jobs whose lease has run out; the sweep: old jobs.
            e.HasIndex(j => new { j.DoneAt, j.LeaseUntil });
            e.HasIndex(j => j.StartedAt);
        });
    }
}

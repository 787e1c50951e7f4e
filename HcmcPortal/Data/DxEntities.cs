namespace HcmcPortal.Data;

/// <summary>A version of the DX indicator framework, edited by the evaluator, never constants in code (domain.md §6).</summary>
public class DxFramework : IAudited
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string Notes { get; set; } = "";
    public List<DxIndex> Indices { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public class DxIndex : IAdminAudited
{
    string IAdminAudited.AuditKey => Code;

    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public double MaxPoints { get; set; }
    public int Order { get; set; }
    public List<DxComponent> Components { get; set; } = [];
}

public enum DxSource
{
    Measured = 0,
    Declared = 1,
}

public class DxComponent : IAdminAudited
{
    string IAdminAudited.AuditKey => Code;

    public int Id { get; set; }
    public int IndexId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public double MaxPoints { get; set; }
    /// <summary>Rate at which the component earns full points: score = min(rate ÷ target, 1) × max.</summary>
    public double TargetRate { get; set; } = 1;
    public DxSource Source { get; set; }
    /// <summary>For measured components: the portal metric that supplies the rate.</summary>
    public string? Metric { get; set; }
    public string? EvidenceRequired { get; set; }
    public int Order { get; set; }
}

public class DxPeriod : IConcurrent
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int FrameworkId { get; set; }
    public DxFramework? Framework { get; set; }
    public bool Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public Guid Version { get; set; }
}

public enum DeclarationStatus
{
    Submitted = 0,
    Accepted = 1,
    Corrected = 2,
}

/// <summary>A district's declared value for one component, and the evaluator's review; both values are kept.</summary>
public class DxDeclaration : IAudited, IConcurrent
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public int ComponentId { get; set; }
    public double DeclaredRate { get; set; }
    public string? Evidence { get; set; }
    public Guid? EvidenceFileId { get; set; }
    public DeclarationStatus Status { get; set; }
    public double? ReviewedRate { get; set; }
    public string? ReviewNote { get; set; }
    public string? ReviewerId { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; }
}

/// <summary>Frozen result of a published period for one unit: later data changes cannot alter it.</summary>
public class DxSnapshot
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public string UnitCode { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int Rank { get; set; }
    public double Score { get; set; }
    public double Normalized { get; set; }
    /// <summary>Indices, components, inputs and framework version as JSON.</summary>
    public string DetailJson { get; set; } = "{}";
}

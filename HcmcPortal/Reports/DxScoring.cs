using HcmcPortal.Data;
using HcmcPortal.Domain;

namespace HcmcPortal.Reports;

/// <summary>A framework version as scoring reads it.</summary>
public sealed record DxFrameworkDef(int Id, string Name, string Version, IReadOnlyList<DxIndexDef> Indices)
{
    public double MaxPoints => Indices.Sum(i => i.MaxPoints);
}

public sealed record DxIndexDef(string Code, string Name, double MaxPoints, IReadOnlyList<DxComponentDef> Components);

public sealed record DxComponentDef(int Id, string Code, string Name, double MaxPoints, double TargetRate, DxSource Source, string? Metric, string? EvidenceRequired);

/// <summary>A district's declaration as scoring reads it.</summary>
public sealed record DxDeclarationInput(int ComponentId, double DeclaredRate, DeclarationStatus Status, double? ReviewedRate, string? ReviewNote, string? Evidence, Guid? EvidenceFileId);

public sealed record DxComponentResult(
    string Code, string Name, DxSource Source, string? Metric, double MaxPoints, double TargetRate,
    double? Rate, int? Numerator, int? Denominator, double? DeclaredRate, double? ReviewedRate, DeclarationStatus? Status,
    string? ReviewNote, bool Provisional, double Score)
{
    /// <summary>Measured with a denominator of 0: nothing was owed (same rule as the service index, domain.md §5).</summary>
    public bool NothingOwed => Source == DxSource.Measured && Denominator == 0;
    public bool NotDeclared => Source == DxSource.Declared && Status is null;
}

public sealed record DxIndexResult(string Code, string Name, double MaxPoints, double Score, IReadOnlyList<DxComponentResult> Components)
{
    public double Normalized => MaxPoints <= 0 ? 0 : Score / MaxPoints;
}

/// <summary>One unit's DX result for a period; <see cref="Provisional"/> when any declared value is not reviewed yet.</summary>
public sealed record DxUnitResult(
    int UnitId, string UnitCode, string UnitName, int Rank, double Score, double MaxPoints, bool Provisional,
    string FrameworkVersion, IReadOnlyList<DxIndexResult> Indices)
{
    public double Normalized => MaxPoints <= 0 ? 0 : Score / MaxPoints;
}

/// <summary>
/// DX scoring (domain.md §6): component score = min(rate ÷ target, 1) × max (<see cref="RateScore.Capped"/>); index
/// score = sum of its components, capped at the index maximum; total = sum of indices; normalised = points ÷ maximum;
/// ranks by <see cref="Ranking.CompetitionRanks"/> (ties share a rank).
/// <list type="bullet">
/// <item>Measured: the rate from <see cref="PortalMetrics"/> (dossiers) or <see cref="FeedbackReports.FeedbackFigures"/> (residents' reports); a denominator of 0 earns full points (nothing owed),
/// as in the service index.</item>
/// <item>Declared: the evaluator's ReviewedRate once reviewed, else the DeclaredRate, marked provisional; no
/// declaration = 0 points.</item>
/// </list>
/// </summary>
public static class DxScoring
{
    public static DxUnitResult Score(
        DxFrameworkDef framework, ReportUnit unit, PartCounts measured, IReadOnlyDictionary<int, DxDeclarationInput> declarations,
        FeedbackReports.FeedbackCounts? feedback = null)
    {
        var indices = framework.Indices.Select(index =>
        {
            var components = index.Components.Select(c => c.Source == DxSource.Measured
                ? Measured(c, measured, feedback ?? FeedbackReports.FeedbackCounts.Zero)
                : Declared(c, declarations.GetValueOrDefault(c.Id))).ToList();
            return new DxIndexResult(index.Code, index.Name, index.MaxPoints, Math.Min(components.Sum(c => c.Score), index.MaxPoints), components);
        }).ToList();
        return new DxUnitResult(unit.Id, unit.Code, unit.Name, 0, indices.Sum(i => i.Score), framework.MaxPoints,
            indices.Any(i => i.Components.Any(c => c.Provisional)), framework.Version, indices);
    }

    /// <summary>Ranks results (standard competition ranking) and orders them by rank, then unit code.</summary>
    public static IReadOnlyList<DxUnitResult> Rank(IReadOnlyList<DxUnitResult> results)
    {
        var ranks = Ranking.CompetitionRanks([.. results.Select(r => r.Score)]);
        return [.. results.Select((r, i) => r with { Rank = ranks[i] }).OrderBy(r => r.Rank).ThenBy(r => r.UnitCode, StringComparer.Ordinal)];
    }

    private static DxComponentResult Measured(DxComponentDef c, PartCounts measured, FeedbackReports.FeedbackCounts feedback)
    {
        // A rate on dossiers (PortalMetrics) or on residents' reports (FeedbackFigures).
        var count = PortalMetrics.Find(c.Metric) is { } metric ? measured.Of(metric) : FeedbackReports.FeedbackFigures.Rate(c.Metric, feedback);
        if (count is null)
            return new DxComponentResult(c.Code, c.Name, c.Source, c.Metric, c.MaxPoints, c.TargetRate, null, null, null, null, null, null,
                "Chỉ số đo lường không xác định", false, 0);
        var score = count.Rate is double rate ? RateScore.Capped(rate, c.TargetRate, c.MaxPoints) : c.MaxPoints;
        return new DxComponentResult(c.Code, c.Name, c.Source, c.Metric, c.MaxPoints, c.TargetRate, count.Rate, count.Numerator, count.Denominator,
            null, null, null, null, false, score);
    }

    private static DxComponentResult Declared(DxComponentDef c, DxDeclarationInput? d)
    {
        if (d is null)
            return new DxComponentResult(c.Code, c.Name, c.Source, null, c.MaxPoints, c.TargetRate, null, null, null, null, null, null, null, false, 0);
        var reviewed = d.Status != DeclarationStatus.Submitted;
        var rate = reviewed ? d.ReviewedRate ?? d.DeclaredRate : d.DeclaredRate;
        return new DxComponentResult(c.Code, c.Name, c.Source, null, c.MaxPoints, c.TargetRate, rate, null, null, d.DeclaredRate, d.ReviewedRate,
            d.Status, d.ReviewNote, !reviewed, RateScore.Capped(rate, c.TargetRate, c.MaxPoints));
    }
}

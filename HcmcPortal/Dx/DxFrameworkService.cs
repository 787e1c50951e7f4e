using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dx;

public sealed record DxComponentEdit(int Id, string Code, string Name, double MaxPoints, double TargetRate, DxSource Source, string? Metric, string? EvidenceRequired);

public sealed record DxIndexEdit(int Id, string Code, string Name, double MaxPoints, IReadOnlyList<DxComponentEdit> Components)
{
    public double ComponentPoints => Components.Sum(c => c.MaxPoints);
}

/// <summary>A period's framework as the editor shows it; <see cref="LockedReason"/> says why it cannot be edited in place.</summary>
public sealed record DxFrameworkEditor(DxPeriodInfo Period, string Notes, IReadOnlyList<DxIndexEdit> Indices, string? LockedReason, IReadOnlyList<int> SharedWithYears)
{
    public bool Editable => LockedReason is null;
    public double MaxPoints => Indices.Sum(i => i.MaxPoints);
}

/// <summary>
/// The DX framework as data, versioned per period (issue 5 item 1). Rule: a framework version can be edited in place
/// only while exactly one period uses it and that period is unpublished. Otherwise the evaluator first makes
/// "a new version for this period" (a copy the period then points at; its declarations follow by component code),
/// so a published period's framework — and every other period's — never changes under it.
/// </summary>
public sealed class DxFrameworkService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<DxFrameworkEditor?> EditorAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.DxPeriods.AsNoTracking().Where(p => p.Year == year)
            .Select(p => new DxPeriodInfo(p.Id, p.Year, p.FrameworkId, p.Framework!.Name, p.Framework.Version, p.Published, p.PublishedAt, p.Version))
            .FirstOrDefaultAsync(ct);
        if (period is null)
            return null;
        var notes = await db.DxFrameworks.Where(f => f.Id == period.FrameworkId).Select(f => f.Notes).FirstAsync(ct);
        var others = await db.DxPeriods.AsNoTracking().Where(p => p.FrameworkId == period.FrameworkId && p.Id != period.Id).OrderBy(p => p.Year).Select(p => p.Year).ToListAsync(ct);
        var indices = await db.DxIndices.AsNoTracking().Where(i => i.FrameworkId == period.FrameworkId).OrderBy(i => i.Order)
            .Select(i => new { i.Id, i.Code, i.Name, i.MaxPoints }).ToListAsync(ct);
        var ids = indices.Select(i => i.Id).ToList();
        var components = await db.DxComponents.AsNoTracking().Where(c => ids.Contains(c.IndexId)).OrderBy(c => c.Order)
            .Select(c => new { c.IndexId, Edit = new DxComponentEdit(c.Id, c.Code, c.Name, c.MaxPoints, c.TargetRate, c.Source, c.Metric, c.EvidenceRequired) })
            .ToListAsync(ct);
        var locked = period.Published ? HcmcPortal.Localization.UiTexts.Format("Dx.Framework.LockedPublished", year)
            : others.Count > 0 ? HcmcPortal.Localization.UiTexts.Format("Dx.Framework.LockedShared", string.Join(", ", others), year)
            : null;
        return new DxFrameworkEditor(period, notes,
            [.. indices.Select(i => new DxIndexEdit(i.Id, i.Code, i.Name, i.MaxPoints, [.. components.Where(c => c.IndexId == i.Id).Select(c => c.Edit)]))],
            locked, others);
    }

    /// <summary>Copies the period's framework into a new version that only this period uses; declarations follow by component code.</summary>
    public async Task<CommandResult> CopyForPeriodAsync(Actor actor, int year, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.DxEvaluator))
            return CommandResult.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        // A unit of work with a transaction runs through the execution strategy, which may run it again from the start.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => CopyForPeriodOnceAsync(db, year, ct));
    }

    private static async Task<CommandResult> CopyForPeriodOnceAsync(AppDbContext db, int year, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var period = await db.DxPeriods.FirstOrDefaultAsync(p => p.Year == year, ct);
        if (period is null)
            return new CommandResult(CommandStatus.NotFound, $"Không tìm thấy kỳ đánh giá {year}.");
        if (period.Published)
            return CommandResult.Invalid($"Kỳ {year} đã công bố: không thể thay bộ chỉ số.");
        var source = await db.DxFrameworks.AsNoTracking().Include(f => f.Indices).ThenInclude(i => i.Components).FirstAsync(f => f.Id == period.FrameworkId, ct);
        var copy = new DxFramework
        {
            Name = source.Name,
            Version = $"{year}.{await db.DxFrameworks.CountAsync(ct) + 1}",
            Notes = $"Sao chép từ phiên bản {source.Version} cho kỳ {year}. " + source.Notes,
            Indices = [.. source.Indices.OrderBy(i => i.Order).Select(i => new DxIndex
            {
                Code = i.Code, Name = i.Name, MaxPoints = i.MaxPoints, Order = i.Order,
                Components = [.. i.Components.OrderBy(c => c.Order).Select(c => new DxComponent
                {
                    Code = c.Code, Name = c.Name, MaxPoints = c.MaxPoints, TargetRate = c.TargetRate, Source = c.Source,
                    Metric = c.Metric, EvidenceRequired = c.EvidenceRequired, Order = c.Order,
                })],
            })],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DxFrameworks.Add(copy);
        await db.SaveChangesAsync(ct);
        var oldCodes = source.Indices.SelectMany(i => i.Components).ToDictionary(c => c.Id, c => c.Code);
        var newIds = copy.Indices.SelectMany(i => i.Components).ToDictionary(c => c.Code, c => c.Id);
        foreach (var declaration in await db.DxDeclarations.Where(d => d.PeriodId == period.Id).ToListAsync(ct))
            declaration.ComponentId = newIds[oldCodes[declaration.ComponentId]];
        period.FrameworkId = copy.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new CommandResult(CommandStatus.Ok, $"Đã tạo phiên bản {copy.Version} cho kỳ {year}.");
    }

    public async Task<CommandResult> SaveIndexAsync(Actor actor, int year, int indexId, string name, double maxPoints, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
            return CommandResult.Invalid("Vui lòng nhập tên chỉ số.");
        if (maxPoints is < 0 or > 1000 || double.IsNaN(maxPoints))
            return CommandResult.Invalid("Điểm tối đa phải từ 0 đến 1.000.");
        return await EditAsync(actor, year, async (db, frameworkId) =>
        {
            var index = await db.DxIndices.FirstOrDefaultAsync(i => i.Id == indexId && i.FrameworkId == frameworkId, ct);
            if (index is null)
                return new CommandResult(CommandStatus.NotFound, "Không tìm thấy chỉ số.");
            index.Name = name.Trim();
            index.MaxPoints = maxPoints;
            return new CommandResult(CommandStatus.Ok, "Đã lưu chỉ số.");
        }, ct);
    }

    /// <summary>Saves a component (Id 0 = a new one at the end of <paramref name="indexId"/>).</summary>
    public async Task<CommandResult> SaveComponentAsync(Actor actor, int year, int indexId, DxComponentEdit edit, CancellationToken ct = default)
    {
        if (Validate(edit) is { } problem)
            return CommandResult.Invalid(problem);
        return await EditAsync(actor, year, async (db, frameworkId) =>
        {
            if (!await db.DxIndices.AnyAsync(i => i.Id == indexId && i.FrameworkId == frameworkId, ct))
                return new CommandResult(CommandStatus.NotFound, "Không tìm thấy chỉ số.");
            var siblings = await db.DxComponents.Where(c => c.IndexId == indexId).ToListAsync(ct);
            var allCodes = await db.DxComponents.Where(c => db.DxIndices.Any(i => i.Id == c.IndexId && i.FrameworkId == frameworkId) && c.Id != edit.Id).Select(c => c.Code).ToListAsync(ct);
            if (allCodes.Contains(edit.Code.Trim()))
                return CommandResult.Invalid($"Mã thành phần «{edit.Code.Trim()}» đã có trong bộ chỉ số.");
            var component = edit.Id == 0 ? null : siblings.FirstOrDefault(c => c.Id == edit.Id);
            if (edit.Id != 0 && component is null)
                return new CommandResult(CommandStatus.NotFound, "Không tìm thấy thành phần.");
            if (component is null)
            {
                component = new DxComponent { IndexId = indexId, Order = siblings.Count == 0 ? 1 : siblings.Max(c => c.Order) + 1 };
                db.DxComponents.Add(component);
            }
            component.Code = edit.Code.Trim();
            component.Name = edit.Name.Trim();
            component.MaxPoints = edit.MaxPoints;
            component.TargetRate = edit.TargetRate;
            component.Source = edit.Source;
            component.Metric = edit.Source == DxSource.Measured ? edit.Metric : null;
            component.EvidenceRequired = string.IsNullOrWhiteSpace(edit.EvidenceRequired) ? null : edit.EvidenceRequired.Trim();
            return new CommandResult(CommandStatus.Ok, "Đã lưu thành phần.");
        }, ct);
    }

    public async Task<CommandResult> DeleteComponentAsync(Actor actor, int year, int componentId, CancellationToken ct = default) =>
        await EditAsync(actor, year, async (db, frameworkId) =>
        {
            var component = await db.DxComponents.FirstOrDefaultAsync(c => c.Id == componentId && db.DxIndices.Any(i => i.Id == c.IndexId && i.FrameworkId == frameworkId), ct);
            if (component is null)
                return new CommandResult(CommandStatus.NotFound, "Không tìm thấy thành phần.");
            if (await db.DxDeclarations.AnyAsync(d => d.ComponentId == componentId, ct))
                return CommandResult.Invalid("Thành phần đã có số liệu kê khai của đơn vị, không thể xóa.");
            db.DxComponents.Remove(component);
            return new CommandResult(CommandStatus.Ok, "Đã xóa thành phần.");
        }, ct);

    public static string? Validate(DxComponentEdit e)
    {
        if (string.IsNullOrWhiteSpace(e.Code))
            return "Vui lòng nhập mã thành phần.";
        if (string.IsNullOrWhiteSpace(e.Name))
            return "Vui lòng nhập tên thành phần.";
        if (double.IsNaN(e.MaxPoints) || e.MaxPoints is < 0 or > 1000)
            return "Điểm tối đa phải từ 0 đến 1.000.";
        if (double.IsNaN(e.TargetRate) || e.TargetRate is <= 0 or > 1)
            return "Tỷ lệ mục tiêu phải lớn hơn 0% và không quá 100%.";
        if (e.Source == DxSource.Measured && PortalMetrics.Find(e.Metric) is null && e.Metric != FeedbackReports.FeedbackFigures.OnTimeMetric)
            return "Thành phần đo lường phải chọn một chỉ số đo từ dữ liệu của cổng.";
        return null;
    }

    private async Task<CommandResult> EditAsync(Actor actor, int year, Func<AppDbContext, int, Task<CommandResult>> edit, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.DxEvaluator))
            return CommandResult.Forbidden();
        var editor = await EditorAsync(year, ct);
        if (editor is null)
            return new CommandResult(CommandStatus.NotFound, $"Không tìm thấy kỳ đánh giá {year}.");
        if (editor.LockedReason is { } reason)
            return CommandResult.Invalid(reason);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var result = await edit(db, editor.Period.FrameworkId);
        if (result.Succeeded)
            await db.SaveChangesAsync(ct);
        return result;
    }
}

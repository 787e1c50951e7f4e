using HcmcPortal.Accounts;
using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Dossiers;
using HcmcPortal.Reports;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Dx;

/// <summary>A declared component with the district's current declaration (if any) and its review.</summary>
public sealed record DxDeclarationLine(
    int ComponentId, string IndexCode, string Code, string Name, double MaxPoints, double TargetRate, string? EvidenceRequired,
    int? DeclarationId, double? DeclaredRate, string? Evidence, Guid? EvidenceFileId, string? EvidenceFileName,
    DeclarationStatus? Status, double? ReviewedRate, string? ReviewNote, Guid? Version, string UnitCode, string UnitName);

public sealed record DxDeclarationForm(DxPeriodInfo Period, ReportUnit Unit, IReadOnlyList<DxDeclarationLine> Lines);

/// <summary>
/// Units' declared components and the evaluator's review (issue 5 item 3), for the units the period ranks (the
/// districts in 2024, the 168 commune-level units from 2025). A unit's leader (CityLeader role bound to that district
/// or commune-level unit) declares for their own unit; the evaluator may declare on a district's behalf and reviews:
/// accept (reviewed = declared) or correct (a new rate and a note). Both values are kept. Nothing changes once the
/// period is published; a reviewed declaration is not changed by the district any more.
/// </summary>
public sealed class DxDeclarationService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, FileRules fileRules)
{
    public const string ConflictMessage = "Số liệu vừa được người khác thay đổi. Dữ liệu mới nhất đã được tải lại.";

    /// <summary>The units of the period (the districts in 2024, the 168 commune-level units from 2025) the actor may declare for.</summary>
    public async Task<IReadOnlyList<ReportUnit>> DeclarableUnitsAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return [.. (await ReportUnits.DxSectionAsync(db, year, ct)).Units.Where(u => CanDeclare(actor, u))];
    }

    public static bool CanDeclare(Actor actor, ReportUnit unit) =>
        actor.IsInRole(Roles.DxEvaluator) || (actor.IsInRole(Roles.CityLeader) && actor.UnitId == unit.Id);

    /// <summary>Declared components of a period for one district, or for every district when <paramref name="unitCode"/> is null (review).</summary>
    public async Task<IReadOnlyList<DxDeclarationLine>> LinesAsync(int year, string? unitCode, bool onlyDeclared, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = await db.DxPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year, ct);
        if (period is null)
            return [];
        var components = await (from c in db.DxComponents
                                join i in db.DxIndices on c.IndexId equals i.Id
                                where i.FrameworkId == period.FrameworkId && c.Source == DxSource.Declared
                                orderby i.Order, c.Order
                                select new { c.Id, IndexCode = i.Code, c.Code, c.Name, c.MaxPoints, c.TargetRate, c.EvidenceRequired }).ToListAsync(ct);
        var units = (await ReportUnits.DxSectionAsync(db, year, ct)).Units.Where(u => unitCode is null || u.Code == unitCode).ToList();
        var unitIds = units.Select(u => u.Id).ToList();
        var declarations = await (from d in db.DxDeclarations.AsNoTracking()
                                  where d.PeriodId == period.Id && unitIds.Contains(d.UnitId)
                                  join f in db.Files on d.EvidenceFileId equals f.Id into files
                                  from f in files.DefaultIfEmpty()
                                  select new { d.Id, d.UnitId, d.ComponentId, d.DeclaredRate, d.Evidence, d.EvidenceFileId, FileName = f == null ? null : f.FileName, d.Status, d.ReviewedRate, d.ReviewNote, d.Version })
                                  .ToDictionaryAsync(d => (d.UnitId, d.ComponentId), ct);
        var lines = new List<DxDeclarationLine>();
        foreach (var u in units)
            foreach (var c in components)
            {
                var d = declarations.GetValueOrDefault((u.Id, c.Id));
                if (onlyDeclared && d is null)
                    continue;
                lines.Add(new DxDeclarationLine(c.Id, c.IndexCode, c.Code, c.Name, c.MaxPoints, c.TargetRate, c.EvidenceRequired,
                    d?.Id, d?.DeclaredRate, d?.Evidence, d?.EvidenceFileId, d?.FileName, d?.Status, d?.ReviewedRate, d?.ReviewNote, d?.Version, u.Code, u.Name));
            }
        return lines;
    }

    /// <summary>Enters or updates a district's declared rate (0..1) with its evidence; the file is checked by its content.</summary>
    public async Task<CommandResult> DeclareAsync(Actor actor, int year, string unitCode, int componentId, double rate, string? evidence, UploadedFile? file, Guid? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var unit = (await ReportUnits.DxSectionAsync(db, year, ct)).Units.FirstOrDefault(u => u.Code == unitCode);
        if (unit is null || !CanDeclare(actor, unit))
            return CommandResult.Forbidden("Bạn không được kê khai cho đơn vị này.");
        var period = await db.DxPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year, ct);
        if (period is null)
            return new CommandResult(CommandStatus.NotFound, $"Không tìm thấy kỳ đánh giá {year}.");
        if (period.Published)
            return CommandResult.Invalid($"Kỳ {year} đã công bố, không thể kê khai thêm.");
        var componentOk = await db.DxComponents.AnyAsync(c => c.Id == componentId && c.Source == DxSource.Declared
            && db.DxIndices.Any(i => i.Id == c.IndexId && i.FrameworkId == period.FrameworkId), ct);
        if (!componentOk)
            return new CommandResult(CommandStatus.NotFound, "Không tìm thấy thành phần kê khai.");
        if (double.IsNaN(rate) || rate is < 0 or > 1)
            return CommandResult.Invalid("Tỷ lệ kê khai phải từ 0% đến 100%.");
        string? contentType = null;
        if (file is not null)
        {
            var (type, error) = fileRules.Check(file.FileName, file.Data);
            if (error is not null)
                return CommandResult.Invalid(error);
            contentType = type;
        }

        var declaration = await db.DxDeclarations.FirstOrDefaultAsync(d => d.PeriodId == period.Id && d.UnitId == unit.Id && d.ComponentId == componentId, ct);
        if (declaration is not null && expectedVersion is not null && declaration.Version != expectedVersion)
            return new CommandResult(CommandStatus.Conflict, ConflictMessage);
        if (declaration is { Status: not DeclarationStatus.Submitted })
            return CommandResult.Invalid("Số liệu đã được thẩm định, không thể sửa kê khai.");
        if (declaration is null)
        {
            declaration = new DxDeclaration { PeriodId = period.Id, UnitId = unit.Id, ComponentId = componentId, Status = DeclarationStatus.Submitted };
            db.DxDeclarations.Add(declaration);
        }
        if (string.IsNullOrWhiteSpace(evidence) && file is null && declaration.EvidenceFileId is null)
            return CommandResult.Invalid("Vui lòng mô tả minh chứng hoặc đính kèm tệp minh chứng.");
        declaration.DeclaredRate = rate;
        declaration.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (file is not null)
        {
            var stored = new StoredFile
            {
                Id = Guid.NewGuid(), Kind = FileKind.Evidence, FileName = HcmcPortal.Validation.TextRules.SafeFileName(file.FileName), ContentType = contentType!,
                Size = file.Data.Length, Sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file.Data)),
                UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = actor.UserId, Content = new FileContent { Data = file.Data },
            };
            db.Files.Add(stored);
            declaration.EvidenceFileId = stored.Id;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new CommandResult(CommandStatus.Conflict, ConflictMessage);
        }
        return new CommandResult(CommandStatus.Ok, "Đã lưu số liệu kê khai.", declaration.Version);
    }

    /// <summary>The evaluator accepts (reviewed = declared) or corrects (new rate, note required) a declaration.</summary>
    public async Task<CommandResult> ReviewAsync(Actor actor, int declarationId, Guid expectedVersion, bool accept, double? correctedRate, string? note, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.DxEvaluator))
            return CommandResult.Forbidden();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ActorId = actor.UserId;
        var declaration = await db.DxDeclarations.FirstOrDefaultAsync(d => d.Id == declarationId, ct);
        if (declaration is null)
            return new CommandResult(CommandStatus.NotFound, "Không tìm thấy số liệu kê khai.");
        if (await db.DxPeriods.AnyAsync(p => p.Id == declaration.PeriodId && p.Published, ct))
            return CommandResult.Invalid("Kỳ đánh giá đã công bố, không thể thẩm định lại.");
        if (declaration.Version != expectedVersion)
            return new CommandResult(CommandStatus.Conflict, ConflictMessage);
        if (!accept)
        {
            if (correctedRate is not double r || double.IsNaN(r) || r is < 0 or > 1)
                return CommandResult.Invalid("Tỷ lệ sau thẩm định phải từ 0% đến 100%.");
            if (string.IsNullOrWhiteSpace(note))
                return CommandResult.Invalid("Vui lòng ghi rõ lý do điều chỉnh.");
        }
        declaration.Status = accept ? DeclarationStatus.Accepted : DeclarationStatus.Corrected;
        declaration.ReviewedRate = accept ? declaration.DeclaredRate : correctedRate;
        declaration.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        declaration.ReviewerId = actor.UserId;
        declaration.ReviewedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandResult(CommandStatus.Conflict, ConflictMessage);
        }
        return new CommandResult(CommandStatus.Ok, accept ? "Đã chấp nhận số liệu kê khai." : "Đã điều chỉnh số liệu kê khai.", declaration.Version);
    }

    /// <summary>An evidence file for whoever may see that district's declarations (evaluator, city leader, the district's leader).</summary>
    public async Task<(string FileName, string ContentType, byte[] Data)?> EvidenceAsync(Actor actor, Guid fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await db.DxDeclarations.AsNoTracking().Where(d => d.EvidenceFileId == fileId)
            .Join(db.Units, d => d.UnitId, u => u.Id, (d, u) => new ReportUnit(u.Id, u.Code, u.Name, u.Path)).FirstOrDefaultAsync(ct);
        if (owner is null || !ReportUnits.CanSeeDetail(actor, owner))
            return null;
        var file = await db.Files.AsNoTracking().Where(f => f.Id == fileId).Select(f => new { f.FileName, f.ContentType }).FirstAsync(ct);
        var data = await db.FileContents.Where(c => c.FileId == fileId).Select(c => c.Data).SingleAsync(ct);
        return (file.FileName, file.ContentType, data);
    }
}

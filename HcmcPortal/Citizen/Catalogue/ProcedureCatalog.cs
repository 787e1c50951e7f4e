using HcmcPortal.Data;
using HcmcPortal.Domain;
using HcmcPortal.Units;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Citizen.Catalogue;

public sealed record ProcedureQuery(string? Text = null, string? Field = null, ProcedureLevel? Level = null, bool? FullyOnline = null,
    int Page = 0, int PageSize = 20);

public sealed record ProcedureRow(string Code, string Name, string Field, ProcedureLevel Level, TimeLimit TimeLimit, long FeeVnd, bool FullyOnline);

public sealed record RequiredDocumentInfo(int Id, string Name, bool Mandatory, bool HasTemplate = false, string AcceptedTypes = "");

/// <summary>One field of a procedure's own form, with the administrator's validation (text length, number range).</summary>
public sealed record FormFieldInfo(string Key, string Label, FormFieldType Type, bool Required, IReadOnlyList<string> Options,
    int? MaxLength = null, decimal? MinValue = null, decimal? MaxValue = null);

public sealed record ProcedureDetail(int Id, string Code, string Name, string Field, ProcedureLevel Level, TimeLimit TimeLimit, long FeeVnd,
    bool FullyOnline, string Description, string HandlingAgency, IReadOnlyList<RequiredDocumentInfo> Documents, IReadOnlyList<FormFieldInfo> FormFields,
    IReadOnlyList<string>? ReceivingUnitCodes = null, int Version = 1, DateTime? ChangedAt = null);

public sealed record UnitOption(int Id, string Name);

/// <summary>The public procedures catalogue: search without diacritics, filters, detail, and where a dossier can be sent.</summary>
public sealed class ProcedureCatalog(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PagedList<ProcedureRow>> SearchAsync(ProcedureQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, q);
        var pageSize = Math.Clamp(q.PageSize, 1, 100);
        var (ids, total) = await ProcedureOrder.PageAsync(query, q.Page, pageSize, ct);
        var rows = (await query.Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Code, p.Name, p.Field, p.Level, p.TimeLimitValue, p.TimeLimitUnit, p.FeeVnd, p.FullyOnline })
            .ToListAsync(ct)).OrderBy(p => ids.IndexOf(p.Id));
        return new(rows.Select(p => new ProcedureRow(p.Code, p.Name, p.Field, p.Level, new TimeLimit(p.TimeLimitValue, p.TimeLimitUnit), p.FeeVnd, p.FullyOnline)).ToList(), total);
    }

    /// <summary>Published procedures matching the search (a query, so tests can translate it for every provider).</summary>
    internal static IQueryable<Procedure> Filtered(AppDbContext db, ProcedureQuery q)
    {
        var query = db.Procedures.AsNoTracking().Where(p => p.IsPublished);
        // SearchName holds the folded name, so "khai sinh" and "Khai sinh" find the same procedures, on the server.
        var folded = VietnameseText.Fold(q.Text ?? "").Trim();
        if (folded.Length > 0)
            query = query.Where(p => p.SearchName.Contains(folded) || p.Code.Contains(folded));
        if (!string.IsNullOrEmpty(q.Field))
            query = query.Where(p => p.Field == q.Field);
        if (q.Level is ProcedureLevel level)
            query = query.Where(p => p.Level == level);
        if (q.FullyOnline is bool online)
            query = query.Where(p => p.FullyOnline == online);
        return query;
    }

    public async Task<IReadOnlyList<string>> FieldsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Procedures.AsNoTracking().Where(p => p.IsPublished).Select(p => p.Field).Distinct().OrderBy(f => f).ToListAsync(ct);
    }

    public async Task<ProcedureDetail?> DetailAsync(string code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Procedures.AsNoTracking().Where(p => p.Code == code && p.IsPublished)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.Field, p.Level, p.TimeLimitValue, p.TimeLimitUnit, p.FeeVnd, p.FullyOnline, p.Description, p.HandlingAgency,
                p.ReceivingUnitCodes, p.CurrentVersion, p.ChangedAt,
                Documents = p.RequiredDocuments.Where(d => !d.Retired).OrderBy(d => d.Order).Select(d => new RequiredDocumentInfo(d.Id, d.Name, d.Mandatory, d.TemplateFileName != null, d.AcceptedTypes)).ToList(),
                Fields = p.FormFields.OrderBy(f => f.Order).Select(f => new { f.Key, f.Label, f.Type, f.Required, f.Options, f.MaxLength, f.MinValue, f.MaxValue }).ToList(),
            })
            .AsSplitQuery().FirstOrDefaultAsync(ct);
        return p is null ? null : new ProcedureDetail(p.Id, p.Code, p.Name, p.Field, p.Level, new TimeLimit(p.TimeLimitValue, p.TimeLimitUnit), p.FeeVnd,
            p.FullyOnline, p.Description, p.HandlingAgency, p.Documents,
            p.Fields.Select(f => new FormFieldInfo(f.Key, f.Label, f.Type, f.Required,
                (f.Options ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), f.MaxLength, f.MinValue, f.MaxValue)).ToList(),
            Reception.ParseCodes(p.ReceivingUnitCodes), p.CurrentVersion, p.ChangedAt);
    }

    /// <summary>The centres that receive a dossier of this level today (<see cref="Reception"/>): never a dissolved unit.</summary>
    /// <remarks>A procedure the administrator gave its own receiving units passes their codes: only those are offered.</remarks>
    public async Task<IReadOnlyList<UnitOption>> ReceivingUnitsAsync(ProcedureLevel level, IReadOnlyCollection<string>? onlyCodes = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Reception.Centres(db.Units.AsNoTracking(), level, VietnamTime.Today(clock), onlyCodes)
            .OrderBy(u => u.Level).ThenBy(u => u.Name).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// The first part of an address today: the units that have wards/communes under them today. Until 30/06/2025
    /// these were the 22 districts; since the district level ended an address is "ward/commune, city", so this is
    /// the city itself and <see cref="WardsAsync"/> of it lists the 168 units. (An address already stored keeps the
    /// units it named: a birthplace in a dissolved ward stays true.)
    /// </summary>
    public async Task<IReadOnlyList<UnitOption>> DistrictsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VietnamTime.Today(clock);
        var current = db.Units.AsNoTracking().ValidOn(today);
        return await current.Where(u => u.Level != UnitLevel.Commune && current.Any(c => c.ParentId == u.Id && c.Level == UnitLevel.Commune))
            .OrderBy(u => u.Name).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>The wards/communes under <paramref name="districtId"/> that exist today.</summary>
    public async Task<IReadOnlyList<UnitOption>> WardsAsync(int districtId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().ValidOn(VietnamTime.Today(clock)).Where(u => u.ParentId == districtId && u.Level == UnitLevel.Commune)
            .OrderBy(u => u.Name).Select(u => new UnitOption(u.Id, u.Name)).ToListAsync(ct);
    }
}

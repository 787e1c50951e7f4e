using System.Globalization;
using HcmcPortal.Data;
using HcmcPortal.Localization;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Units;

/// <summary>
/// Where a dossier may be received on a given day — one rule for the catalogue, the web form, the walk-in desk and the API.
/// </summary>
/// <remarks>
/// The reception centres of a day are the units directly under the city that exist that day: the 22 district-level
/// units until 30/06/2025, the 168 commune-level units (Phường, Xã, Đặc khu) from 01/07/2025, when the district level
/// ended (Resolution 1685/NQ-UBTVQH15). Each of these has a Public Administration Service Centre, and a citizen may
/// choose any of them regardless of residence (Decree 118/2025/NĐ-CP). How procedure levels map:
/// <list type="bullet">
/// <item>City-level procedures: the city's centre (the city decides them; a commune centre would only pass them on).</item>
/// <item>District- and commune-level procedures: every centre of the day. The district level's powers passed to the
/// commune level on 01/07/2025 (Law on Organisation of Local Government 2025), so a "district-level" procedure in the
/// catalogue is decided by the commune-level unit from that day; its level is kept as history, not changed.</item>
/// </list>
/// No date is written here: the structure itself (validity dates and parents) says which units are centres.
/// </remarks>
public static class Reception
{
    public static string NoUnitMessage => UiTexts.Get("Units.Reception.NoUnit");
    public static string WrongUnitMessage => UiTexts.Get("Units.Reception.WrongUnit");

    /// <summary>
    /// The units that receive dossiers of a procedure of <paramref name="level"/> on <paramref name="day"/>; when the
    /// procedure names its own receiving units (<paramref name="onlyCodes"/>, not empty), only those among them.
    /// </summary>
    public static IQueryable<AdministrativeUnit> Centres(IQueryable<AdministrativeUnit> units, ProcedureLevel level, DateOnly day, IReadOnlyCollection<string>? onlyCodes = null)
    {
        var centres = level == ProcedureLevel.City
            ? units.ValidOn(day).Where(u => u.Level == UnitLevel.Province)
            : units.ValidOn(day).Where(u => u.Level != UnitLevel.Province && u.Parent!.Level == UnitLevel.Province);
        return onlyCodes is { Count: > 0 } ? centres.Where(u => onlyCodes.Contains(u.Code)) : centres;
    }

    /// <summary>A procedure's own receiving units, stored as unit codes separated by '|' (empty: every centre of its level).</summary>
    public static List<string> ParseCodes(string? stored) =>
        [.. (stored ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string FormatCodes(IEnumerable<string> codes) => string.Join("|", codes);

    /// <summary>
    /// Why <paramref name="unitId"/> cannot receive a dossier of <paramref name="level"/> on <paramref name="day"/>, in
    /// Vietnamese, or null when it can. A dissolved unit's refusal names the unit(s) that replaced it.
    /// </summary>
    public static async Task<string?> RefusalAsync(AppDbContext db, int? unitId, ProcedureLevel level, DateOnly day, CancellationToken ct = default) =>
        await RefusalAsync(db, unitId, level, [], day, ct);

    /// <inheritdoc cref="RefusalAsync(AppDbContext, int?, ProcedureLevel, DateOnly, CancellationToken)"/>
    public static async Task<string?> RefusalAsync(AppDbContext db, int? unitId, ProcedureLevel level, IReadOnlyCollection<string> onlyCodes, DateOnly day, CancellationToken ct = default)
    {
        var unit = unitId is int id ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) : null;
        return unit is null ? NoUnitMessage : await RefusalAsync(db, unit, level, onlyCodes, day, ct);
    }

    /// <inheritdoc cref="RefusalAsync(AppDbContext, int?, ProcedureLevel, DateOnly, CancellationToken)"/>
    /// <remarks>For a unit the caller has already read (a submission reads it anyway): one round trip less.</remarks>
    public static async Task<string?> RefusalAsync(AppDbContext db, AdministrativeUnit unit, ProcedureLevel level, IReadOnlyCollection<string> onlyCodes, DateOnly day, CancellationToken ct = default)
    {
        if (unit.ValidTo is DateOnly end && end < day)
            return await DissolvedMessageAsync(db, unit, day, ct);
        if (unit.ValidFrom > day)
            return UiTexts.Format("Units.Reception.NotYetOpen", unit.Name, unit.ValidFrom.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        return await Centres(db.Units, level, day, onlyCodes).AnyAsync(u => u.Id == unit.Id, ct) ? null : WrongUnitMessage;
    }

    /// <summary>"Quận 1 không còn tiếp nhận hồ sơ từ 01/07/2025 …: Phường Bến Thành, Phường Sài Gòn …".</summary>
    public static async Task<string> DissolvedMessageAsync(AppDbContext db, AdministrativeUnit unit, DateOnly day, CancellationToken ct = default)
    {
        var from = unit.ValidTo!.Value.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var successors = await UnitQueries.SuccessorNamesAsync(db, unit.Id, day, ct);
        return successors.Count == 0
            ? UiTexts.Format("Units.Reception.Dissolved", unit.Name, from)
            : UiTexts.Format("Units.Reception.DissolvedWithSuccessors", unit.Name, from, string.Join(", ", successors));
    }
}

using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Admin.Catalogue;

/// <summary>
/// How a dossier reads the procedure it was filed under. A procedure never edited since it was seeded has no stored
/// version: its live rows are its version 1. The editor stores the version in force before it changes anything
/// (<see cref="ProcedureEditor"/>), so a stored version always exists for a dossier whose procedure has changed since.
/// </summary>
public static class ProcedureVersions
{
    /// <summary>The definition of <paramref name="procedureId"/>'s version <paramref name="number"/>, or null when the live rows are that version (never edited).</summary>
    public static async Task<ProcedureDefinition?> DefinitionAsync(AppDbContext db, int procedureId, int number, CancellationToken ct = default)
    {
        var json = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == procedureId && v.Number == number)
            .Select(v => v.DefinitionJson).FirstOrDefaultAsync(ct);
        return json is null ? null : ProcedureDefinition.FromJson(json);
    }

    /// <summary>The time limit the dossier's version promised (its procedure loaded with it).</summary>
    public static async Task<Domain.TimeLimit> TimeLimitAsync(AppDbContext db, Dossier dossier, CancellationToken ct = default) =>
        await DefinitionAsync(db, dossier.ProcedureId, dossier.ProcedureVersion, ct) is { } filed
            ? new(filed.TimeLimitValue, filed.TimeLimitUnit)
            : dossier.Procedure!.TimeLimit;
}

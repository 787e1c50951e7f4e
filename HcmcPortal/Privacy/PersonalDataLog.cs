using HcmcPortal.Accounts;
using HcmcPortal.Data;

namespace HcmcPortal.Privacy;

/// <summary>The dossier a screen showed: its id and code, as the log records them.</summary>
public readonly record struct ViewedDossier(Guid Id, string Code);

/// <summary>
/// Writes the personal-data access log from the services that load the data (not from the pages), so every screen
/// and endpoint that uses the service is covered. Rows are added to the caller's context and saved by
/// <see cref="SaveAsync"/>.
/// </summary>
public sealed class PersonalDataLog(TimeProvider clock)
{
    public async Task SaveAsync(AppDbContext db, Actor actor, string screen, IEnumerable<ViewedDossier> dossiers, string? detail = null, CancellationToken ct = default)
    {
        if (!actor.ViewsAreRecorded())
            return;
        var at = clock.GetUtcNow().UtcDateTime;
        var roles = string.Join(",", actor.Roles.Order());
        var added = 0;
        foreach (var d in dossiers.DistinctBy(d => d.Id))
        {
            db.PersonalDataAccesses.Add(new PersonalDataAccess
            {
                At = at, UserId = actor.UserId, UserName = Truncate(actor.Name, 200), Roles = Truncate(roles, 200),
                UnitId = actor.UnitId, UnitName = actor.UnitName, DossierId = d.Id, DossierCode = d.Code, Screen = screen,
                Detail = detail is null ? null : Truncate(detail, 300),
            });
            added++;
        }
        if (added > 0)
            await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

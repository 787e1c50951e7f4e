using HcmcPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Data;

/// <summary>One page of procedures in Vietnamese alphabetical order, for the public catalogue and the admin list alike.</summary>
public static class ProcedureOrder
{
    /// <summary>
    /// Neither SQLite nor the SQL Server column collation orders Vietnamese letters (ă, â, đ, ư) as the alphabet does,
    /// so the matching ids and names (a few thousand short rows at most) are read, ordered with
    /// <see cref="VietnameseText.Order"/>, and only the requested page's ids are returned, in order.
    /// </summary>
    public static async Task<(List<int> PageIds, int Total)> PageAsync(IQueryable<Procedure> query, int page, int pageSize, CancellationToken ct)
    {
        var names = await query.Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = names.OrderBy(p => p.Name, VietnameseText.Order).ThenBy(p => p.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize).Select(p => p.Id).ToList();
        return (ids, names.Count);
    }
}

using System.Text;
using HcmcPortal.Accounts;
using HcmcPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HcmcPortal.Privacy;

/// <summary>The dossier a screen showed: its id and code, as the log records them.</summary>
public readonly record struct ViewedDossier(Guid Id, string Code);

/// <summary>
/// Writes the personal-data access log from the services that load the data (not from the pages), so every screen
/// and endpoint that uses the service is covered. <see cref="SaveAsync"/> writes one row per dossier shown, through
/// the caller's context and in its transaction if it has one.
/// </summary>
public sealed class PersonalDataLog(TimeProvider clock)
{
    /// <summary>
    /// Rows per INSERT. Binding costs grow with the square of a command's parameters (each is looked up by name), so
    /// a 2,000-row page goes as 20 short statements in one transaction; well under SQL Server's 2,100 parameters and
    /// 1,000 rows per VALUES list.
    /// </summary>
    private const int RowsPerInsert = 100;

    /// <summary>The columns every row of one call shares, then the two of each dossier (the parameter order of <see cref="Insert"/>).</summary>
    private static readonly string[] Columns =
    [
        nameof(PersonalDataAccess.At), nameof(PersonalDataAccess.UserId), nameof(PersonalDataAccess.UserName), nameof(PersonalDataAccess.Roles),
        nameof(PersonalDataAccess.UnitId), nameof(PersonalDataAccess.UnitName), nameof(PersonalDataAccess.Screen), nameof(PersonalDataAccess.Detail),
        nameof(PersonalDataAccess.DossierId), nameof(PersonalDataAccess.DossierCode),
    ];

    private const int SharedColumns = 8;

    /// <summary>
    /// Logs the dossiers as viewed now by <paramref name="actor"/>. A set-based INSERT (a listing export logs 2,000
    /// dossiers a page; through the change tracker that cost more than reading and writing them), all rows in one
    /// transaction.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, Actor actor, string screen, IEnumerable<ViewedDossier> dossiers, string? detail = null, CancellationToken ct = default)
    {
        if (!actor.ViewsAreRecorded())
            return;
        var viewed = dossiers.DistinctBy(d => d.Id).ToList();
        if (viewed.Count == 0)
            return;
        object?[] shared =
        [
            clock.GetUtcNow().UtcDateTime, actor.UserId, Truncate(actor.Name, 200), Truncate(string.Join(",", actor.Roles.Order()), 200),
            actor.UnitId, actor.UnitName, screen, detail is null ? null : Truncate(detail, 300),
        ];
        var chunks = viewed.Chunk(RowsPerInsert).ToList();
        if (chunks.Count == 1 || db.Database.CurrentTransaction is not null)
        {
            foreach (var chunk in chunks)
                await InsertAsync(db, shared, chunk, ct);
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in chunks)
                await InsertAsync(db, shared, chunk, ct);
            await tx.CommitAsync(ct);
        }, ct);
    }

    private static Task InsertAsync(AppDbContext db, object?[] shared, ViewedDossier[] chunk, CancellationToken ct)
    {
        var values = new object?[shared.Length + 2 * chunk.Length];
        shared.CopyTo(values, 0);
        for (var i = 0; i < chunk.Length; i++)
        {
            values[shared.Length + 2 * i] = chunk[i].Id;
            values[shared.Length + 2 * i + 1] = chunk[i].Code;
        }
        // A null value becomes a NULL parameter.
        return db.Database.ExecuteSqlRawAsync(Insert(db, chunk.Length), values!, ct);
    }

    /// <summary>INSERT INTO log (…) VALUES ({0}, …, {7}, {8}, {9}), ({0}, …, {7}, {10}, {11}), …: the shared values are one parameter each.</summary>
    private static string Insert(AppDbContext db, int rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(PersonalDataAccess))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", Columns.Select(c => sql.DelimitIdentifier(entity.FindProperty(c)!.GetColumnName(table)!)))
            .Append(") VALUES ");
        const string sharedValues = "{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}";
        for (var i = 0; i < rows; i++)
            text.Append(i == 0 ? "" : ", ").Append('(').Append(sharedValues).Append(", {").Append(SharedColumns + 2 * i).Append("}, {").Append(SharedColumns + 2 * i + 1).Append("})");
        return text.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

using System.Text;
using System.Text.Json;
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
    /// <summary>The columns every row of one call shares (parameters {0}–{7}), then the two of each dossier (from the JSON, {8}).</summary>
    private static readonly string[] Columns =
    [
        nameof(PersonalDataAccess.At), nameof(PersonalDataAccess.UserId), nameof(PersonalDataAccess.UserName), nameof(PersonalDataAccess.Roles),
        nameof(PersonalDataAccess.UnitId), nameof(PersonalDataAccess.UnitName), nameof(PersonalDataAccess.Screen), nameof(PersonalDataAccess.Detail),
        nameof(PersonalDataAccess.DossierId), nameof(PersonalDataAccess.DossierCode),
    ];

    /// <summary>
    /// Logs the dossiers as viewed now by <paramref name="actor"/>: one INSERT … SELECT over a JSON array of the dossiers
    /// (a listing export logs 5,000 a page; through the change tracker, or as VALUES lists binding two parameters a row,
    /// that cost more than reading and writing them). One statement, so all rows or none, in the caller's transaction
    /// if it has one.
    /// </summary>
    public async Task SaveAsync(AppDbContext db, Actor actor, string screen, IEnumerable<ViewedDossier> dossiers, string? detail = null, CancellationToken ct = default)
    {
        if (!actor.ViewsAreRecorded())
            return;
        var viewed = dossiers.DistinctBy(d => d.Id).ToList();
        if (viewed.Count == 0)
            return;
        object?[] values =
        [
            clock.GetUtcNow().UtcDateTime, actor.UserId, Truncate(actor.Name, 200), Truncate(string.Join(",", actor.Roles.Order()), 200),
            actor.UnitId, actor.UnitName, screen, detail is null ? null : Truncate(detail, 300), Json(viewed),
        ];
        // A null value becomes a NULL parameter.
        await db.Database.ExecuteSqlRawAsync(InsertSql(db), values!, ct);
    }

    /// <summary>
    /// [["3F2504E0-4F89-11D3-9A0C-0305E82C3301","000.00.01.H29-250804-0001"], …]: ids in upper case, as EF Core stores a
    /// Guid in SQLite (text), so the log's rows compare equal to EF's parameters; SQL Server reads them as uniqueidentifier.
    /// </summary>
    private static string Json(IReadOnlyList<ViewedDossier> viewed)
    {
        using var buffer = new MemoryStream(viewed.Count * 80);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            Span<char> id = stackalloc char[36];
            foreach (var d in viewed)
            {
                json.WriteStartArray();
                d.Id.TryFormat(id, out _);
                for (var i = 0; i < id.Length; i++)
                    id[i] = char.ToUpperInvariant(id[i]);
                json.WriteStringValue(id);
                json.WriteStringValue(d.Code);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// INSERT INTO log (…) SELECT {0}, …, {7}, the id and code of each element of the JSON array {8}: json_each on
    /// SQLite, OPENJSON on SQL Server.
    /// </summary>
    public static string InsertSql(AppDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(PersonalDataAccess))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
            .AppendJoin(", ", Columns.Select(Column))
            .Append(") SELECT {0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, ");
        if (db.Database.IsSqlServer())
            text.Append("j.").Append(Column(nameof(PersonalDataAccess.DossierId))).Append(", j.").Append(Column(nameof(PersonalDataAccess.DossierCode)))
                .Append(" FROM OPENJSON({8}) WITH (").Append(Column(nameof(PersonalDataAccess.DossierId))).Append(" uniqueidentifier '$[0]', ")
                .Append(Column(nameof(PersonalDataAccess.DossierCode))).Append(" nvarchar(60) '$[1]') AS j");
        else
            text.Append("json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each({8})");
        return text.ToString();
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

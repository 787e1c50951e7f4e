using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HcmcPortal.Operations;

/// <summary>
/// Every SQLite connection commits with <c>synchronous=FULL</c>. In WAL mode FULL syncs the log at each commit, so a
/// dossier acknowledged with 201 survives a process kill <em>and</em> a power cut. NORMAL would survive a process kill
/// too (the log is in the OS cache) but may lose the last commits on power loss — not acceptable for an acknowledged
/// submission. The journal mode itself (WAL) is persistent in the file and set once at start.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=FULL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

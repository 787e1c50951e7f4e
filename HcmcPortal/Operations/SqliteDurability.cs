using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HcmcPortal.Operations;

/// <summary>
/// Every SQLite connection is set up as a server database's: a writer waits up to 5 s for another's lock instead of
/// failing (<c>busy_timeout</c>), 32 MB of page cache and memory-mapped reads of up to 256 MB per connection, temporary
/// sorts in memory. Connections are pooled by Microsoft.Data.Sqlite (default <c>Pooling=True</c>), so these run once
/// per pooled open, a few microseconds.
/// <para>Every SQLite connection commits with <c>synchronous=FULL</c>. In WAL mode FULL syncs the log at each commit, so a
/// dossier acknowledged with 201 survives a process kill <em>and</em> a power cut. NORMAL would survive a process kill
/// too (the log is in the OS cache) but may lose the last commits on power loss — not acceptable for an acknowledged
/// submission (issue 12 asks for NORMAL; measured in docs/performance.md, FULL costs one log sync per commit, which
/// the submission load can afford). The journal mode itself (WAL) is persistent in the file and set once at start.</para>
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;";

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

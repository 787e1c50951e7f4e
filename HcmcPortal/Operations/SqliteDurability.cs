using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HcmcPortal.Operations;

/// <summary>
/// Every SQLite connection is set up as a server database's: a writer waits up to 5 s for another's lock instead of
/// failing (<c>busy_timeout</c>), 32 MB of page cache and memory-mapped reads of up to 256 MB per connection, temporary
/// sorts in memory. Connections are pooled by Microsoft.Data.Sqlite (default <c>Pooling=True</c>) and these settings
/// belong to the native connection, which the pool keeps open: they run once per native connection, not on every
/// pooled open (issue 12: they were ≈ a tenth of a small query's cost through EF).
/// <para>Every SQLite connection commits with <c>synchronous=FULL</c>. In WAL mode FULL syncs the log at each commit, so a
/// dossier acknowledged with 201 survives a process kill <em>and</em> a power cut. NORMAL would survive a process kill
/// too (the log is in the OS cache) but may lose the last commits on power loss — not acceptable for an acknowledged
/// submission (issue 12 asks for NORMAL; measured in docs/performance.md, FULL costs one log sync per commit, which
/// the submission load can afford). The journal mode itself (WAL) is persistent in the file and set once at start.</para>
/// <para><c>Database:SqliteSynchronous=NORMAL</c> exists only so that the load benchmark can measure what FULL costs
/// (HcmcPortal.LoadTest <c>--synchronous normal</c>); nothing else sets it.</para>
/// </summary>
public sealed class SqliteDurability(bool normalSynchronous = false) : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;";
    public const string SettingKey = "Database:SqliteSynchronous";

    private readonly string pragma = normalSynchronous ? Pragma.Replace("synchronous=FULL", "synchronous=NORMAL", StringComparison.Ordinal) : Pragma;

    /// <summary>FULL unless the setting says NORMAL; any other value stops the start rather than guess.</summary>
    public static bool NormalSynchronous(IConfiguration config) => config[SettingKey]?.Trim().ToUpperInvariant() switch
    {
        null or "" or "FULL" => false,
        "NORMAL" => true,
        var other => throw new InvalidOperationException($"{SettingKey} must be FULL or NORMAL, not {other}."),
    };

    /// <summary>The native connections already set up, and with which settings (a native connection is never shared by two pools).</summary>
    private static readonly ConditionalWeakTable<object, string> Configured = new();

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out var applied) && applied == pragma;

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            Configured.AddOrUpdate(handle, pragma);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsConfigured(connection))
            return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = pragma;
        cmd.ExecuteNonQuery();
        MarkConfigured(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsConfigured(connection))
            return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = pragma;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(connection);
    }
}

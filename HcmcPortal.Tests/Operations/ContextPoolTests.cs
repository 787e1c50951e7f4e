using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HcmcPortal.Tests.Operations;

/// <summary>Issue 12: contexts are pooled and the SQLite settings run once per native connection — without leaking state.</summary>
public sealed class ContextPoolTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_pooled_context_comes_back_without_the_previous_operations_actor_or_audit_action()
    {
        var first = portal.CreateDb();
        first.ActorId = "officer-who-left";
        first.AuditAction = "Locked";
        await first.DisposeAsync();

        // The pool is shared with the portal's background work, which may rent the context first: rent many (the pool is first in, first out) until it comes back.
        for (var round = 0; round < 3; round++)
        {
            var rented = Enumerable.Range(0, 128).Select(_ => portal.CreateDb()).ToList();
            var again = rented.FirstOrDefault(db => ReferenceEquals(db, first));
            var actors = rented.Select(db => db.ActorId ?? db.AuditAction).ToList();
            foreach (var db in rented)
                await db.DisposeAsync();
            Assert.All(actors, Assert.Null);
            if (again is not null)
                return;
        }
        Assert.Fail("The factory never handed the disposed context back: contexts are not pooled.");
    }

    [Fact]
    public async Task Every_native_connection_gets_the_server_settings_once_and_keeps_them_across_pooled_opens()
    {
        SqliteConnection.ClearAllPools();
        for (var open = 0; open < 2; open++)
        {
            await using var db = portal.CreateDb();
            await db.Database.OpenConnectionAsync();
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA synchronous;";
            Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!); // FULL
            cmd.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(5000L, (long)(await cmd.ExecuteScalarAsync())!);
            cmd.CommandText = "PRAGMA temp_store;";
            Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!); // MEMORY
        }
    }
}

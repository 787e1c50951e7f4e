using System.Net;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HcmcPortal.Tests.Foundation;

/// <summary>A fixture of its own: this test breaks the database on purpose.</summary>
public sealed class HealthTests : IDisposable
{
    // The mail outbox worker polls the database; stopped here so that it does not re-create the file the test deletes.
    private readonly PortalFactory portal = new HcmcPortal.Tests.Operations.ConfiguredPortal(new Dictionary<string, string> { ["Email:Outbox:WorkerEnabled"] = "false" });

    [Fact]
    public async Task Health_answers_503_when_the_database_does_not_answer()
    {
        var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Put a folder where the database file was: SQLite can no longer open it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(portal.DatabasePath + suffix);
        Directory.CreateDirectory(portal.DatabasePath);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        }
        finally
        {
            Directory.Delete(portal.DatabasePath);
        }
    }

    public void Dispose() => portal.Dispose();
}

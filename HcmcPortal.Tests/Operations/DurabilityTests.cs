using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using HcmcPortal.Citizen.Submission;
using HcmcPortal.Operations;
using HcmcPortal.Tests.Api;
using HcmcPortal.Tests.Citizen;
using HcmcPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HcmcPortal.Tests.Operations;

/// <summary>Issue 10 item 11: acknowledged dossiers survive a process kill; an online backup restores everything.</summary>
public sealed class DurabilityTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string TempDb() => Path.Combine(Path.GetTempPath(), "hcmcportal-tests", $"{Guid.NewGuid():N}.db");

    private static void Delete(string db)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(db + suffix);
    }

    /// <summary>Each dossier in the file with its file count, and the files whose bytes are missing or differ from their hash.</summary>
    private static async Task<(Dictionary<string, int> Files, int Broken)> InspectAsync(string db)
    {
        await using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await c.OpenAsync();
        await using var check = c.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        var files = new Dictionary<string, int>();
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT d.Code, (SELECT COUNT(*) FROM Files f WHERE f.DossierId = d.Id) FROM Dossiers d";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                files[r.GetString(0)] = r.GetInt32(1);
        }
        var broken = 0;
        await using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT f.Sha256, c.Data FROM Files f LEFT JOIN FileContents c ON c.FileId = f.Id WHERE f.DossierId IS NOT NULL";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                if (r.IsDBNull(1) || Convert.ToHexString(SHA256.HashData((byte[])r[1])) != r.GetString(0))
                    broken++;
        }
        return (files, broken);
    }

    [Fact]
    public async Task Every_connection_commits_in_WAL_mode_with_synchronous_FULL()
    {
        await using var db = portal.CreateDb();
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA synchronous;";
        Assert.Equal(2L, (long)(await cmd.ExecuteScalarAsync())!); // 2 = FULL
    }

    /// <summary>Only the load benchmark's NORMAL run lowers the level (Database:SqliteSynchronous); a typo must not silently do so.</summary>
    [Theory]
    [InlineData(null, 2L)]
    [InlineData("full", 2L)]
    [InlineData("Normal", 1L)]
    public async Task Synchronous_is_FULL_unless_a_measurement_run_asks_for_NORMAL(string? setting, long expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SqliteDurability.SettingKey] = setting }).Build();
        var db = TempDb();
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var options = new DbContextOptionsBuilder<HcmcPortal.Data.SqliteAppDbContext>().UseApplicationServiceProvider(HcmcPortal.Data.DatabaseSetup.StandaloneServices);
        HcmcPortal.Data.DatabaseSetup.ConfigureSqlite(options, $"Data Source={db}", SqliteDurability.NormalSynchronous(config));
        await using (var context = new HcmcPortal.Data.SqliteAppDbContext(options.Options))
        {
            await context.Database.OpenConnectionAsync();
            await using var cmd = context.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA synchronous;";
            Assert.Equal(expected, (long)(await cmd.ExecuteScalarAsync())!);
        }
        Delete(db);
        var typo = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SqliteDurability.SettingKey] = "OFF" }).Build();
        Assert.Throws<InvalidOperationException>(() => SqliteDurability.NormalSynchronous(typo));
    }

    [Fact]
    public async Task Every_acknowledged_dossier_survives_a_SIGKILL_during_16_parallel_submissions_with_all_its_files()
    {
        var submission = await portal.KhaiSinhSubmissionAsync();
        var filesPerDossier = submission.Files.Count;
        var db = TempDb();
        var acknowledged = new ConcurrentDictionary<string, string>();
        var clock = Stopwatch.StartNew();
        try
        {
            // The server starts from a copy of an already seeded database, so the test spends its time on the kill, not on seeding.
            await HcmcPortal.Operations.DatabaseBackup.BackupSqliteAsync($"Data Source={portal.DatabasePath}", db);
            var seeded = (await InspectAsync(db)).Files.Keys.ToHashSet();
            var phases = new List<string>();
            void Phase(string name) => phases.Add($"{name} {clock.Elapsed.TotalSeconds:F1}s");
            using (var server = await PortalProcess.StartAsync(db))
            {
                Phase("listening");
                using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
                await http.LoginAsync(ApiClient.Citizen);
                var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var clients = Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
                {
                    for (var n = 0; ; n++)
                    {
                        var mine = submission;
                        foreach (var name in submission.Files.Keys)
                            mine = mine.With(name, new ApiFile($"{name}-{client}-{n}.pdf", TestFiles.Pdf($"{name} {client} {n}")));
                        try
                        {
                            var response = await http.SubmitAsync(mine, $"kill-{client}-{n}");
                            if (response.StatusCode == HttpStatusCode.Created)
                            {
                                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                                acknowledged[body.GetProperty("code").GetString()!] = $"{client}-{n}";
                                if (acknowledged.Count >= 32)
                                    enough.TrySetResult();
                            }
                        }
                        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                        {
                            return; // the server died under this request: it was never acknowledged
                        }
                    }
                })).ToList();
                await enough.Task.WaitAsync(TimeSpan.FromSeconds(45));
                Phase("killed");
                server.Kill();
                await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(30));
            }

            using (var restarted = await PortalProcess.StartAsync(db))
            {
                Phase("restarted");
                using var http = new HttpClient { BaseAddress = restarted.Address };
                await http.LoginAsync(ApiClient.Citizen);
                foreach (var code in acknowledged.Keys)
                {
                    var dossier = await http.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
                    Assert.Equal(filesPerDossier, dossier.GetProperty("files").GetArrayLength());
                }
            }
            var (files, broken) = await InspectAsync(db);
            Assert.All(acknowledged.Keys, code => Assert.True(files.ContainsKey(code), $"{code} was acknowledged but is gone"));
            // Saved but not acknowledged is allowed (the answer was lost with the process); half-saved is not.
            Assert.All(files.Where(d => !seeded.Contains(d.Key)), d => Assert.Equal(filesPerDossier, d.Value));
            Assert.Equal(0, broken);
            Phase("verified");
            Console.WriteLine($"[durability] acknowledged {acknowledged.Count}, in the database after restart {files.Count - seeded.Count}; {string.Join(", ", phases)}");
        }
        finally
        {
            Delete(db);
        }
    }

    [Fact]
    public async Task The_backup_command_copies_the_live_database_while_dossiers_are_written_and_the_copy_restores_everything()
    {
        var actor = await portal.ActorAsync(ApiClient.Citizen);
        var drafts = portal.Get<DraftService>();
        async Task<string> SubmitAsync()
        {
            var (draftId, _) = await portal.KhaiSinhDraftAsync(actor);
            var outcome = await drafts.SubmitAsync(actor, draftId, Guid.NewGuid().ToString("N"));
            Assert.True(outcome.Result.Succeeded, outcome.Result.Message);
            return outcome.Result.Code!;
        }
        var before = new List<string>();
        for (var i = 0; i < 3; i++)
            before.Add(await SubmitAsync());

        var copy = TempDb();
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await SubmitAsync();
                n++;
            }
            return n;
        });
        try
        {
            var info = PortalProcess.StartInfo(portal.DatabasePath, "backup", "--to", copy);
            using var backup = Process.Start(info)!;
            var output = backup.StandardOutput.ReadToEndAsync();
            var errors = backup.StandardError.ReadToEndAsync();
            await backup.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            stop.Cancel();
            var writtenMeanwhile = await writing;
            Assert.True(backup.ExitCode == 0, await output + await errors);
            Assert.Contains("integrity_check: ok", await output);

            var (files, broken) = await InspectAsync(copy);
            Assert.Equal(0, broken);
            Assert.All(before, code => Assert.True(files.ContainsKey(code), $"{code} is missing from the backup"));
            await using (var live = portal.CreateDb())
                Assert.InRange(files.Count, 1, await live.Dossiers.CountAsync());

            // Restore: the portal started on the copy serves every dossier with its files.
            using var restored = new ConfiguredPortal(new Dictionary<string, string> { ["Email:Outbox:WorkerEnabled"] = "false" }, copy);
            await using var db = restored.CreateDb();
            foreach (var code in before)
            {
                var id = await db.Dossiers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
                var detail = await restored.Get<HcmcPortal.Citizen.MyDossiers.MyDossierService>().DetailAsync(await restored.ActorAsync(ApiClient.Citizen), id);
                Assert.NotNull(detail);
                Assert.NotEmpty(detail.Files);
            }
            Console.WriteLine($"[backup] dossiers in copy {files.Count}, written during the backup {writtenMeanwhile}");
        }
        finally
        {
            await stop.CancelAsync();
            Delete(copy);
        }
    }
}

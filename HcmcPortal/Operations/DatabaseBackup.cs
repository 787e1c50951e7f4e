using HcmcPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Data.SqlClient;

namespace HcmcPortal.Operations;

/// <summary>
/// <c>HcmcPortal backup --to PATH</c>: a consistent copy of the database taken while the portal runs. Uploaded files
/// live in the database (table FileContents), so the copy holds everything a restore needs.
/// SQLite: the online backup API copies every page under one read transaction — a snapshot; in WAL mode the portal
/// keeps writing meanwhile. SQL Server: <c>BACKUP DATABASE … WITH COPY_ONLY</c> to PATH on the database server.
/// </summary>
public static class DatabaseBackup
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "backup";

    public static async Task<int> RunAsync(string[] args, IConfiguration config, string contentRoot)
    {
        var index = Array.IndexOf(args, "--to");
        if (index < 0 || index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
        {
            Console.Error.WriteLine("Cách dùng: HcmcPortal backup --to <tệp sao lưu>");
            return 2;
        }
        var target = Path.GetFullPath(args[index + 1]);
        try
        {
            if (DatabaseSetup.ProviderOf(config) == DatabaseProvider.SqlServer)
                await BackupSqlServerAsync(config.GetConnectionString("SqlServer")!, target);
            else
                Console.WriteLine($"integrity_check: {await BackupSqliteAsync(DatabaseSetup.ResolveSqlite(config.GetConnectionString("Sqlite") ?? DatabaseSetup.DefaultSqlite, contentRoot), target)}");
            Console.WriteLine($"Đã sao lưu cơ sở dữ liệu vào {target}");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or SqlException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Sao lưu thất bại: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Copies the live database to <paramref name="target"/> (through a temporary file, so a half copy never has the final name); answers the copy's integrity check.</summary>
    public static async Task<string> BackupSqliteAsync(string connectionString, string target)
    {
        if (File.Exists(target))
            throw new IOException($"Tệp {target} đã tồn tại; hãy chọn tên khác.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        File.Delete(temporary);
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using (var from = new SqliteConnection(source.ToString()))
        await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
            await using var check = to.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await check.ExecuteScalarAsync() ?? "";
            if (result != "ok")
                throw new InvalidOperationException($"Bản sao lưu không toàn vẹn: {result}");
        }
        File.Move(temporary, target);
        return "ok";
    }

    private static async Task BackupSqlServerAsync(string connectionString, string target)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        // COPY_ONLY leaves the DBA's backup chain untouched; the path is on the database server.
        cmd.CommandText = $"BACKUP DATABASE [{connection.Database.Replace("]", "]]")}] TO DISK = @path WITH COPY_ONLY, CHECKSUM, INIT";
        cmd.Parameters.AddWithValue("@path", target);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }
}

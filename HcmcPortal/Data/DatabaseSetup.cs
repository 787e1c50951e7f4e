using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HcmcPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>
/// Chooses the provider from configuration (<c>Database:Provider</c>) and registers one context per operation. The
/// contexts are pooled (issue 12: creating one cost as much as a small indexed query); EF resets a returned context's
/// change tracker and connection, and <see cref="UpcastFactory{T}"/> resets the portal's own per-operation state.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=App_Data/hcmcportal.db";

    public static DatabaseProvider ProviderOf(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        if (ProviderOf(config) == DatabaseProvider.SqlServer)
        {
            var cs = config.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");
            services.AddPooledDbContextFactory<SqlServerAppDbContext>(o => ConfigureSqlServer(o, cs));
            services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastFactory<SqlServerAppDbContext>>();
        }
        else
        {
            var cs = ResolveSqlite(config.GetConnectionString("Sqlite") ?? DefaultSqlite, contentRoot);
            var normalSynchronous = HcmcPortal.Operations.SqliteDurability.NormalSynchronous(config);
            services.AddPooledDbContextFactory<SqliteAppDbContext>(o => ConfigureSqlite(o, cs, normalSynchronous));
            services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastFactory<SqliteAppDbContext>>();
        }
        // Identity's stores need a scoped context; everything else asks the factory for one per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// SQLite with a retrying execution strategy, like SQL Server's <c>EnableRetryOnFailure</c>: a write that meets a
    /// busy or locked database is run again, and a transaction opened outside the strategy fails here as it would there.
    /// </summary>
    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString, bool normalSynchronous = false) =>
        o.UseSqlite(connectionString, x => x.MigrationsHistoryTable("__EFMigrationsHistory")
                .ExecutionStrategy(deps => new SqliteRetryingExecutionStrategy(deps)))
            .AddInterceptors(new HcmcPortal.Operations.SqliteDurability(normalSynchronous))
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCustomizer, UtcModelCustomizer>();

    public static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlServer(connectionString, x => x.EnableRetryOnFailure())
            .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCustomizer, UtcModelCustomizer>();

    /// <summary>Relative SQLite paths resolve against the content root, and the folder is created.</summary>
    public static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource != ":memory:" && !string.IsNullOrEmpty(csb.DataSource) && csb.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }

    /// <summary>
    /// Services for contexts built outside the app (design time, tests): without them Identity falls back
    /// to schema Version1 and Migrate() reports pending changes (shared/stack.md).
    /// </summary>
    public static IServiceProvider StandaloneServices { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public static void ConfigureIdentityOptions(IdentityOptions o) => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;

    private sealed class UpcastFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<AppDbContext> where T : AppDbContext
    {
        public AppDbContext CreateDbContext() => Fresh(inner.CreateDbContext());
        public async Task<AppDbContext> CreateDbContextAsync(CancellationToken ct = default) => Fresh(await inner.CreateDbContextAsync(ct));

        /// <summary>A pooled context keeps the properties its last user set; the audit must never name that user.</summary>
        private static T Fresh(T db)
        {
            db.ActorId = null;
            db.AuditAction = null;
            return db;
        }
    }
}

/// <summary>
/// Retries a unit of work when SQLite answers SQLITE_BUSY or SQLITE_LOCKED, e.g. a deferred transaction whose snapshot
/// went stale under WAL (SQLITE_BUSY_SNAPSHOT fails at once, without the busy timeout's wait).
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(2))
{
    public const int MaxRetries = 6;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };
}

/// <summary>Every DateTime is stored in UTC; SQLite returns Unspecified, so mark what comes back as UTC.</summary>
public sealed class UtcModelCustomizer(Microsoft.EntityFrameworkCore.Infrastructure.ModelCustomizerDependencies deps)
    : Microsoft.EntityFrameworkCore.Infrastructure.RelationalModelCustomizer(deps)
{
    private static readonly ValueConverter<DateTime, DateTime> Utc =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            if (property.ClrType == typeof(DateTime))
                property.SetValueConverter(Utc);
            else if (property.ClrType == typeof(DateTime?))
                property.SetValueConverter(NullableUtc);
        }
    }
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteAppDbContext>().UseApplicationServiceProvider(DatabaseSetup.StandaloneServices);
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design-time.db");
        return new SqliteAppDbContext(o.Options);
    }
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqlServerAppDbContext>().UseApplicationServiceProvider(DatabaseSetup.StandaloneServices);
        DatabaseSetup.ConfigureSqlServer(o, "Server=localhost;Database=HcmcPortal;Trusted_Connection=True;TrustServerCertificate=True");
        return new SqlServerAppDbContext(o.Options);
    }
}

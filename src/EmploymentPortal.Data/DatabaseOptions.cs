namespace EmploymentPortal.Data;

/// <summary>The database engines the portal runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, zero set-up: the default for a single machine and for demos.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15+: for real deployments.</summary>
    Postgres,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The default SQLite connection string, relative to the content root.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/portal.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Apply pending migrations when the portal starts. SQLite always migrates on start; for
    /// PostgreSQL this is off unless set, and <c>-- migrate</c> applies migrations instead.
    /// </summary>
    public bool MigrateOnStartup { get; set; }
}

using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EmploymentPortal.Data;

/// <summary>
/// Tells a database that cannot be reached (a PostgreSQL server restarting or refusing
/// connections, a SQLite file that cannot be opened or stays locked) from a failure of the
/// statement itself. The first is worth retrying later (503), the second is a bug (500).
/// </summary>
public static class DatabaseAvailability
{
    /// <summary>SQLite result codes of an unusable database file: BUSY, LOCKED, IOERR, CORRUPT, CANTOPEN, NOTADB.</summary>
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 11, 14, 26];

    /// <summary>True when <paramref name="exception"/> or one it wraps says the database is unavailable.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsUnavailable(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite:
                    return SqliteUnavailable.Contains(sqlite.SqliteErrorCode & 0xFF);
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Connection exceptions (08), insufficient resources (53: too many connections, disk full),
    /// operator intervention (57P01-57P03: shutdown, crash shutdown, cannot connect now).
    /// </summary>
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState is "57P01" or "57P02" or "57P03";
}

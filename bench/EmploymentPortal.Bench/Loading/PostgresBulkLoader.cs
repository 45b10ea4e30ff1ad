using EmploymentPortal.Bench.Generation;
using EmploymentPortal.Data.Security;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Bench.Loading;

/// <summary>
/// PostgreSQL: one binary <c>COPY ... FROM STDIN</c> per table. Every value is written with the
/// <see cref="NpgsqlDbType"/> of its column in the Initial migration (uuid, character varying,
/// date, double precision, bigint); enums are stored as their names, as the model's convention
/// does, and <c>Version</c> starts at 0 like a row inserted through EF Core. Constraints and
/// indexes stay in place, so the figures include index maintenance and foreign-key checks.
/// </summary>
internal sealed class PostgresBulkLoader : IBulkLoader
{
    // The importer's timeout defaults to the connection's command timeout (30 s) and applies to
    // waiting for the server, which at 1 M rows on a busy machine took 15-18 s in Complete().
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(30);

    private readonly NpgsqlConnection _connection;
    private readonly PersonalDataProtector _protector;

    public PostgresBulkLoader(NpgsqlConnection connection, PersonalDataProtector protector)
    {
        _connection = connection;
        _protector = protector;
    }

    public long LoadEnterprises(IEnumerable<EnterpriseRow> rows, Action<long> progress)
    {
        using var writer = _connection.BeginBinaryImport(
            """COPY "Enterprises" ("Id", "CreditCode", "Name", "CommunityId", "Address", "Latitude", "Longitude", "Status", "Version") FROM STDIN (FORMAT BINARY)""");
        writer.Timeout = ImportTimeout;
        long count = 0;
        foreach (var row in rows)
        {
            writer.StartRow();
            writer.Write(row.Id, NpgsqlDbType.Uuid);
            writer.Write(row.CreditCode, NpgsqlDbType.Varchar);
            writer.Write(row.Name, NpgsqlDbType.Varchar);
            writer.Write(row.CommunityId, NpgsqlDbType.Uuid);
            writer.Write(row.Address, NpgsqlDbType.Varchar);
            writer.Write(row.Latitude, NpgsqlDbType.Double);
            writer.Write(row.Longitude, NpgsqlDbType.Double);
            writer.Write(row.Status.ToString(), NpgsqlDbType.Varchar);
            writer.Write(0L, NpgsqlDbType.Bigint);
            if (++count % IBulkLoader.ProgressInterval == 0)
            {
                progress(count);
            }
        }

        return (long)writer.Complete();
    }

    public long LoadResidents(IEnumerable<ResidentRow> rows, Action<long> progress)
    {
        using var writer = _connection.BeginBinaryImport(
            """COPY "Residents" ("Id", "Name", "IdNumberCipher", "BirthDate", "Sex", "PhoneCipher", "CommunityId", "Version", "IdNumberHash", "IdNumberLast4Hash", "PhoneHash", "PhoneLast4Hash") FROM STDIN (FORMAT BINARY)""");
        writer.Timeout = ImportTimeout;
        long count = 0;
        foreach (var row in rows)
        {
            var stored = ProtectedColumns.Of(row, _protector);
            writer.StartRow();
            writer.Write(row.Id, NpgsqlDbType.Uuid);
            writer.Write(row.Name, NpgsqlDbType.Varchar);
            writer.Write(stored.IdNumberCipher, NpgsqlDbType.Varchar);
            writer.Write(row.BirthDate, NpgsqlDbType.Date);
            writer.Write(row.Sex.ToString(), NpgsqlDbType.Varchar);
            writer.Write(stored.PhoneCipher, NpgsqlDbType.Varchar);
            writer.Write(row.CommunityId, NpgsqlDbType.Uuid);
            writer.Write(0L, NpgsqlDbType.Bigint);
            writer.Write(stored.IdNumberHash, NpgsqlDbType.Varchar);
            writer.Write(stored.IdNumberLast4Hash, NpgsqlDbType.Varchar);
            writer.Write(stored.PhoneHash, NpgsqlDbType.Varchar);
            writer.Write(stored.PhoneLast4Hash, NpgsqlDbType.Varchar);
            if (++count % IBulkLoader.ProgressInterval == 0)
            {
                progress(count);
            }
        }

        return (long)writer.Complete();
    }
}

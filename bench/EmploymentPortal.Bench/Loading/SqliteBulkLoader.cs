using System.Globalization;
using EmploymentPortal.Bench.Generation;
using EmploymentPortal.Data.Security;
using Microsoft.Data.Sqlite;

namespace EmploymentPortal.Bench.Loading;

/// <summary>
/// SQLite: one transaction per table and one prepared, parameterised INSERT reused for every
/// row. Values are bound in the form EF Core's SQLite provider stores them: GUIDs as upper-case
/// TEXT, dates as <c>yyyy-MM-dd</c> TEXT, enums as their names, <c>Version</c> 0.
/// The file is switched to write-ahead logging (the mode the portal itself sets on migrating, see
/// <c>DatabaseMigrator</c>, so it is left on); <c>PRAGMA synchronous=OFF</c> holds for the load
/// only: <see cref="Dispose"/> restores the connection's previous level, because the connection
/// goes back to the pool and would otherwise keep it.
/// </summary>
internal sealed class SqliteBulkLoader : IBulkLoader, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly long _previousSynchronous;
    private readonly PersonalDataProtector _protector;

    public SqliteBulkLoader(SqliteConnection connection, PersonalDataProtector protector)
    {
        _connection = connection;
        _protector = protector;
        _previousSynchronous = (long)Scalar("PRAGMA synchronous;")!;
        Scalar("PRAGMA journal_mode=WAL;");
        Scalar("PRAGMA synchronous=OFF;");
    }

    public long LoadEnterprises(IEnumerable<EnterpriseRow> rows, Action<long> progress)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Enterprises" ("Id", "CreditCode", "Name", "CommunityId", "Address", "Latitude", "Longitude", "Status", "Version")
            VALUES ($id, $creditCode, $name, $communityId, $address, $latitude, $longitude, $status, 0)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var creditCode = insert.Parameters.Add("$creditCode", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var communityId = insert.Parameters.Add("$communityId", SqliteType.Text);
        var address = insert.Parameters.Add("$address", SqliteType.Text);
        var latitude = insert.Parameters.Add("$latitude", SqliteType.Real);
        var longitude = insert.Parameters.Add("$longitude", SqliteType.Real);
        var status = insert.Parameters.Add("$status", SqliteType.Text);
        insert.Prepare();

        long count = 0;
        foreach (var row in rows)
        {
            id.Value = GuidText(row.Id);
            creditCode.Value = row.CreditCode;
            name.Value = row.Name;
            communityId.Value = GuidText(row.CommunityId);
            address.Value = row.Address;
            latitude.Value = row.Latitude;
            longitude.Value = row.Longitude;
            status.Value = row.Status.ToString();
            insert.ExecuteNonQuery();
            if (++count % IBulkLoader.ProgressInterval == 0)
            {
                progress(count);
            }
        }

        transaction.Commit();
        return count;
    }

    public long LoadResidents(IEnumerable<ResidentRow> rows, Action<long> progress)
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Residents" ("Id", "Name", "IdNumberCipher", "BirthDate", "Sex", "PhoneCipher", "CommunityId", "Version", "IdNumberHash", "IdNumberLast4Hash", "PhoneHash", "PhoneLast4Hash")
            VALUES ($id, $name, $idNumber, $birthDate, $sex, $phone, $communityId, 0, $idHash, $idLast4, $phoneHash, $phoneLast4)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var idNumber = insert.Parameters.Add("$idNumber", SqliteType.Text);
        var birthDate = insert.Parameters.Add("$birthDate", SqliteType.Text);
        var sex = insert.Parameters.Add("$sex", SqliteType.Text);
        var phone = insert.Parameters.Add("$phone", SqliteType.Text);
        var communityId = insert.Parameters.Add("$communityId", SqliteType.Text);
        var idHash = insert.Parameters.Add("$idHash", SqliteType.Text);
        var idLast4 = insert.Parameters.Add("$idLast4", SqliteType.Text);
        var phoneHash = insert.Parameters.Add("$phoneHash", SqliteType.Text);
        var phoneLast4 = insert.Parameters.Add("$phoneLast4", SqliteType.Text);
        insert.Prepare();

        long count = 0;
        foreach (var row in rows)
        {
            id.Value = GuidText(row.Id);
            name.Value = row.Name;
            var stored = ProtectedColumns.Of(row, _protector);
            idNumber.Value = stored.IdNumberCipher;
            birthDate.Value = row.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            sex.Value = row.Sex.ToString();
            phone.Value = stored.PhoneCipher;
            communityId.Value = GuidText(row.CommunityId);
            idHash.Value = stored.IdNumberHash;
            idLast4.Value = stored.IdNumberLast4Hash;
            phoneHash.Value = stored.PhoneHash;
            phoneLast4.Value = stored.PhoneLast4Hash;
            insert.ExecuteNonQuery();
            if (++count % IBulkLoader.ProgressInterval == 0)
            {
                progress(count);
            }
        }

        transaction.Commit();
        return count;
    }

    public void Dispose()
    {
        Scalar($"PRAGMA synchronous={_previousSynchronous};");
    }

    // EF Core's SQLite provider stores a Guid as its upper-case "D" string.
    private static string GuidText(Guid value) => value.ToString("D").ToUpperInvariant();

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

using System.Data.Common;
using System.Text.Json.Nodes;
using EmploymentPortal.Data.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmploymentPortal.Data.Security;

/// <summary>
/// The data step of personal-data encryption that SQL alone cannot do because the keys are
/// outside the database (docs/personal-data.md): <see cref="RekeyAsync"/>, after a key rotation,
/// re-encrypts values that name an older encryption key and recomputes every hash with the
/// current index key (<c>-- rekey-personal-data</c>). It works in batches of
/// <see cref="BatchSize"/> rows, one transaction each, and is idempotent: an interrupted run is
/// finished by the next one.
/// </summary>
public static class PersonalDataMigration
{
    public const int BatchSize = 1000;

    /// <summary>
    /// Re-encrypts with the current encryption key every value that names another key, and
    /// recomputes every hash with the current index key. Needs every key that encrypted a stored
    /// value in the ring.
    /// </summary>
    /// <returns>Rows changed per table and column.</returns>
    public static async Task<IReadOnlyDictionary<string, int>> RekeyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var protector = db.PersonalData;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in PersonalDataMapping.Fields)
        {
            var hashes = field.HashProperties().ToList();
            var hashColumns = string.Concat(hashes.Select(h => $", \"{h.Name}\""));
            var first = $"""SELECT "Id", "{field.CipherColumn}"{hashColumns} FROM "{field.Table}" WHERE "{field.CipherColumn}" IS NOT NULL ORDER BY "Id" LIMIT {BatchSize}""";
            var next = $"""SELECT "Id", "{field.CipherColumn}"{hashColumns} FROM "{field.Table}" WHERE "{field.CipherColumn}" IS NOT NULL AND "Id" > @last ORDER BY "Id" LIMIT {BatchSize}""";
            var changed = 0;
            object? last = null;
            while (true)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var rows = last is null
                    ? await ReadAsync(db, first, cancellationToken)
                    : await ReadAsync(db, next, cancellationToken, ("@last", last));
                if (rows.Count == 0)
                {
                    break;
                }

                var updates = new List<Update>();
                foreach (var row in rows)
                {
                    var stored = (string)row[1]!;
                    var plain = protector.Decrypt(stored, field.Kind);
                    var cipher = PersonalDataProtector.KeyIdOf(stored) == protector.CurrentKeyId ? stored : protector.Encrypt(plain, field.Kind);
                    var newHashes = hashes.Select(h => PersonalDataMapping.Hash(protector, field.Kind, plain, h.LastDigits)).ToList();
                    if (!ReferenceEquals(cipher, stored) || newHashes.Where((h, i) => h != row[2 + i] as string).Any())
                    {
                        updates.Add(new Update(row[0]!, cipher, newHashes));
                    }
                }

                await UpdateAsync(db, field, updates, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changed += updates.Count;
                last = rows[^1][0];
            }

            if (changed > 0)
            {
                counts[$"{field.Table}.{field.Property}"] = changed;
            }
        }

        return counts;
    }

    /// <summary>One audit entry per table for a data step such as the rekey (the rows were written with SQL).</summary>
    public static async Task AuditAsync(PortalDbContext db, string step, IReadOnlyDictionary<string, int> counts, CancellationToken cancellationToken = default)
    {
        if (counts.Count == 0)
        {
            return;
        }

        foreach (var table in PersonalDataMapping.Fields.GroupBy(f => f.EntityType))
        {
            var changes = new JsonObject { ["step"] = step };
            foreach (var field in table)
            {
                if (counts.TryGetValue($"{field.Table}.{field.Property}", out var count))
                {
                    changes[field.Property] = $"{count} rows";
                }
            }

            if (changes.Count > 1)
            {
                db.RecordChange(table.Key.Name, "*", AuditAction.Update, changes.ToJsonString());
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<List<object?[]>> ReadAsync(PortalDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Writes a batch in one statement (a row at a time would be a round trip each: hours for a
    /// million rows): <c>WITH v(...) AS (VALUES ...) UPDATE ... FROM v</c>, which PostgreSQL and
    /// SQLite (3.33+) both understand.
    /// </summary>
    private static async Task UpdateAsync(PortalDbContext db, PersonalDataField field, List<Update> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var hashes = field.HashProperties().Select(h => h.Name).ToList();
        var columns = string.Join(", ", ["id", "c", .. hashes.Select((_, i) => $"h{i}")]);
        var values = string.Join(", ", updates.Select((_, r) => $"({string.Join(", ", [$"@id{r}", $"@c{r}", .. hashes.Select((_, i) => $"@h{r}_{i}")])})"));
        var set = string.Join(", ", [$"\"{field.CipherColumn}\" = v.c", .. hashes.Select((h, i) => $"\"{h}\" = v.h{i}")]);
        var sql = $"""WITH v({columns}) AS (VALUES {values}) UPDATE "{field.Table}" SET {set} FROM v WHERE "{field.Table}"."Id" = v.id""";
        var parameters = updates.SelectMany((u, r) => new (string, object?)[] { ($"@id{r}", u.Id), ($"@c{r}", u.Cipher) }
            .Concat(u.Hashes.Select((h, i) => ($"@h{r}_{i}", (object?)h))));
        await using var command = await CommandAsync(db, sql, parameters, cancellationToken);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Update(object Id, string Cipher, List<string> Hashes);

    private static async Task<DbCommand> CommandAsync(PortalDbContext db, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

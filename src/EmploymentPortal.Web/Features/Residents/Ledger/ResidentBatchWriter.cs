using System.Data.Common;
using System.Text.RegularExpressions;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>
/// Writes a batch of new <see cref="Resident"/>s without the change tracker, inside the caller's
/// transaction, skipping ID numbers that are already registered (<c>ON CONFLICT ("IdNumberHash") DO
/// NOTHING</c> on the keyed hash of the ID number, which also covers a registration committed by
/// someone else meanwhile).
/// <para>
/// Columns and values come from the EF Core model (column names, value converters such as enums
/// as strings, SQLite's Guid and date formats), so a property added to <see cref="Resident"/> is
/// written without touching this class; the personal data goes through the model's encrypting
/// converters and its hash columns are computed here (<see cref="PersonalDataMapping"/>). Only
/// scalar properties of the Residents table are written; the import creates no status history or
/// other child rows.
/// </para>
/// <list type="bullet">
/// <item>PostgreSQL: binary <c>COPY</c> into a temporary staging table, then one
/// <c>INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING "Id"</c>.</item>
/// <item>SQLite: one prepared <c>INSERT ... ON CONFLICT DO NOTHING</c> per row (SQLite has no COPY,
/// and prepared single-row inserts in one transaction are its fast path).</item>
/// </list>
/// </summary>
public static partial class ResidentBatchWriter
{
    /// <summary>Inserts the residents; returns the ids actually inserted (others were already registered).</summary>
    public static async Task<HashSet<Guid>> InsertAsync(PortalDbContext db, IReadOnlyList<Resident> residents, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The batch must be written inside a transaction.");
        var table = Describe(db, db.PersonalData);
        return db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), table, residents, cancellationToken)
            : await InsertRowsAsync(db.Database.GetDbConnection(), transaction, table, residents, cancellationToken);
    }

    private static async Task<HashSet<Guid>> InsertRowsAsync(DbConnection connection, DbTransaction transaction, TableShape table, IReadOnlyList<Resident> residents, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))}) " +
            $"ON CONFLICT ({table.IdNumberHashColumn}) DO NOTHING";
        var inserted = new HashSet<Guid>();
        foreach (var resident in residents)
        {
            command.Parameters.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, "@p" + i, column.Value(resident), column.Property.IsNullable));
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                inserted.Add(resident.Id);
            }
        }

        return inserted;
    }

    private static async Task<HashSet<Guid>> CopyAsync(NpgsqlConnection connection, TableShape table, IReadOnlyList<Resident> residents, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand($"CREATE TEMP TABLE ledger_staging (LIKE {table.Name} INCLUDING DEFAULTS) ON COMMIT DROP", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY ledger_staging ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            // Synchronous, typed writes: the importer buffers, and a typed write with an
            // NpgsqlDbType skips the type lookup an object write does for every value.
            foreach (var resident in residents)
            {
                importer.StartRow();
                foreach (var column in table.Columns)
                {
                    var value = column.Value(resident);
                    var stored = value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value;
                    if (stored is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        WriteValue(importer, stored, column.DataTypeName);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var inserted = new HashSet<Guid>();
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO {table.Name} ({table.ColumnList}) SELECT {table.ColumnList} FROM ledger_staging ON CONFLICT ({table.IdNumberHashColumn}) DO NOTHING RETURNING {table.IdColumn}",
            connection);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    private static void WriteValue(NpgsqlBinaryImporter importer, object value, string dataTypeName)
    {
        switch (value)
        {
            case string text:
                importer.Write(text, NpgsqlDbType.Text);
                break;
            case Guid guid:
                importer.Write(guid, NpgsqlDbType.Uuid);
                break;
            case DateOnly date:
                importer.Write(date, NpgsqlDbType.Date);
                break;
            case bool flag:
                importer.Write(flag, NpgsqlDbType.Boolean);
                break;
            case long number:
                importer.Write(number, NpgsqlDbType.Bigint);
                break;
            case int number:
                importer.Write(number, NpgsqlDbType.Integer);
                break;
            default:
                importer.Write(value, dataTypeName);
                break;
        }
    }

    private static TableShape Describe(PortalDbContext db, PersonalDataProtector protector)
    {
        var entity = db.Model.FindEntityType(typeof(Resident)) ?? throw new InvalidOperationException("Resident is not in the model.");
        var tableName = entity.GetTableName() ?? "Residents";
        var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var hashes = PersonalDataMapping.Fields.Where(f => f.EntityType == typeof(Resident))
            .SelectMany(f => f.HashProperties().Select(h => (h.Name, Field: f, h.LastDigits)))
            .ToDictionary(h => h.Name, StringComparer.Ordinal);
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is not null && (!p.IsShadowProperty() || hashes.ContainsKey(p.Name)))
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                Func<Resident, object?> value = hashes.TryGetValue(p.Name, out var hash)
                    ? r => PersonalDataMapping.Hash(protector, hash.Field.Kind, (string)entity.FindProperty(hash.Field.Property)!.GetGetter().GetClrValue(r)!, hash.LastDigits)
                    : p.GetGetter().GetClrValue;
                return new ColumnShape(p, sql.DelimitIdentifier(p.GetColumnName(store)!), mapping, Facets().Replace(mapping.StoreType, string.Empty), value);
            })
            .ToList();
        return new TableShape(
            sql.DelimitIdentifier(tableName, entity.GetSchema()),
            columns,
            string.Join(", ", columns.Select(c => c.Name)),
            sql.DelimitIdentifier(entity.FindProperty(PersonalDataMapping.ResidentIdNumberHash)!.GetColumnName(store)!),
            sql.DelimitIdentifier(entity.FindProperty(nameof(Resident.Id))!.GetColumnName(store)!));
    }

    /// <summary>"character varying(50)" → "character varying": Npgsql names types without facets.</summary>
    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();

    private sealed record ColumnShape(IProperty Property, string Name, RelationalTypeMapping Mapping, string DataTypeName, Func<Resident, object?> Value);

    private sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns, string ColumnList, string IdNumberHashColumn, string IdColumn);
}

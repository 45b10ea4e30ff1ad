using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Admin.Audit;

/// <summary>The audit log as administrators browse it: newest first, one page at a time.</summary>
public static class AuditQueries
{
    /// <summary>
    /// <see cref="From"/> and <see cref="To"/> are local calendar days (China Standard Time),
    /// both inclusive; <see cref="UpToSequence"/> jumps to a row, e.g. the first broken one.
    /// </summary>
    public sealed record AuditFilter(string? EntityType, string? Actor, AuditAction? Action, DateTime? From, DateTime? To, long? UpToSequence);

    public sealed record AuditRow(long Sequence, DateTimeOffset Timestamp, string ActorName, AuditAction Action, string EntityType, string EntityId, string Changes);

    public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Count);

    /// <summary>One changed field: its old and new value as JSON text (null when absent).</summary>
    public sealed record FieldChange(string Field, string? Old, string? New);

    public static IReadOnlyList<(AuditAction Action, string Name)> ActionNames { get; } =
    [
        (AuditAction.Insert, "新增"),
        (AuditAction.Update, "修改"),
        (AuditAction.Delete, "删除"),
        (AuditAction.Read, "查看"),
    ];

    public static string ActionName(AuditAction action) => ActionNames.First(a => a.Action == action).Name;

    public static async Task<AuditPage> PageAsync(PortalDbContext db, AuditFilter filter, int skip, int take, CancellationToken cancellationToken = default)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            entries = entries.Where(e => e.ActorName.Contains(actor));
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        // Timestamps are compared as instants: on SQLite they are stored as UTC ticks, on
        // PostgreSQL as timestamptz, so the comparison is translated on both.
        if (filter.From is { } from)
        {
            var start = PortalCalendar.StartOf(DateOnly.FromDateTime(from));
            entries = entries.Where(e => e.Timestamp >= start);
        }

        if (filter.To is { } to)
        {
            var end = PortalCalendar.EndOf(DateOnly.FromDateTime(to));
            entries = entries.Where(e => e.Timestamp < end);
        }

        if (filter.UpToSequence is { } upTo)
        {
            entries = entries.Where(e => e.Sequence <= upTo);
        }

        var count = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.Sequence)
            .Skip(skip)
            .Take(take)
            .Select(e => new AuditRow(e.Sequence, e.Timestamp, e.ActorName, e.Action, e.EntityType, e.EntityId, e.Changes))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, count);
    }

    public static Task<List<string>> EntityTypesAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);

    /// <summary>
    /// Reads the changes JSON (<c>{"Field": [old, new]}</c>, or <c>{"read": "what"}</c> for a
    /// read); anything else is shown as one row with the raw text.
    /// </summary>
    public static IReadOnlyList<FieldChange> ParseChanges(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new FieldChange(string.Empty, null, json)];
            }

            var changes = new List<FieldChange>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 2)
                {
                    changes.Add(new FieldChange(property.Name, Text(property.Value[0]), Text(property.Value[1])));
                }
                else
                {
                    changes.Add(new FieldChange(property.Name, null, Text(property.Value)));
                }
            }

            return changes;
        }
        catch (JsonException)
        {
            return [new FieldChange(string.Empty, null, json)];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}

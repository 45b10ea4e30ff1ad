using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Claims;

/// <summary>A user's messages (站内消息), newest first, a page at a time; read when shown.</summary>
public static class NotificationQueries
{
    /// <summary>Messages shown at first, and added by each "more".</summary>
    public const int PageSize = 20;

    /// <summary>The messages shown; <c>More</c> when older ones exist.</summary>
    public sealed record Shown(IReadOnlyList<Notification> Items, bool More);

    /// <summary>The newest <paramref name="count"/> messages of <paramref name="userId"/>.</summary>
    public static async Task<Shown> NewestAsync(PortalDbContext db, string userId, int count, CancellationToken cancellationToken = default)
    {
        count = Math.Clamp(count, 1, 1000);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(count + 1)
            .ToListAsync(cancellationToken);
        return new Shown(rows.Take(count).ToList(), rows.Count > count);
    }

    /// <summary>
    /// Marks read the messages of <paramref name="userId"/> among <paramref name="ids"/> (those the
    /// user was shown), not older ones they have not seen. Tracked, not ExecuteUpdate, so the audit
    /// log records the change like any other.
    /// </summary>
    public static async Task<int> MarkReadAsync(PortalDbContext db, string userId, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && ids.Contains(n.Id)).ToListAsync(cancellationToken);
        unread.ForEach(n => n.MarkRead(now));
        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}

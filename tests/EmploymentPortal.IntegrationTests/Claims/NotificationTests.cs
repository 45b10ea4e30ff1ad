using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Claims;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Claims;

/// <summary>A user's messages a page at a time, newest first; only those shown are marked read.</summary>
public abstract class NotificationTests
{
    private readonly PortalApp _app;

    protected NotificationTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task The_newest_messages_come_a_page_at_a_time_and_only_those_shown_are_marked_read()
    {
        var userName = await _app.CreateUserAsync(PortalRoles.StationStaff);
        await using var db = _app.Database.CreateContext();
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < NotificationQueries.PageSize + 5; i++)
        {
            db.Notifications.Add(new Notification(userId, $"消息{i:00}", "内容", null, start.AddMinutes(i)));
        }

        await db.SaveChangesAsync();

        var first = await NotificationQueries.NewestAsync(db, userId, NotificationQueries.PageSize);
        Assert.True(first.More);
        Assert.Equal(NotificationQueries.PageSize, first.Items.Count);
        Assert.Equal("消息24", first.Items[0].Title);
        Assert.Equal("消息05", first.Items[^1].Title);

        var marked = await NotificationQueries.MarkReadAsync(db, userId, first.Items.Select(n => n.Id).ToList(), start.AddDays(1));
        Assert.Equal(NotificationQueries.PageSize, marked);
        var unread = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null).Select(n => n.Title).OrderBy(t => t).ToListAsync();
        Assert.Equal(["消息00", "消息01", "消息02", "消息03", "消息04"], unread);

        // Another user's message is not theirs to mark.
        var other = await db.Notifications.AsNoTracking().Where(n => n.UserId != userId && n.ReadAt == null).Select(n => n.Id).Take(1).ToListAsync();
        Assert.Equal(0, await NotificationQueries.MarkReadAsync(db, userId, other, start.AddDays(1)));

        var all = await NotificationQueries.NewestAsync(db, userId, NotificationQueries.PageSize * 2);
        Assert.False(all.More);
        Assert.Equal(NotificationQueries.PageSize + 5, all.Items.Count);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteNotificationTests(SqlitePortalApp app) : NotificationTests(app);

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresNotificationTests(PostgresPortalApp app) : NotificationTests(app);

using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>What the user administration pages read, projected straight from the database.</summary>
public static class UserQueries
{
    /// <summary>How many enterprises one search of the enterprise picker returns.</summary>
    public const int EnterpriseSearchLimit = 50;

    public enum UserStatus
    {
        /// <summary>正常: enabled and not locked out.</summary>
        Active,

        /// <summary>已停用.</summary>
        Disabled,

        /// <summary>已锁定: too many wrong passwords, until <see cref="UserRow.LockoutEnd"/>.</summary>
        LockedOut,
    }

    public sealed record UserFilter(string? Search, string? Role, UserStatus? Status);

    /// <summary>A page of the grid: rows to skip and take, and the column to sort by.</summary>
    public sealed record UserPageRequest(int Skip, int Take, string? SortBy, bool Descending);

    public sealed record UserRow(
        string Id,
        string UserName,
        string DisplayName,
        bool IsDisabled,
        DateTimeOffset? LockoutEnd,
        string ConcurrencyStamp,
        IReadOnlyList<string> Roles,
        IReadOnlyList<string> Communities,
        string? EnterpriseName)
    {
        public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
    }

    public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Count);

    /// <summary>A user as the access form edits them.</summary>
    public sealed record UserAccess(string Id, string UserName, string DisplayName, string ConcurrencyStamp, IReadOnlyList<string> Roles, IReadOnlyList<Guid> CommunityIds, Guid? EnterpriseId);

    /// <summary>A community in the picker; <see cref="Label"/> reads "street / community" and is what the search matches.</summary>
    public sealed record CommunityOption(Guid Id, string Name, string StreetName, string DistrictName)
    {
        public string Label => $"{DistrictName} {StreetName} / {Name}";
    }

    public sealed record EnterpriseOption(Guid Id, string Name, string CreditCode)
    {
        public string Label => $"{Name}（{CreditCode}）";
    }

    /// <summary>A role as the forms offer it: the stored name and its Chinese name.</summary>
    public sealed record RoleOption(string Role, string Name);

    /// <summary>Chinese names of the roles, in the order the forms list them.</summary>
    public static IReadOnlyList<RoleOption> RoleNames { get; } =
    [
        new(PortalRoles.StationStaff, "社区服务站工作人员"),
        new(PortalRoles.EnterpriseUser, "企业用户"),
        new(PortalRoles.BureauOfficer, "人社局经办人员"),
        new(PortalRoles.Administrator, "系统管理员"),
    ];

    /// <summary>
    /// The role's Chinese name. A training institution's account (issue 16) is tied to its
    /// institution, which these forms cannot choose yet: the role is named in the list, not offered.
    /// </summary>
    public static string RoleName(string role) =>
        RoleNames.FirstOrDefault(r => r.Role == role)?.Name ?? (role == PortalRoles.TrainingInstitution ? "培训机构用户" : role);

    /// <summary>
    /// One page of users. Only the page's rows are read; their roles and scopes follow in two
    /// small queries by id, which both providers run the same way.
    /// </summary>
    public static async Task<UserPage> PageAsync(PortalDbContext db, UserFilter filter, UserPageRequest page, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            var normalized = search.ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(normalized) || u.DisplayName.Contains(search));
        }

        if (!string.IsNullOrEmpty(filter.Role))
        {
            var role = filter.Role;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        users = filter.Status switch
        {
            UserStatus.Disabled => users.Where(u => u.IsDisabled),
            UserStatus.LockedOut => users.Where(u => !u.IsDisabled && u.LockoutEnd != null && u.LockoutEnd > now),
            UserStatus.Active => users.Where(u => !u.IsDisabled && (u.LockoutEnd == null || u.LockoutEnd <= now)),
            _ => users,
        };

        var count = await users.CountAsync(cancellationToken);
        users = (page.SortBy, page.Descending) switch
        {
            (nameof(UserRow.DisplayName), false) => users.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedUserName),
            (nameof(UserRow.DisplayName), true) => users.OrderByDescending(u => u.DisplayName).ThenBy(u => u.NormalizedUserName),
            (nameof(UserRow.IsDisabled), false) => users.OrderBy(u => u.IsDisabled).ThenBy(u => u.NormalizedUserName),
            (nameof(UserRow.IsDisabled), true) => users.OrderByDescending(u => u.IsDisabled).ThenBy(u => u.NormalizedUserName),
            (_, true) => users.OrderByDescending(u => u.NormalizedUserName),
            _ => users.OrderBy(u => u.NormalizedUserName),
        };
        var rows = await users
            .Skip(page.Skip)
            .Take(page.Take)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.ConcurrencyStamp, u.EnterpriseId })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var communities = await (from s in db.UserCommunityScopes
                                 join c in db.Communities on s.CommunityId equals c.Id
                                 where ids.Contains(s.UserId)
                                 orderby c.Code
                                 select new { s.UserId, c.Name })
            .ToListAsync(cancellationToken);
        var enterpriseIds = rows.Where(r => r.EnterpriseId != null).Select(r => r.EnterpriseId!.Value).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking()
            .Where(e => enterpriseIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name })
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);

        var result = rows.Select(r => new UserRow(
                r.Id,
                r.UserName ?? string.Empty,
                r.DisplayName,
                r.IsDisabled,
                r.LockoutEnd,
                r.ConcurrencyStamp ?? string.Empty,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).OrderBy(x => PortalRoles.All.ToList().IndexOf(x)).ToList(),
                communities.Where(x => x.UserId == r.Id).Select(x => x.Name).ToList(),
                r.EnterpriseId is { } e && enterprises.TryGetValue(e, out var name) ? name : null))
            .ToList();
        return new UserPage(result, count);
    }

    public static async Task<UserAccess?> AccessAsync(PortalDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.ConcurrencyStamp, u.EnterpriseId })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!)
            .ToListAsync(cancellationToken);
        var communities = await db.UserCommunityScopes.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => s.CommunityId)
            .ToListAsync(cancellationToken);
        return new UserAccess(user.Id, user.UserName ?? string.Empty, user.DisplayName, user.ConcurrencyStamp ?? string.Empty, roles, communities, user.EnterpriseId);
    }

    /// <summary>All communities, street by street: a city has a few hundred at most.</summary>
    public static Task<List<CommunityOption>> CommunitiesAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        (from c in db.Communities
         join s in db.Streets on c.StreetId equals s.Id
         join d in db.Districts on s.DistrictId equals d.Id
         orderby d.Code, s.Code, c.Code
         select new CommunityOption(c.Id, c.Name, s.Name, d.Name))
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Enterprises whose name or credit code contains <paramref name="search"/>, at most
    /// <see cref="EnterpriseSearchLimit"/>; the one already chosen is always included so the
    /// picker can show it.
    /// </summary>
    public static async Task<List<EnterpriseOption>> SearchEnterprisesAsync(PortalDbContext db, string? search, Guid? selected, CancellationToken cancellationToken = default)
    {
        var query = db.Enterprises.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var upper = text.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(text) || e.CreditCode.Contains(upper));
        }

        var options = await query.OrderBy(e => e.Name)
            .Take(EnterpriseSearchLimit)
            .Select(e => new EnterpriseOption(e.Id, e.Name, e.CreditCode))
            .ToListAsync(cancellationToken);
        if (selected is { } id && options.All(o => o.Id != id))
        {
            var chosen = await db.Enterprises.AsNoTracking().Where(e => e.Id == id).Select(e => new EnterpriseOption(e.Id, e.Name, e.CreditCode)).FirstOrDefaultAsync(cancellationToken);
            if (chosen is not null)
            {
                options.Insert(0, chosen);
            }
        }

        return options;
    }
}

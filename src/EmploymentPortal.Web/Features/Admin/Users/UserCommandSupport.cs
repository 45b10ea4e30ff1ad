using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>What every user-administration handler does the same way.</summary>
internal static class UserCommandSupport
{
    public const string NotAdministratorMessage = "您没有管理用户的权限。";
    public const string UserNotFoundMessage = "该用户不存在或已被删除。";

    /// <summary>
    /// The page is authorized already; handlers check again, because authorization must not
    /// depend on which page calls them.
    /// </summary>
    public static FeatureOutcome? RequireAdministrator(PortalPrincipal principal) =>
        principal.IsAdministrator ? null : FeatureOutcome.Denied(NotAdministratorMessage);

    /// <summary>
    /// Loads the user (tracked) and checks that nobody changed them since the administrator
    /// loaded the page: Identity's concurrency stamp, with Identity's own conflict message.
    /// The stamp also becomes the original value the save compares against, so a change that
    /// lands between this check and the save fails the same way.
    /// </summary>
    public static async Task<(PortalUser? User, FeatureOutcome? Error)> LoadAsync(UserManager<PortalUser> users, PortalDbContext db, string userId, string? concurrencyStamp)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (null, new FeatureOutcome(CommandResult.Failure(UserNotFoundMessage), FeatureOutcome.NotFound));
        }

        if (concurrencyStamp is not null)
        {
            if (!string.Equals(user.ConcurrencyStamp, concurrencyStamp, StringComparison.Ordinal))
            {
                return (null, new FeatureOutcome(CommandResult.Failure(users.ErrorDescriber.ConcurrencyFailure().Description), FeatureOutcome.Conflict));
            }

            db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        }

        return (user, null);
    }

    /// <summary>Identity's refusal as the command's outcome: 400 with its Chinese errors by field (<see cref="FromIdentity"/>).</summary>
    public static FeatureOutcome Refused(IdentityResult result, string passwordField) =>
        new(FromIdentity(result, passwordField), FeatureOutcome.ValidationFailed);

    /// <summary>Identity's Chinese errors, each next to the field it is about.</summary>
    public static CommandResult FromIdentity(IdentityResult result, string passwordField, string userNameField = "UserName")
    {
        var errors = result.Errors
            .GroupBy(e => e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) && e.Code != nameof(IdentityErrorDescriber.PasswordMismatch) => passwordField,
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => userNameField,
                _ => string.Empty,
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        var message = errors.TryGetValue(string.Empty, out var general) ? string.Join(" ", general) : "提交的数据有误，请根据各字段的提示修改。";
        return CommandResult.Failure(message, errors);
    }

    /// <summary>
    /// Checks that the scope names communities and an enterprise that exist. Whether a role needs
    /// a scope at all is the validator's business.
    /// </summary>
    public static async Task<FeatureOutcome?> CheckScopeAsync(PortalDbContext db, IReadOnlyCollection<Guid> communityIds, Guid? enterpriseId, string communitiesField, string enterpriseField)
    {
        if (communityIds.Count > 0)
        {
            var distinct = communityIds.Distinct().ToList();
            var found = await db.Communities.CountAsync(c => distinct.Contains(c.Id));
            if (found != distinct.Count)
            {
                return FeatureOutcome.Field(communitiesField, "所选社区中有不存在的社区，请重新选择。");
            }
        }

        if (enterpriseId is { } id && !await db.Enterprises.AnyAsync(e => e.Id == id))
        {
            return FeatureOutcome.Field(enterpriseField, "所选企业不存在，请重新选择。");
        }

        return null;
    }

    /// <summary>Makes the user's community scope exactly <paramref name="communityIds"/> (changes are saved by the next save).</summary>
    public static async Task<bool> ReplaceCommunitiesAsync(PortalDbContext db, string userId, IReadOnlyCollection<Guid> communityIds)
    {
        var wanted = communityIds.ToHashSet();
        var current = await db.UserCommunityScopes.Where(s => s.UserId == userId).ToListAsync();
        var removed = current.Where(s => !wanted.Contains(s.CommunityId)).ToList();
        var added = wanted.Where(id => current.All(s => s.CommunityId != id)).ToList();
        db.UserCommunityScopes.RemoveRange(removed);
        db.UserCommunityScopes.AddRange(added.Select(id => new UserCommunityScope { UserId = userId, CommunityId = id }));
        return removed.Count > 0 || added.Count > 0;
    }
}

using System.Security.Claims;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Infrastructure.Security;

internal static class IdentitySetup
{
    public const string LoginPath = "/account/login";

    /// <summary>
    /// ASP.NET Core Identity in the portal database with the bureau's password rules (at least 10
    /// characters mixing upper case, lower case and digits), sign-in throttling and lockout
    /// (<see cref="SignInThrottle"/>) and server-side sessions (<see cref="SessionCheck"/>).
    /// </summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var sessions = PortalSessionOptions.From(configuration);
        var throttle = SignInThrottleOptions.From(configuration);
        services.AddSingleton(sessions);
        services.AddSingleton(throttle);
        services.AddSingleton<SessionCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddScoped<LoginFlow>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Data.Auditing.IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingSessionStateProvider>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                // The sign-in throttle counts failures and sets LockoutEnd itself (LoginFlow
                // never lets Identity count); the options say the same, for anything that reads them.
                options.Lockout.MaxFailedAccessAttempts = throttle.AccountFailures;
                options.Lockout.DefaultLockoutTimeSpan = throttle.AccountLockout;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            // Name, Secure, HttpOnly and SameSite: PortalCookies, per environment.
            options.ExpireTimeSpan = sessions.IdleTimeout;
            options.SlidingExpiration = true;

            // Instead of Identity's security-stamp validator (six queries whenever its interval
            // has passed): the server-side session, cached per user (SessionCheck).
            options.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;

            // API clients get status codes, not redirects to the login page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            return ApiProblems.Write(context.HttpContext, status);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Refuses sign-in to disabled users, with or without a correct password; starts a server-side
/// session (<see cref="UserSession"/>) with every sign-in and ends it with the sign-out.
/// </summary>
public sealed class PortalSignInManager : SignInManager<PortalUser>
{
    private readonly PortalDbContext _db;
    private readonly TimeProvider _time;
    private readonly PortalSessionOptions _sessions;

    public PortalSignInManager(
        UserManager<PortalUser> userManager,
        IHttpContextAccessor contextAccessor,
        IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
        IOptions<IdentityOptions> optionsAccessor,
        ILogger<SignInManager<PortalUser>> logger,
        IAuthenticationSchemeProvider schemes,
        IUserConfirmation<PortalUser> confirmation,
        PortalDbContext db,
        TimeProvider time,
        PortalSessionOptions sessions)
        : base(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
    {
        _db = db;
        _time = time;
        _sessions = sessions;
    }

    public override async Task<bool> CanSignInAsync(PortalUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Every sign-in (page, API) comes here: the session is saved before its cookie is issued.</summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = UserSession.Start(user.Id, _time.GetUtcNow(), _sessions.AbsoluteLifetime);
        _db.UserSessions.Add(session);
        await _db.SaveChangesAsync();
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(PortalClaimTypes.Session, session.Id.ToString())]);
    }

    /// <summary>Ends this session only: the user's other devices stay signed in.</summary>
    public override async Task SignOutAsync()
    {
        if (SessionCheck.SessionId(Context.User) is { } id && await _db.UserSessions.SingleOrDefaultAsync(s => s.Id == id) is { } session)
        {
            session.End(_time.GetUtcNow(), SessionEndReason.SignedOut);
            await _db.SaveChangesAsync();
        }

        await base.SignOutAsync();
    }
}

/// <summary>Adds display name, community scope and enterprise to the signed-in principal.</summary>
public sealed class PortalClaimsPrincipalFactory : UserClaimsPrincipalFactory<PortalUser, IdentityRole>
{
    private readonly PortalDbContext _db;

    public PortalClaimsPrincipalFactory(UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options, PortalDbContext db)
        : base(userManager, roleManager, options)
    {
        _db = db;
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaimTypes.DisplayName, user.DisplayName));
        var communities = await _db.UserCommunityScopes.AsNoTracking()
            .Where(s => s.UserId == user.Id)
            .Select(s => s.CommunityId)
            .ToListAsync();
        foreach (var community in communities)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.Community, community.ToString()));
        }

        if (user.EnterpriseId is { } enterprise)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.Enterprise, enterprise.ToString()));
        }

        if (user.TrainingInstitutionId is { } institution)
        {
            identity.AddClaim(new Claim(PortalClaimTypes.TrainingInstitution, institution.ToString()));
        }

        return identity;
    }
}

/// <summary>
/// An open page (Blazor circuit) asks <see cref="SessionCheck"/> about its session every
/// <see cref="PortalSessionOptions.CircuitRevalidationInterval"/>: a session that was signed out,
/// ended by a change to the account or past its absolute lifetime turns the page's user anonymous,
/// and the router sends them to the login page.
/// </summary>
internal sealed class RevalidatingSessionStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly SessionCheck _sessions;
    private readonly PortalSessionOptions _options;

    public RevalidatingSessionStateProvider(ILoggerFactory loggerFactory, SessionCheck sessions, PortalSessionOptions options)
        : base(loggerFactory)
    {
        _sessions = sessions;
        _options = options;
    }

    protected override TimeSpan RevalidationInterval => _options.CircuitRevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated != true || await _sessions.IsOpenAsync(authenticationState.User, cancellationToken);
}

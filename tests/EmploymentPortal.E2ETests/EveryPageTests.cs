using System.Collections.Concurrent;
using System.Security.Claims;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// Every page of the portal, in every role that may open it, at a laptop's and a phone's size
/// (<see cref="PortalPageTest.LaptopAndPhone"/>): no horizontal scroll and no serious or critical
/// axe finding (issue 15). The pages are the portal's own Razor component endpoints, so a new
/// page is checked without being listed here; who may open one is decided by the portal's own
/// authorization policies for each demo user's principal, so this test does not keep a second
/// copy of the authorization contract (AuthorizationMatrixTests is that contract).
/// </summary>
[Collection(EveryPageCollection.Name)]
public sealed class EveryPageTests(PortalFixture portal) : PortalPageTest(portal)
{
    /// <summary>One demo user per role, and the anonymous visitor.</summary>
    private static readonly string[] CheckedUsers = ["anonymous", "station1", "enterprise1", "officer1", "admin"];

    /// <summary>Every routable page of the portal (its components' <see cref="RouteAttribute"/>s).</summary>
    private static readonly List<string> RouteTemplates = typeof(EmploymentPortal.Web.Components.App).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes(typeof(RouteAttribute), inherit: false).Cast<RouteAttribute>())
        .Select(r => r.Template)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static TheoryData<string> Routes => new(RouteTemplates);

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_page_fits_a_laptop_and_a_phone_and_passes_axe_for_every_user_who_may_open_it(string route)
    {
        var users = new List<string?>();
        foreach (var user in CheckedUsers)
        {
            var userName = user == "anonymous" ? null : user;
            if (await MayOpenAsync(await PrincipalAsync(userName), route))
            {
                users.Add(userName);
            }
        }

        Assert.True(users.Count > 0, $"No checked user may open {route}.");
        foreach (var userName in users)
        {
            var url = await SampleUrlAsync(route, userName);
            Assert.True(url is not null, $"No sample for {route} as {userName ?? "anonymous"}: add one to {nameof(SampleUrlAsync)}.");
            await RunAsync(async () =>
            {
                await Page.SetViewportSizeAsync(LaptopAndPhone[0].Width, LaptopAndPhone[0].Height);
                await SignInAsync(userName);
                await Page.GotoAsync(url);
                if (userName is not null && new Uri(Page.Url).AbsolutePath == "/account/login")
                {
                    // The kept session ended (another test may end sessions): sign in afresh.
                    SignedIn.TryRemove(userName, out _);
                    await SignInAsync(userName);
                    await Page.GotoAsync(url);
                }

                if (route != "/account/access-denied")
                {
                    Assert.DoesNotContain("/account/access-denied", Page.Url, StringComparison.OrdinalIgnoreCase);
                }

                await Expect(Page.Locator("h1").First).ToBeVisibleAsync();
                if (await Page.Locator("[data-interactive]").CountAsync() > 0)
                {
                    await WaitForCircuitAsync();
                }

                await SettledAsync();
                await AssertFitsAndAccessibleAsync(Page.Locator("h1").First);
            }, userName ?? "anonymous");
        }
    }

    /// <summary>The cookies of each user's sign-in, kept for the next page so that each page does not sign in again.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<BrowserContextCookiesResult>> SignedIn = new();

    private async Task SignInAsync(string? userName)
    {
        await Page.Context.ClearCookiesAsync();
        if (userName is null)
        {
            return;
        }

        if (SignedIn.TryGetValue(userName, out var cookies))
        {
            await Page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
                HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
            return;
        }

        await LogInAsync(userName);
        SignedIn[userName] = await Page.Context.CookiesAsync();
    }

    /// <summary>The routes found above are the portal's page endpoints, and each is open to one of the checked users.</summary>
    [Fact]
    public async Task The_checked_routes_are_the_portals_pages_and_each_is_open_to_a_checked_user()
    {
        var endpoints = PageEndpoints().Select(e => e.RoutePattern.RawText!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(endpoints, RouteTemplates);
        foreach (var route in endpoints)
        {
            var open = false;
            foreach (var user in CheckedUsers)
            {
                open |= await MayOpenAsync(await PrincipalAsync(user == "anonymous" ? null : user), route);
            }

            Assert.True(open, $"No checked user may open {route}.");
        }
    }

    /// <summary>The portal's pages: Razor component endpoints answering GET.</summary>
    private IEnumerable<RouteEndpoint> PageEndpoints() =>
        Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) ?? true)
            .DistinctBy(e => e.RoutePattern.RawText);

    /// <summary>
    /// Whether <paramref name="principal"/> may open <paramref name="route"/>, decided as the
    /// authorization middleware decides: the endpoint's authorize data combined into a policy, the
    /// fallback policy when it names none, nothing needed when it allows anonymous users.
    /// Signed-in users skip the account pages (sign-in, registration): the anonymous visitor
    /// covers those.
    /// </summary>
    private async Task<bool> MayOpenAsync(ClaimsPrincipal principal, string route)
    {
        if (principal.Identity?.IsAuthenticated == true && route.StartsWith("/account/", StringComparison.Ordinal))
        {
            return false;
        }

        var endpoint = PageEndpoints().Single(e => e.RoutePattern.RawText == route);
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var policies = Portal.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        return policy is null || (await Portal.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, policy)).Succeeded;
    }

    /// <summary>The principal the portal builds for <paramref name="userName"/> at sign-in (anonymous when null).</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string? userName)
    {
        if (userName is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo user {userName}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
    }

    /// <summary>
    /// The URL to open for <paramref name="route"/> as <paramref name="userName"/>: the route
    /// itself, or, for a route with an id, a record of the demo city within the user's scope
    /// (null when there is none: the test then names the route to add here).
    /// </summary>
    private async Task<string?> SampleUrlAsync(string route, string? userName)
    {
        if (!route.Contains('{', StringComparison.Ordinal))
        {
            return route;
        }

        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var user = userName is null ? null : await db.Users.AsNoTracking().Include(u => u.CommunityScopes).SingleAsync(u => u.UserName == userName);
        var communities = user?.CommunityScopes.Select(s => s.CommunityId).ToList() ?? [];
        var stationScoped = communities.Count > 0;
        var today = scope.ServiceProvider.GetRequiredService<PortalCalendar>().Today;

        Guid? id = route switch
        {
            "/residents/{Id:guid}" or "/residents/{Id:guid}/recommendations" or "/residents/{Id:guid}/card" => await db.Residents.AsNoTracking()
                .Where(r => !stationScoped || communities.Contains(r.CommunityId))
                .OrderBy(r => r.Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(),
            "/households/{Id:guid}" => await db.Households.AsNoTracking()
                .Where(h => !stationScoped || communities.Contains(h.CommunityId))
                .OrderBy(h => h.Id).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(),
            "/circles/communities/{Id:guid}" => await db.Communities.AsNoTracking()
                .Where(c => !stationScoped || communities.Contains(c.Id))
                .OrderBy(c => c.Name).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
            "/claims/{Id:guid}" or "/claims/{Id:guid}/print" => await db.Claims.AsNoTracking()
                .Where(c => user == null || user.EnterpriseId == null || c.EnterpriseId == user.EnterpriseId)
                .Where(c => !stationScoped || (c.EnterpriseId == null && communities.Contains(c.CommunityId)))
                .OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
            "/bureau/payment-batches/{Id:guid}/print" => await db.PaymentBatches.AsNoTracking()
                .OrderBy(b => b.Id).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(),
            "/bureau/loans/{Id:guid}" => await db.GuaranteedLoans.AsNoTracking()
                .OrderBy(l => l.Id).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(),
            "/training/classes/{Id:guid}" => await db.TrainingClasses.AsNoTracking()
                .Where(c => c.Status != EmploymentPortal.Domain.Training.TrainingClassStatus.Draft)
                .OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
            "/jobs/{Id:guid}" => await db.Vacancies.AsNoTracking()
                .Where(v => v.Status == VacancyStatus.Published && v.ValidUntil >= today)
                .OrderBy(v => v.Id).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(),
            _ => null,
        };
        return id is { } value ? route.Replace("{Id:guid}", value.ToString(), StringComparison.Ordinal) : null;
    }

    /// <summary>Waits until no grid or list on the page still shows its loading state.</summary>
    private async Task SettledAsync()
    {
        await Page.WaitForFunctionAsync("() => document.querySelector('.mud-table-loading, [aria-busy=true]') === null");
    }
}

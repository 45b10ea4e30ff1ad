using EmploymentPortal.Testing;
using System.Net;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The reported attack (issue 13, point 5): a page served from another port of the portal's host
/// is the same site, so chromium sends it the signed-in user's SameSite=Lax cookie. Its script
/// must not be able to change anything in the portal, nor open the Blazor circuit's WebSocket.
/// The page is served by a second Kestrel server of the test on another loopback port.
/// </summary>
public sealed class CrossOriginWriteTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task A_page_on_another_port_cannot_accept_a_resident_transfer_with_the_holders_cookie()
    {
        const string Script = "url => fetch(url, { method: 'POST', credentials: 'include', mode: 'no-cors' }).then(() => 'sent')";

        await RunAsync(async () =>
        {
            var transferId = await PendingTransferAsync();
            var acceptUrl = new Uri(Portal.BaseAddress, $"/api/v1/resident-transfers/{transferId}/accept").ToString();
            await LogInAsync("station1");
            await using var foreign = await ForeignSite.StartAsync();
            var attacker = await Page.Context.NewPageAsync();
            await attacker.GotoAsync(foreign.Address.ToString());
            var forged = await attacker.RunAndWaitForResponseAsync(() => attacker.EvaluateAsync<string>(Script, acceptUrl), acceptUrl);

            Assert.NotEqual(Portal.BaseAddress.Port, foreign.Address.Port);
            Assert.Equal(403, forged.Status);
            Assert.Equal(TransferRequestStatus.Pending, await TransferStatusAsync(transferId));

            // The same request from the portal's own page goes through: the refusal was its origin.
            await Page.GotoAsync("/residents/transfers");
            var own = await Page.RunAndWaitForResponseAsync(() => Page.EvaluateAsync<string>(Script, acceptUrl), acceptUrl);
            Assert.Equal(200, own.Status);
            Assert.Equal(TransferRequestStatus.Accepted, await TransferStatusAsync(transferId));
        });
    }

    [Fact]
    public async Task A_page_on_another_port_cannot_open_the_circuits_WebSocket_with_the_users_cookie()
    {
        var socketUrl = new UriBuilder(Portal.BaseAddress) { Scheme = "ws", Path = "/_blazor" }.Uri.ToString();
        const string Script = """
            url => new Promise(resolve => {
                const socket = new WebSocket(url);
                socket.onopen = () => { socket.close(); resolve('open'); };
                socket.onerror = () => resolve('refused');
            })
            """;

        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await using var foreign = await ForeignSite.StartAsync();
            var attacker = await Page.Context.NewPageAsync();
            await attacker.GotoAsync(foreign.Address.ToString());

            var fromForeign = await attacker.EvaluateAsync<string>(Script, socketUrl);

            Assert.Equal("refused", fromForeign);
            await Page.GotoAsync("/");
            await WaitForCircuitAsync();
        });
    }

    /// <summary>station2 asks station1 (who holds the record at 东湖社区) for a resident's record.</summary>
    private async Task<Guid> PendingTransferAsync()
    {
        var idNumber = TestData.IdNumber(new DateOnly(1985, 5, 15), Sex.Female);
        var donghu = await QueryAsync(db => db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync());
        var xishan = await QueryAsync(db => db.Communities.Where(c => c.Name == "西山社区").Select(c => c.Id).SingleAsync());

        await LogInAsync("station1");
        var created = await PostJsonAsync("/api/v1/residents/", new { name = TestData.Name("跨源测试"), idNumber, phone = "13912345678", communityId = donghu });
        Assert.Equal(201, created.Status);
        await Page.Context.ClearCookiesAsync();
        await LogInAsync("station2");
        var requested = await PostJsonAsync("/api/v1/resident-transfers/", new { idNumber, toCommunityId = xishan, reason = "本人已迁入西山社区" });
        Assert.Equal(201, requested.Status);
        await Page.Context.ClearCookiesAsync();
        return System.Text.Json.JsonDocument.Parse(await requested.TextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private Task<TransferRequestStatus> TransferStatusAsync(Guid id) =>
        QueryAsync(db => db.ResidentTransferRequests.Where(t => t.Id == id).Select(t => t.Status).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Another site on the portal's host: a blank page on a free loopback port.</summary>
    private sealed class ForeignSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ForeignSite(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ForeignSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapGet("/", () => Results.Content("<!DOCTYPE html><html><head><title>别的网站</title></head><body>另一个端口上的页面</body></html>", "text/html; charset=utf-8"));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            return new ForeignSite(app, new Uri(address));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

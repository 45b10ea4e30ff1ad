using EmploymentPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>An administrator verifies the audit chain on the audit page, as <c>verify-audit</c> does.</summary>
public sealed class AuditLogTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Administrator_sees_the_chain_anchored_and_then_the_changed_row()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("admin");
            await Page.GotoAsync("/admin/audit");
            await WaitForCircuitAsync();
            await Expect(Page.GetByTestId("audit-grid").GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();

            await Page.GetByTestId("verify-chain").ClickAsync();
            var result = Page.GetByTestId("verify-result");
            await Expect(result).ToHaveAttributeAsync("data-verdict", "Intact");
            await Expect(result).ToContainTextAsync("审计链完整");
            await Expect(result).ToContainTextAsync("个锚点核对");

            var actor = await ExecuteAsync<string>(db => db.AuditEntries.Where(e => e.Sequence == 1).Select(e => e.ActorName).SingleAsync());
            try
            {
                await ExecuteAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = 1"));
                await Page.GetByTestId("verify-chain").ClickAsync();

                await Expect(result).ToHaveAttributeAsync("data-verdict", "Broken");
                await Expect(result).ToContainTextAsync("第 1 条审计记录的内容与其密钥哈希不符（记录被篡改）。");
                await Page.GetByTestId("jump-to-broken").ClickAsync();
                var broken = Page.GetByTestId("audit-grid").Locator("tr.audit-broken");
                await Expect(broken).ToContainTextAsync("someone-else");
                await Expect(broken).ToContainTextAsync("1");
            }
            finally
            {
                await ExecuteAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorName\" = {0} WHERE \"Sequence\" = 1", actor));
            }
        });
    }

    /// <summary>Runs a query on the portal's database, below the audit interceptor for raw SQL.</summary>
    private async Task<T> ExecuteAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}

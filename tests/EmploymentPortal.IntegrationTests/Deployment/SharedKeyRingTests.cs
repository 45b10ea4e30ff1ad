using System.Net;
using System.Net.Http.Json;
using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.IntegrationTests.Deployment;

/// <summary>
/// Issue 18, a second web node: the data-protection key ring lives in the database, so a sign-in
/// cookie issued by one node is accepted by another node on the same database (and by a node
/// started later), and the keys are stored encrypted with the portal's own key, never in the clear.
/// </summary>
public abstract class SharedKeyRingTests
{
    private readonly PortalApp _app;

    protected SharedKeyRingTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task A_cookie_issued_by_one_node_is_accepted_by_another_node_on_the_same_database()
    {
        var nodeA = _app.Factory;
        await using var nodeB = _app.Factory.With(null, null);

        var cookie = await SignInCookieAsync(nodeA, "station1");
        using var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        using var me = await onB.SendAsync(request);

        Assert.True(me.StatusCode == HttpStatusCode.OK, $"{(int)me.StatusCode}: {await me.Content.ReadAsStringAsync()}");
        Assert.Contains("station1", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same for anything else the nodes protect (antiforgery tokens, the resident list's cursors).
        var protectedOnB = nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("itest.shared-ring").Protect("东湖社区");
        Assert.Equal("东湖社区", nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("itest.shared-ring").Unprotect(protectedOnB));
    }

    [Fact]
    public async Task The_keys_are_in_the_database_encrypted_with_the_portals_key()
    {
        // Using the ring makes sure a key exists.
        _app.Factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("itest.at-rest").Protect("x");
        await using var db = _app.Database.CreateContext();

        var keys = await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("portalEncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_key_encrypted_under_a_portal_key_the_ring_does_not_hold_is_refused_not_read()
    {
        var mine = PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
        {
            [KeyPurpose.AuditChain] = [new PortalKey("a9", new byte[32])],
            [KeyPurpose.PersonalDataEncryption] = [new PortalKey("p9", Enumerable.Repeat((byte)7, 32).ToArray())],
            [KeyPurpose.PersonalDataIndex] = [new PortalKey("i9", new byte[32])],
        });
        var encrypted = new DataProtectionKeyEncryption.Encryptor(mine).Encrypt(new System.Xml.Linq.XElement("masterKey", "secret"));
        var services = new ServiceCollection().AddSingleton(mine).BuildServiceProvider();
        Assert.Equal("secret", new DataProtectionKeyEncryption.Decryptor(services).Decrypt(encrypted.EncryptedElement).Value);

        var other = new ServiceCollection().AddSingleton(PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
        {
            [KeyPurpose.AuditChain] = [new PortalKey("a9", new byte[32])],
            [KeyPurpose.PersonalDataEncryption] = [new PortalKey("p8", Enumerable.Repeat((byte)8, 32).ToArray())],
            [KeyPurpose.PersonalDataIndex] = [new PortalKey("i9", new byte[32])],
        })).BuildServiceProvider();
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => new DataProtectionKeyEncryption.Decryptor(other).Decrypt(encrypted.EncryptedElement));
    }

    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> node, string userName)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Origin", PortalAppFactory.PortalOrigin.GetLeftPart(UriPartial.Authority));
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = PortalAppFactory.DemoPassword });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }
}

[Collection(SqliteAppCollection.Name)]
public sealed class SqliteSharedKeyRingTests : SharedKeyRingTests
{
    public SqliteSharedKeyRingTests(SqlitePortalApp app)
        : base(app)
    {
    }
}

[Collection(PostgresAppCollection.Name)]
public sealed class PostgresSharedKeyRingTests : SharedKeyRingTests
{
    public PostgresSharedKeyRingTests(PostgresPortalApp app)
        : base(app)
    {
    }
}

using System.Collections.Concurrent;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace EmploymentPortal.IntegrationTests.Web;

/// <summary>Serilog's request logging: who asked for what, and nothing that names a person.</summary>
[Collection(SqliteAppCollection.Name)]
public sealed class RequestLoggingTests(SqlitePortalApp app)
{
    private const string IdNumber = "11010519491231002X";

    [Fact]
    public async Task A_request_is_logged_with_the_user_id_and_roles_but_without_its_query_string()
    {
        var sink = new CollectingSink();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink)));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var login = await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { userName = "officer1", password = PortalAppFactory.DemoPassword }));
        login.EnsureSuccessStatusCode();

        await client.GetAsync($"/api/v1/residents/?q={IdNumber}&phone=13800138000");

        // The request's event is written when the pipeline unwinds, which may be just after the
        // client has read the response.
        static bool IsTheRequest(LogEvent e) => e.Properties.TryGetValue("RequestPath", out var p) && p.ToString() == "\"/api/v1/residents/\"";
        for (var wait = 0; wait < 100 && !sink.Events.Any(IsTheRequest); wait++)
        {
            await Task.Delay(50);
        }

        var request = Assert.Single(sink.Events, IsTheRequest);
        Assert.Matches("^\"[0-9a-f-]{36}\"$", request.Properties["UserId"].ToString());
        Assert.Contains("BureauOfficer", request.Properties["UserRoles"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Events, e => Rendered(e).Contains(IdNumber, StringComparison.Ordinal) || Rendered(e).Contains("13800138000", StringComparison.Ordinal));
    }

    private static string Rendered(LogEvent e) =>
        e.RenderMessage() + string.Join(' ', e.Properties.Values.Select(v => v.ToString())) + e.Exception;

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IEnumerable<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}

using System.Text.Json;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Uploads as an API client makes them: the antiforgery request token from
/// <c>GET /api/v1/auth/antiforgery</c> (which also sets the antiforgery cookie in the client's
/// cookie jar) in the header it names.
/// </summary>
public static class AntiforgeryClient
{
    public static async Task<HttpResponseMessage> PostWithAntiforgeryAsync(this HttpClient client, string uri, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        await client.AddAntiforgeryTokenAsync(request);
        return await client.SendAsync(request);
    }

    /// <summary>Puts the antiforgery request token in <paramref name="request"/>'s header.</summary>
    public static async Task AddAntiforgeryTokenAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.GetAsync("/api/v1/auth/antiforgery");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/v1/auth/antiforgery: {(int)response.StatusCode} {body}");
        var token = JsonSerializer.Deserialize<JsonElement>(body);
        request.Headers.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
    }
}

using System.Net;
using System.Text.Json;

namespace EmploymentPortal.IntegrationTests.Errors;

/// <summary>What every error answer of the API must look like (docs/decisions/006-error-mapping.md).</summary>
internal static class ErrorAssert
{
    /// <summary>
    /// A problem (RFC 9457) with the status, the code, a Chinese title and detail; returns it.
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(IsChinese(problem.GetProperty("title").GetString()), $"title is not Chinese: {body}");
        Assert.True(IsChinese(problem.GetProperty("detail").GetString()), $"detail is not Chinese: {body}");
        return problem;
    }

    /// <summary>A 400 <c>validation-failed</c> problem; returns its field errors, each with Chinese messages.</summary>
    public static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        Assert.All(errors.Values.SelectMany(m => m), message => Assert.True(IsChinese(message), $"message is not Chinese: {message}"));
        return errors;
    }

    /// <summary>
    /// Requests of the client carry the portal's own Origin, as a browser on the portal's pages
    /// sends it, so that an origin check on cookie-authenticated writes lets them through.
    /// </summary>
    public static HttpClient WithOwnOrigin(HttpClient client)
    {
        lock (client)
        {
            if (!client.DefaultRequestHeaders.Contains("Origin"))
            {
                client.DefaultRequestHeaders.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
            }
        }

        return client;
    }

    public static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}

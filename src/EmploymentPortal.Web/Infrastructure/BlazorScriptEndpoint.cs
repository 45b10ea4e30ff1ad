using System.Reflection;
using Microsoft.Net.Http.Headers;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// Serves <c>/_framework/blazor.web.js</c> from the copy embedded at build time by
/// eng/BlazorWebJs.targets (see docs/decisions/001-blazor-web-js.md). The bytes are read once;
/// responses carry an ETag so browsers revalidate cheaply after an upgrade.
/// </summary>
internal static class BlazorScriptEndpoint
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "EmploymentPortal.Web.blazor.web.js";

    private static readonly Lazy<(byte[] Content, string ETag)> Script = new(Load);

    public static IEndpointConventionBuilder MapBlazorScript(this IEndpointRouteBuilder endpoints)
    {
        return endpoints.MapGet(Path, (HttpContext context) =>
        {
            var (content, etag) = Script.Value;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers[HeaderNames.ETag] = etag;
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            return Results.Bytes(content, "text/javascript");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static (byte[], string) Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing: the build step in eng/BlazorWebJs.targets did not run.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var content = memory.ToArray();
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))[..16] + "\"";
        return (content, etag);
    }
}

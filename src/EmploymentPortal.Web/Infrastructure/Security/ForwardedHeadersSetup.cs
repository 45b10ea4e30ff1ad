using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The portal behind a TLS-terminating reverse proxy: <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>Network:KnownProxies</c> (addresses) and <c>Network:KnownNetworks</c> (CIDR ranges), and
/// only the last hop (<c>Network:ForwardLimit</c>, default 1). Nothing is trusted by default:
/// without a configured proxy the headers are ignored, so a client cannot choose the address that
/// per-address rate limits and logs see, nor make a plain HTTP request look like HTTPS. After this
/// middleware <c>Connection.RemoteIpAddress</c> is the client's and <c>Request.Scheme</c> the one
/// the browser used; <see cref="SameOriginWrites"/> compares origins with that scheme.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = ConfigurationLists.Read(configuration, "Network:KnownProxies").Select(ParseAddress).ToList();
        var networks = ConfigurationLists.Read(configuration, "Network:KnownNetworks").Select(ParseNetwork).ToList();
        var forwardLimit = configuration.GetValue("Network:ForwardLimit", 1);
        if (forwardLimit < 1)
        {
            throw new InvalidOperationException($"Network:ForwardLimit must be 1 or more, not {forwardLimit}.");
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = forwardLimit;

            // The framework trusts loopback by default; here only what is configured counts.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>
    /// First in the pipeline. Without a configured proxy the middleware is left out altogether:
    /// with both lists empty it would believe the headers from any client.
    /// </summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0
            ? app
            : app.UseForwardedHeaders();
    }

    private static IPAddress ParseAddress(string value) =>
        IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"Network:KnownProxies: '{value}' is not an IP address.");

    private static System.Net.IPNetwork ParseNetwork(string value) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"Network:KnownNetworks: '{value}' is not a CIDR range such as 10.0.0.0/8.");
}

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// Radii of the circles (configuration section <c>Circles</c>). The three-kilometre circle of 002
/// is 3 km unless a district (by its six-digit code) sets its own; the 15-minute circle of 003
/// (十四) is a walking distance, 1.2 km by default (15 minutes at 4.8 km/h), also per district.
/// </summary>
public sealed class CircleOptions
{
    public const string Section = "Circles";

    public double RadiusKm { get; set; } = 3.0;

    public double FifteenMinuteRadiusKm { get; set; } = 1.2;

    /// <summary>Per district code: its own radii.</summary>
    public Dictionary<string, DistrictRadius> Districts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Leaflet tile URL template; empty (the default) draws the circles without a base map, offline.</summary>
    public string TileUrl { get; set; } = string.Empty;

    public string TileAttribution { get; set; } = string.Empty;

    /// <summary>
    /// The origin the tiles come from, for the content security policy's img-src: scheme and host
    /// of the URL template, a <c>{s}</c> subdomain placeholder becoming <c>*</c>
    /// (<c>https://t{s}.tianditu.gov.cn/...</c> → <c>https://*.tianditu.gov.cn</c>); null when
    /// the template is empty or no absolute http(s) URL.
    /// </summary>
    public static string? TileImageSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl))
        {
            return null;
        }

        var probe = tileUrl.Replace("{s}", "subdomain", StringComparison.Ordinal);
        var end = probe.IndexOfAny(['{', '?']);
        if (end >= 0)
        {
            probe = probe[..end];
        }

        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = uri.IdnHost;
        var prefix = host.IndexOf("subdomain", StringComparison.Ordinal);
        if (prefix >= 0)
        {
            // "tsubdomain.example.cn" → "*.example.cn"
            var dot = host.IndexOf('.', prefix);
            host = dot < 0 ? host : "*" + host[dot..];
        }

        return $"{uri.Scheme}://{host}{(uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
    }

    /// <summary>The three-kilometre radius of the community with this twelve-digit code.</summary>
    public double RadiusFor(string communityCode) =>
        communityCode.Length >= 6 && Districts.TryGetValue(communityCode[..6], out var d) && d.RadiusKm is { } r ? r : RadiusKm;

    public double FifteenMinuteRadiusFor(string communityCode) =>
        communityCode.Length >= 6 && Districts.TryGetValue(communityCode[..6], out var d) && d.FifteenMinuteRadiusKm is { } r ? r : FifteenMinuteRadiusKm;

    public sealed class DistrictRadius
    {
        public double? RadiusKm { get; set; }

        public double? FifteenMinuteRadiusKm { get; set; }
    }
}

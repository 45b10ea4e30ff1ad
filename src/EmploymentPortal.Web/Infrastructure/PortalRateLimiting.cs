using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// The anonymous enterprise sign-up (the page's POST and <c>POST /api/v1/enterprises</c>) is
/// limited per client address with ASP.NET Core's built-in rate limiter: by default 10 sign-ups
/// an hour (<c>RateLimiting:EnterpriseSignUp:PermitLimit</c>, <c>:WindowMinutes</c>), so that a
/// script cannot fill the bureau's review queue. Viewing the form is not limited. A refusal is
/// 429 with a Chinese message: problem details for the API, a short page for the form.
/// The anonymous map base layer (<c>GET /api/v1/geography/boundaries</c>, the city's GeoJSON) is
/// limited the same way, by default 120 requests a minute per address
/// (<c>RateLimiting:PublicMap:PermitLimit</c>): enough for anyone viewing maps, not for a scraper.
/// </summary>
public static class PortalRateLimiting
{
    public const string SignUpPolicyName = "enterprise-sign-up";
    public const string SignUpCode = "sign-up-rate-limited";
    public const string SignUpMessage = "企业注册提交过于频繁，请稍后再试。";
    public const string PublicMapPolicyName = "public-map";
    public const string PublicMapCode = "rate-limited";
    public const string PublicMapMessage = "地图数据请求过于频繁，请稍后再试。";

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = Math.Max(1, configuration.GetValue("RateLimiting:EnterpriseSignUp:PermitLimit", 10));
        var window = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("RateLimiting:EnterpriseSignUp:WindowMinutes", 60)));
        var mapPermits = Math.Max(1, configuration.GetValue("RateLimiting:PublicMap:PermitLimit", 120));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignUpPolicyName, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            options.AddPolicy(PublicMapPolicyName, context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = mapPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var map = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == PublicMapPolicyName;
                var fallback = map ? 1 : (int)window.TotalMinutes;
                var minutes = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalMinutes) : fallback;
                context.Response.Headers.RetryAfter = (Math.Max(1, minutes) * 60).ToString(CultureInfo.InvariantCulture);
                var detail = map
                    ? $"{PublicMapMessage}（约 {Math.Max(1, minutes)} 分钟后可再试）"
                    : $"{SignUpMessage}（约 {Math.Max(1, minutes)} 分钟后可再次提交）";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, map ? PublicMapCode : SignUpCode, "请求过于频繁", detail).ExecuteAsync(context);
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>请求过于频繁</title><body><h1>请求过于频繁</h1><p>{detail}</p><p><a href=\"/account/login\">返回登录页</a></p></body></html>",
                    cancellationToken);
            };
        });
        return services;
    }
}

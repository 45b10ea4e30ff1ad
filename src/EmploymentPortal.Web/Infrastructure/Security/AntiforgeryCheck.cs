using Microsoft.AspNetCore.Antiforgery;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// Antiforgery on a minimal API endpoint that reads its form itself (uploads) or reads none (the
/// sign-out form): the framework's middleware validates only endpoints that bind form data, so
/// these check the token here. The token comes as the form field <c>__RequestVerificationToken</c>
/// (pages) or the <see cref="PortalCookies.AntiforgeryHeader"/> header (API clients get it from
/// <c>GET /api/v1/auth/antiforgery</c>), with the antiforgery cookie beside it. A missing or wrong
/// token is 400 problem details with code <see cref="Code"/>, before the endpoint reads the body
/// any further.
/// </summary>
public static class AntiforgeryCheck
{
    public const string Code = "antiforgery-token-invalid";
    public const string Title = "请求缺少有效的防伪令牌";
    public const string Detail = "页面已过期或请求不是从本平台发出。请刷新页面后重试；接口调用请先获取防伪令牌（GET /api/v1/auth/antiforgery）并放在 X-XSRF-TOKEN 请求头中。";

    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : ApiProblems.Problem(StatusCodes.Status400BadRequest, Code, Title, Detail);
        });
}

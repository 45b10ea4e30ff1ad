using EmploymentPortal.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>
/// Problem details (RFC 9457) for every API error: a Chinese <c>title</c>/<c>detail</c> for
/// people and a stable kebab-case <c>code</c> for programs.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static ProblemHttpResult Problem(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = Create(status, code, title, detail);
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>400 with field errors (<c>errors</c>: field → messages), like validation problem details.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string? detail = null)
    {
        return Problem(StatusCodes.Status400BadRequest, "validation-failed", "提交的数据有误", detail ?? "请根据各字段的提示修改后重新提交。", new Dictionary<string, object?> { ["errors"] = errors });
    }

    public static ProblemHttpResult NotFound(string what = "记录") =>
        Problem(StatusCodes.Status404NotFound, "not-found", "未找到", $"{what}不存在，或您无权查看。");

    public static ProblemHttpResult FromDomain(DomainException exception, int status = StatusCodes.Status422UnprocessableEntity) =>
        Problem(status, exception.Code, "操作未能完成", exception.Message);

    /// <summary>Standard texts for statuses the framework produces by itself.</summary>
    public static (string Code, string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad-request", "请求无效", "请求的格式不正确。"),
        StatusCodes.Status401Unauthorized => ("unauthenticated", "未登录", "请先登录后再访问。"),
        StatusCodes.Status403Forbidden => ("forbidden", "无权访问", "您的账号没有执行此操作的权限。"),
        StatusCodes.Status404NotFound => ("not-found", "未找到", "请求的资源不存在。"),
        StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "不支持的请求方法", "该地址不支持此请求方法。"),
        StatusCodes.Status409Conflict => ("conflict", "数据冲突", "数据已被他人修改或已存在，请刷新后重试。"),
        StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "不支持的内容类型", "请以 application/json 提交数据。"),
        StatusCodes.Status429TooManyRequests => ("too-many-requests", "请求过于频繁", "请稍后再试。"),
        >= 500 => ("server-error", "服务器内部错误", "服务器处理请求时出错，请稍后重试；问题持续时请联系系统管理员。"),
        _ => ("error", "请求失败", "请求未能完成。"),
    };

    /// <summary>Writes a problem response directly (authentication events, status-code pages).</summary>
    public static Task Write(HttpContext context, int status)
    {
        var (code, title, detail) = Describe(status);
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsJsonAsync(Create(status, code, title, detail), options: null, contentType: ContentType);
    }

    private static ProblemDetails Create(int status, string code, string title, string? detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://employment-portal.local/problems/{code}",
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>
    /// API errors that no endpoint handled (unknown routes, 405, unhandled exceptions) still
    /// answer with problem details; page requests keep the HTML error page.
    /// </summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                if (error is DomainException domain && context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    await FromDomain(domain).ExecuteAsync(context);
                    return;
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Write(context, StatusCodes.Status500InternalServerError);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>系统错误</title><body><h1>系统错误</h1><p>服务器处理请求时出错，请稍后重试；问题持续时请联系系统管理员。</p><p><a href=\"/\">返回首页</a></p></body></html>");
            },
        });
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            if (context.Request.Path.StartsWithSegments("/api") && !context.Response.HasStarted && context.Response.ContentLength is null)
            {
                await Write(context, context.Response.StatusCode);
            }
        });
        return app;
    }
}

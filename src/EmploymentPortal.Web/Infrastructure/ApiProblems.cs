using EmploymentPortal.Data;
using EmploymentPortal.Web.Infrastructure.Validation;
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

    /// <summary>
    /// 400 with field errors (<c>errors</c>: field → messages), like validation problem details.
    /// Field names are written as the JSON body spells them: camelCase, for each segment of a
    /// path (<c>Address.Street</c> → <c>address.street</c>).
    /// </summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
    {
        return Problem(StatusCodes.Status400BadRequest, FeatureOutcome.ValidationFailed, "提交的数据有误", detail ?? "请根据各字段的提示修改后重新提交。", new Dictionary<string, object?> { ["errors"] = CamelCase(errors) });
    }

    /// <summary>
    /// The answer to a failed <see cref="FeatureOutcome"/>, by its <see cref="OutcomeKind"/>
    /// (docs/decisions/007-command-pipeline.md): invalid 400 with camelCase field errors,
    /// not-found 404, forbidden 403, conflict 409, a rule's refusal 422; the code is the outcome's.
    /// The outcome's <see cref="FeatureOutcome.Values"/> become members of the problem beside
    /// <c>errors</c> (the conditions a registration failed, the way to a transfer).
    /// </summary>
    public static ProblemHttpResult For(FeatureOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var problem = outcome.Kind switch
        {
            OutcomeKind.Invalid when outcome.Code == FeatureOutcome.ValidationFailed => Validation(outcome.Result.Errors, outcome.Result.Message),
            _ => Problem(StatusOf(outcome.Kind), outcome.Code, TitleOf(outcome.Kind), outcome.Result.Message, outcome.Result.Errors.Count > 0 ? new Dictionary<string, object?> { ["errors"] = CamelCase(outcome.Result.Errors) } : null),
        };
        foreach (var (name, value) in outcome.Values)
        {
            problem.ProblemDetails.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>The status of each kind of outcome (the table of ADR 007).</summary>
    public static int StatusOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static string TitleOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Invalid => "提交的数据有误",
        OutcomeKind.NotFound => "未找到",
        OutcomeKind.Forbidden => "无权操作",
        OutcomeKind.Conflict => "数据冲突",
        _ => "操作未能完成",
    };

    /// <summary>Field names as the JSON body spells them: each segment of a property path camelCase.</summary>
    public static Dictionary<string, string[]> CamelCase(IReadOnlyDictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, messages) in errors)
        {
            var name = CamelCase(key);
            result[name] = result.TryGetValue(name, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        return result;
    }

    /// <summary><c>Items[0].Name</c> → <c>items[0].name</c>.</summary>
    public static string CamelCase(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    public static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    public static ProblemHttpResult NotFound(string what = "记录") =>
        Problem(StatusCodes.Status404NotFound, "not-found", "未找到", $"{what}不存在，或您无权查看。");

    /// <summary>Standard texts for statuses the framework produces by itself.</summary>
    public static (string Code, string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("bad-request", "请求无效", "请求的格式不正确。"),
        StatusCodes.Status401Unauthorized => ("unauthenticated", "未登录", "请先登录后再访问。"),
        StatusCodes.Status403Forbidden => ("forbidden", "无权访问", "您的账号没有执行此操作的权限。"),
        StatusCodes.Status404NotFound => ("not-found", "未找到", "请求的资源不存在。"),
        StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "不支持的请求方法", "该地址不支持此请求方法。"),
        StatusCodes.Status409Conflict => ("conflict", "数据冲突", "数据已被他人修改或已存在，请刷新后重试。"),
        StatusCodes.Status413PayloadTooLarge => ("request-too-large", "提交的内容过大", "请求内容超过上限，请压缩或拆分后重新提交。"),
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
    /// Writes an <see cref="ErrorAnswer"/>: problem details for API requests, a Chinese error
    /// page for page requests; never a stack trace, in any environment.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, ErrorAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problem = Create(answer.Status, answer.Code, answer.Title, answer.Detail);
            if (answer.Errors is not null)
            {
                problem.Extensions["errors"] = answer.Errors;
            }

            await TypedResults.Problem(problem).ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var title = System.Net.WebUtility.HtmlEncode(answer.Title);
        var detail = System.Net.WebUtility.HtmlEncode(answer.Detail);
        await context.Response.WriteAsync($"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>{title}</title><body><h1>{title}</h1><p>{detail}</p><p><a href=\"/\">返回首页</a></p></body></html>");
    }

    /// <summary>
    /// Every error that no endpoint handled (unknown routes, 405, bad input the framework could
    /// not bind, oversize bodies, an unavailable database, unhandled exceptions) goes through
    /// <see cref="ErrorMapping"/>, whatever the environment: minimal APIs throw their binding
    /// failures everywhere (<see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) so that the
    /// answer names the field.
    /// </summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <inheritdoc cref="AddApiProblems"/>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<RequestLimits>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("EmploymentPortal.Errors");
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var answer = error is null ? ErrorMapping.Standard(StatusCodes.Status500InternalServerError) : ErrorMapping.Map(error, limits.MaxRequestBodyBytes);
                if (answer.Status == StatusCodes.Status503ServiceUnavailable)
                {
                    logger.LogWarning(error, "Database unavailable: {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
                }

                return WriteAsync(context, answer);
            },

            // The middleware logs every exception as an error; bad input and a database that
            // is restarting are not errors of the portal (logged above or not at all), nor is a
            // rule's refusal that a query let through (ADR 007).
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or EmploymentPortal.Domain.Common.DomainException || (context.Exception is InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException && ErrorMapping.Map(context.Exception, 0).Status < 500) || DatabaseAvailability.IsUnavailable(context.Exception),
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

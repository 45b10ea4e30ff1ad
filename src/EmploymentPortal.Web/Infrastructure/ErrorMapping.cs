using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure;

/// <summary>What an error is answered with: status, stable code, Chinese title and detail, field errors, Retry-After.</summary>
public sealed record ErrorAnswer(int Status, string Code, string Title, string Detail, IDictionary<string, string[]>? Errors = null, TimeSpan? RetryAfter = null);

/// <summary>
/// The one mapping from an exception that no handler caught to the answer
/// (docs/decisions/006-error-mapping.md), the same in every environment: what the client sent
/// wrong is a 400 or 413 naming the field or the limit, a database that cannot be reached is a
/// 503 with Retry-After, a domain rule a 422, a concurrent change a 409, anything else a 500
/// that tells nothing of the code.
/// </summary>
public static partial class ErrorMapping
{
    /// <summary>How long a client should wait before retrying while the database is unavailable.</summary>
    public static readonly TimeSpan DatabaseRetryAfter = TimeSpan.FromSeconds(10);

    public static ErrorAnswer Map(Exception exception, long maxRequestBodyBytes)
    {
        if (DatabaseAvailability.IsUnavailable(exception))
        {
            return new(StatusCodes.Status503ServiceUnavailable, "database-unavailable", "服务暂时不可用",
                $"数据库暂时无法访问，请约 {DatabaseRetryAfter.TotalSeconds:0} 秒后重试；问题持续时请联系系统管理员。", RetryAfter: DatabaseRetryAfter);
        }

        return exception switch
        {
            BadHttpRequestException bad => FromBadRequest(bad, maxRequestBodyBytes),
            InvalidDataException form when IsFormReading(form) => FromFormReading(form, maxRequestBodyBytes),
            // The antiforgery check reads the form first (uploads): a form it cannot read is bad input.
            AntiforgeryValidationException { InnerException: InvalidDataException form } when IsFormReading(form) => FromFormReading(form, maxRequestBodyBytes),
            DomainException domain => FromOutcome(FeatureOutcome.FromDomain(domain)),
            DbUpdateConcurrencyException => Standard(StatusCodes.Status409Conflict),
            _ => Standard(StatusCodes.Status500InternalServerError),
        };
    }

    /// <summary>A refusal that escaped every handler, answered as the pipeline answers it (ADR 007).</summary>
    private static ErrorAnswer FromOutcome(FeatureOutcome outcome) =>
        new(ApiProblems.StatusOf(outcome.Kind), outcome.Code, ApiProblems.TitleOf(outcome.Kind), outcome.Result.Message,
            outcome.Result.Errors.Count > 0 ? ApiProblems.CamelCase(outcome.Result.Errors) : null);

    /// <summary>The standard answer of a status (<see cref="ApiProblems.Describe"/>).</summary>
    public static ErrorAnswer Standard(int status)
    {
        var (code, title, detail) = ApiProblems.Describe(status);
        return new(status, code, title, detail);
    }

    public static ErrorAnswer TooLarge(long maxRequestBodyBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "request-too-large", "提交的内容过大",
            $"请求内容超过 {Megabytes(maxRequestBodyBytes)} 的上限，请压缩或拆分后重新提交。");

    /// <summary>"50 MB" for 52,428,800 bytes.</summary>
    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    /// <summary>
    /// Minimal APIs throw <see cref="BadHttpRequestException"/> for what they cannot bind (with
    /// <c>RouteHandlerOptions.ThrowOnBadRequest</c>, set in every environment), Kestrel for a
    /// body over its limit.
    /// </summary>
    private static ErrorAnswer FromBadRequest(BadHttpRequestException exception, long maxRequestBodyBytes)
    {
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(maxRequestBodyBytes);
        }

        if (exception.InnerException is JsonException json)
        {
            return FromJson(json);
        }

        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Standard(exception.StatusCode);
        }

        if (BindFailure().Match(exception.Message) is { Success: true } bind)
        {
            return Fields(bind.Groups["name"].Value, TypeHint(bind.Groups["type"].Value));
        }

        if (RequiredMissing().Match(exception.Message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? InvalidJson("请求正文为空，请以 JSON 提交数据。")
                : Fields(required.Groups["name"].Value, "缺少必填参数。");
        }

        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return InvalidJson("请求正文为空，请以 JSON 提交数据。");
        }

        return Standard(StatusCodes.Status400BadRequest);
    }

    private static ErrorAnswer FromJson(JsonException exception)
    {
        // The reader's own failure: the text is not JSON at all.
        if (exception.InnerException?.GetType().Name == "JsonReaderException" || exception.Path is null)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? $"（第 {line + 1} 行第 {position + 1} 个字节附近）"
                : string.Empty;
            return InvalidJson($"请求正文不是有效的 JSON{where}，请检查括号、引号和逗号。");
        }

        var field = exception.Path.StartsWith("$.", StringComparison.Ordinal) ? exception.Path[2..] : exception.Path.TrimStart('$');
        if (MissingRequired().Match(exception.Message) is { Success: true } missing)
        {
            var names = missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => Join(field, n.Trim('\'')));
            return new(StatusCodes.Status400BadRequest, "validation-failed", "提交的数据有误", "请根据各字段的提示修改后重新提交。",
                names.ToDictionary(n => n, _ => new[] { "缺少必填字段。" }));
        }

        string message;
        if (ApiProblems.IsChinese(exception.Message))
        {
            message = exception.Message;
        }
        else if (exception.Message.Contains("null", StringComparison.Ordinal))
        {
            message = "不能为 null。";
        }
        else
        {
            message = ConvertedTo().Match(exception.Message) is { Success: true } target ? TypeHint(target.Groups["type"].Value) : "取值的类型或格式不正确。";
        }

        return Fields(field, message);
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    private static ErrorAnswer InvalidJson(string detail) =>
        new(StatusCodes.Status400BadRequest, "invalid-json", "请求正文无法解析", detail);

    private static ErrorAnswer Fields(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "validation-failed", "提交的数据有误", "请根据各字段的提示修改后重新提交。",
            new Dictionary<string, string[]> { [ApiProblems.CamelCase(field)] = [message] });

    /// <summary>What a value of the named .NET type should look like, in Chinese.</summary>
    private static string TypeHint(string typeName)
    {
        var name = (NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName).TrimEnd('?');
        if (FindEnum(name) is { } enumType)
        {
            return $"取值无效，可选值：{string.Join("、", Enum.GetNames(enumType))}。";
        }

        return name switch
        {
            _ when name.EndsWith("Guid", StringComparison.Ordinal) => "应为 GUID，如 3fa85f64-5717-4562-b3fc-2c963f66afa6。",
            _ when name.EndsWith("DateOnly", StringComparison.Ordinal) => "应为日期，格式 yyyy-MM-dd。",
            _ when name.EndsWith("DateTime", StringComparison.Ordinal) || name.EndsWith("DateTimeOffset", StringComparison.Ordinal) => "应为 ISO 8601 格式的时间，如 2025-03-01T09:30:00+08:00。",
            _ when name.EndsWith("Boolean", StringComparison.Ordinal) || name == "bool" => "应为 true 或 false。",
            _ when name.EndsWith("Int32", StringComparison.Ordinal) || name.EndsWith("Int64", StringComparison.Ordinal) || name.EndsWith("Int16", StringComparison.Ordinal)
                || name is "int" or "long" or "short" => "应为整数。",
            _ when name.EndsWith("Decimal", StringComparison.Ordinal) || name.EndsWith("Double", StringComparison.Ordinal) || name.EndsWith("Single", StringComparison.Ordinal)
                || name is "decimal" or "double" or "float" => "应为数字。",
            _ when name.EndsWith("String", StringComparison.Ordinal) || name == "string" => "应为文本。",
            _ when name.Contains('`', StringComparison.Ordinal) || name.EndsWith("[]", StringComparison.Ordinal) => "应为数组或对象，请查看接口文档中的格式。",
            _ => "取值的类型或格式不正确。",
        };
    }

    /// <summary>An enum of the portal by full name (JSON errors) or by its own name (binding errors).</summary>
    private static Type? FindEnum(string name) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("EmploymentPortal", StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .FirstOrDefault(t => t.IsEnum && (t.FullName == name || t.Name == name));

    private static bool IsFormReading(InvalidDataException exception) =>
        exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
        || exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);

    private static ErrorAnswer FromFormReading(InvalidDataException exception, long maxRequestBodyBytes) =>
        exception.Message.Contains("exceeded", StringComparison.OrdinalIgnoreCase) && exception.Message.Contains("body length", StringComparison.OrdinalIgnoreCase)
            ? TooLarge(maxRequestBodyBytes)
            : new(StatusCodes.Status400BadRequest, "invalid-form", "表单内容无法解析", "提交的表单格式不正确或字段过多、过长，请检查后重新提交。");

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>[a-z ]+)""")]
    private static partial Regex RequiredMissing();

    [GeneratedRegex("""missing required properties,? including: (?<names>.+?)\.?(?: Path:|$)""")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("""converted to (?<type>\S+?)\.(?: |$)""")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex("""^(?:System\.)?Nullable`1\[\[?(?<inner>[^,\]]+)""")]
    private static partial Regex NullableOf();
}

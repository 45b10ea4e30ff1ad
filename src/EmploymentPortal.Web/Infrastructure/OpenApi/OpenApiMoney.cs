using System.Text.Json.Nodes;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmploymentPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// <see cref="Money"/> as the API writes and reads it (<see cref="MoneyJsonConverter"/>,
/// docs/api.md "Money"): a string of yuan with two decimals, with its pattern and an example.
/// Without this the framework describes the converter's type as any JSON.
/// </summary>
internal static class OpenApiMoney
{
    public const string Description = "人民币金额，以元为单位的字符串，两位小数（如 \"3000.00\"）；请求中也可写为 JSON 数字（元），最多两位小数。An amount of renminbi in yuan as a string with two decimals; a request may also send a JSON number of yuan with at most two decimals.";

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type != typeof(Money))
        {
            return Task.CompletedTask;
        }

        var nullable = type != declared || context.JsonPropertyInfo?.IsSetNullable == true;
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Pattern = MoneyJsonConverter.Pattern;
        schema.Examples = [JsonValue.Create(MoneyJsonConverter.Example)];
        schema.Description ??= Description;
        schema.Properties?.Clear();
        schema.Required?.Clear();
        return Task.CompletedTask;
    }
}

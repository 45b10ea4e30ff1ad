using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmploymentPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// Types the API reads with a converter of its own (<see cref="Validation.ApiInput"/>: text,
/// dates) come out of the framework untyped (<c>{}</c>), which a generated client can only take
/// as "any JSON"; their JSON type is put back on each object's properties.
/// </summary>
internal static class OpenApiSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var found) || found is not OpenApiSchema own)
            {
                continue;
            }

            if (own.Type is null && own.OneOf is null && own.AnyOf is null && own.AllOf is null && JsonType(property.PropertyType) is { } typed)
            {
                own.Type = typed.Nullable || property.IsSetNullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
                own.Format ??= typed.Format;
            }
            else if (own.Type?.HasFlag(JsonSchemaType.Array) == true && own.Items is null && ElementType(property.PropertyType) is { } element && JsonType(element) is { } item)
            {
                own.Items = new OpenApiSchema { Type = item.Nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String, Format = item.Format };
            }
        }

        return Task.CompletedTask;
    }

    private static Type? ElementType(Type collection) =>
        collection.IsArray ? collection.GetElementType()
        : collection.GetInterfaces().Append(collection).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static (bool Nullable, string? Format)? JsonType(Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = type != declared;
        return type == typeof(string) ? (nullable, null)
            : type == typeof(DateOnly) ? (nullable, "date")
            : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? (nullable, "date-time")
            : null;
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace EmploymentPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) as a contract a generated client can use
/// (docs/api.md): every schema named after its own type, every operation with a unique
/// operationId, the sign-in cookie declared and required where the endpoint requires it, and the
/// problem responses each operation can give. All of it is derived here, centrally, from the
/// endpoints' metadata; an endpoint states only what cannot be derived (e.g. a 429 of its own).
/// </summary>
public static class PortalOpenApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services)
    {
        var names = new ConcurrentDictionary<string, Type>(StringComparer.Ordinal);
        services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = typeInfo => SchemaReferenceId(typeInfo, names);
            options.AddSchemaTransformer(OpenApiSchemas.TransformAsync);
            options.AddSchemaTransformer(OpenApiMoney.TransformAsync);
            options.AddOperationTransformer(OpenApiOperations.TransformAsync);
            options.AddDocumentTransformer(OpenApiDocuments.TransformAsync);
        });
        return services;
    }

    /// <summary>
    /// The component name of a type: its own name, preceded by the names of the types it is
    /// nested in (<c>RegisterResident.Command</c> → <c>RegisterResidentCommand</c>), generic
    /// arguments spelled out (<c>Page&lt;HireQueries.HireRow&gt;</c> →
    /// <c>ResidentQueriesPageOfHireQueriesHireRow</c>). Types the framework inlines (primitives,
    /// collections) stay inline. Two types that would share a name stop the document.
    /// </summary>
    public static string? SchemaReferenceId(JsonTypeInfo typeInfo, ConcurrentDictionary<string, Type> names)
    {
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo) is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        var name = TypeName(type);
        var owner = names.GetOrAdd(name, type);
        return owner == type
            ? name
            : throw new InvalidOperationException($"The OpenAPI schema name {name} stands for both {owner.FullName} and {type.FullName}.");
    }

    /// <summary>The declaring types' names, the type's own name, then <c>Of</c> and its generic arguments joined by <c>And</c>.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return "ArrayOf" + TypeName(type.GetElementType()!);
        }

        var own = type.Name;
        var tick = own.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            own = own[..tick];
        }

        var prefix = type.IsNested && !type.IsGenericParameter ? TypeName(type.DeclaringType!) : string.Empty;
        var arguments = type.IsGenericType ? "Of" + string.Join("And", type.GetGenericArguments().Select(TypeName)) : string.Empty;
        return prefix + own + arguments;
    }
}

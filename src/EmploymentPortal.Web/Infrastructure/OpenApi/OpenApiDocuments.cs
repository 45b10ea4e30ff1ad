using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmploymentPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// The document as a whole: the sign-in cookie as a security scheme (its name differs by
/// environment, <see cref="PortalCookies.AuthCookieName"/>), the one problem schema every error
/// response refers to, servers without a trailing slash, and a check that no two operations
/// share an operationId.
/// </summary>
internal static class OpenApiDocuments
{
    public const string CookieScheme = "cookieAuth";

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var environment = context.ApplicationServices.GetRequiredService<IHostEnvironment>();
        document.Info.Title = "EmploymentPortal API";
        document.Info.Description = "就业服务平台 API: sign in with POST /api/v1/auth/login (the answer sets the auth cookie); "
            + "writes carry the portal's own Origin header, uploads also the antiforgery token from GET /api/v1/auth/antiforgery. "
            + "Every error is a problem document (RFC 9457) with a stable `code`. See docs/api.md.";

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = PortalCookies.AuthCookieName(environment),
            Description = "The sign-in cookie set by POST /api/v1/auth/login (HttpOnly; the name carries the __Host- prefix where the portal requires HTTPS).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[OpenApiOperations.ProblemSchema] = ProblemDetailsSchema();

        var duplicates = (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => (Id: op.Value.OperationId, Where: $"{op.Key} {path.Key}")))
            .GroupBy(op => op.Id)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(op => op.Where))}")
            .ToList();
        return duplicates.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("Operations share an operationId: " + string.Join("; ", duplicates));
    }

    /// <summary>RFC 9457 problem details as <see cref="ApiProblems"/> writes them: a stable <c>code</c>, and field <c>errors</c> for a 400.</summary>
    private static OpenApiSchema ProblemDetailsSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A problem document (RFC 9457): Chinese title and detail for people, a stable kebab-case code for programs.",
        Required = new HashSet<string> { "status", "title", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri-reference" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Stable, kebab-case: what went wrong, for programs (e.g. validation-failed, not-found)." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Field errors of a 400: the field as the JSON body spells it → messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}

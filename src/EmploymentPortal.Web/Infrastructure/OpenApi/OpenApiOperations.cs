using System.Globalization;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace EmploymentPortal.Web.Infrastructure.OpenApi;

/// <summary>
/// Per operation, from the endpoint's metadata: the operationId, the cookie security requirement
/// (every endpoint but the anonymous ones: the portal's fallback policy requires a signed-in
/// user) and the problem responses (RFC 9457) the pipeline can give for it.
/// </summary>
internal static class OpenApiOperations
{
    public const string ProblemSchema = "ProblemDetails";

    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        operation.OperationId = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName
            ?? OperationId(method, description.RelativePath ?? string.Empty);

        // An anonymous operation says so with an empty requirement ({}), not by saying nothing.
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Security =
        [
            anonymous
                ? new OpenApiSecurityRequirement()
                : new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiDocuments.CookieScheme, context.Document)] = [] },
        ];

        var hasInput = description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null;
        var isWrite = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var restricted = metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles));
        var statuses = new SortedSet<int> { StatusCodes.Status503ServiceUnavailable };
        if (hasInput)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (!anonymous)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (restricted || isWrite)
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }

        if (description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (isWrite && !anonymous)
        {
            statuses.Add(StatusCodes.Status409Conflict);
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }

        if (operation.RequestBody is not null)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            operation.Responses.TryAdd(status.ToString(CultureInfo.InvariantCulture), new OpenApiResponse());
        }

        // Every error the portal answers is a problem document, whoever declared the response.
        foreach (var (key, response) in operation.Responses)
        {
            if (int.TryParse(key, CultureInfo.InvariantCulture, out var status) && status >= 400 && response is OpenApiResponse own)
            {
                own.Description = ReasonPhrases.GetReasonPhrase(status);
                own.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ApiProblems.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The method in lower case and the route's segments after <c>api/v1</c> in Pascal case, a
    /// parameter as <c>By</c> and its name: <c>POST api/v1/hires/{id}/end</c> → <c>postHiresByIdEnd</c>.
    /// Stable as long as the route is, and unique because a route and method are.
    /// </summary>
    public static string OperationId(string method, string relativePath)
    {
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count >= 2 && segments[0] == "api" && segments[1].StartsWith('v'))
        {
            segments.RemoveRange(0, 2);
        }

        var name = method.ToLowerInvariant();
        foreach (var segment in segments)
        {
            var isParameter = segment.StartsWith('{');
            var text = isParameter ? segment.Trim('{', '}').Split(':', '=', '?')[0] : segment;
            name += (isParameter ? "By" : string.Empty) + string.Concat(text.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        }

        return name;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Data;
using EmploymentPortal.Policies;
using EmploymentPortal.Policies.Evaluation;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>The rules service over HTTP: the catalogue and eligibility evaluation with traces.</summary>
internal static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/", ListPolicies).WithSummary("The policy documents of the catalogue.");
        policies.MapGet("/{id}/rules", ListRules).WithSummary("The rules of one policy document with their parameters and citations.");
        policies.MapGet("/rules/{ruleId}/ends", RuleEndsAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A rule's periods as in force (how each ends) and the history of the ends the bureau set, newest first.");
        policies.MapPost("/rules/{ruleId}/end", SetRuleEndAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer sets the end of a rule whose end the text does not state ({\"endsOn\": \"yyyy-MM-dd\", \"basisDocument\", \"section\", \"quote\"}); audited, kept in the rule's history, honoured by every evaluation.");
        api.MapPost("/eligibility/evaluate", Evaluate).WithTags("Policies")
            .WithSummary("Evaluates a benefit kind for the given facts on a date; returns each rule's decision with its trace.");
        return policies;
    }

    public sealed record PolicySummary(string Id, string Issuer, string? DocumentNumber, string Title, DateOnly Date, IReadOnlyList<string> Jurisdictions, bool Draft, string SourceFile, int RuleCount);

    public sealed record EvaluateRequest(string? Benefit, string? Jurisdiction, string? Date, JsonObject? Facts);

    public sealed record RuleEndRequest(string? EndsOn, string? BasisDocument, string? Section, string? Quote);

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> RuleEndsAsync(string ruleId, PolicyCatalogueService service, PortalDbContext db, CancellationToken cancellationToken)
    {
        await service.EnsureCurrentAsync(db, cancellationToken);
        if (service.Catalogue.FindRule(ruleId) is not { } rule)
        {
            return ApiProblems.NotFound("政策规则");
        }

        var history = await SetRuleEnd.HistoryAsync(db, [ruleId], cancellationToken);
        return TypedResults.Json<object>(new { ruleId, periods = rule.Periods, canSetEnd = SetRuleEnd.CanEnd(service.BaseCatalogue.FindRule(ruleId)!), history }, PolicyJson.Options);
    }

    private static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> SetRuleEndAsync(string ruleId, RuleEndRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        DateOnly endsOn = default;
        if (request?.EndsOn is { Length: > 0 } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out endsOn))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["endsOn"] = ["请按 yyyy-MM-dd 格式填写截止日期（endsOn）。"] });
        }

        var outcome = await pipeline.SendAsync(new SetRuleEnd.Command
        {
            RuleId = ruleId,
            EndsOn = request?.EndsOn is { Length: > 0 } ? endsOn.ToDateTime(TimeOnly.MinValue) : null,
            BasisDocument = request?.BasisDocument ?? string.Empty,
            Section = request?.Section ?? string.Empty,
            Quote = request?.Quote ?? string.Empty,
        }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new OutcomeResponse(outcome.Id!.Value, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    public sealed record OutcomeResponse(Guid Id, string Message);

    private static async Task<JsonHttpResult<object>> ListPolicies(PolicyCatalogueService service, PortalDbContext db, CancellationToken cancellationToken)
    {
        await service.EnsureCurrentAsync(db, cancellationToken);
        var catalogue = service.Catalogue;
        var documents = catalogue.Documents
            .Select(d => new PolicySummary(d.Id, d.Issuer, d.DocumentNumber, d.Title, d.Date, d.Jurisdictions, d.Draft, d.SourceFile, catalogue.RulesOfDocument(d.Id).Count()))
            .ToList();
        return TypedResults.Json<object>(new { catalogueVersion = catalogue.Version, servedJurisdictions = service.Jurisdictions, documents }, PolicyJson.Options);
    }

    private static async Task<Results<JsonHttpResult<object>, ProblemHttpResult>> ListRules(string id, PolicyCatalogueService service, PortalDbContext db, CancellationToken cancellationToken)
    {
        await service.EnsureCurrentAsync(db, cancellationToken);
        var rules = service.Catalogue.DescribeRules(id);
        if (rules is null)
        {
            return ApiProblems.NotFound("政策文件");
        }

        var body = rules.Select(r => new { rule = r.Rule, parameters = r.Parameters }).ToList();
        return TypedResults.Json<object>(new { document = service.Catalogue.FindDocument(id), rules = body }, PolicyJson.Options);
    }

    private static async Task<Results<JsonHttpResult<EvaluationResult>, ProblemHttpResult>> Evaluate(EvaluateRequest request, PolicyCatalogueService service, PortalDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Benefit))
        {
            errors["benefit"] = ["请填写补贴类型（benefit）。"];
        }
        else if (!BenefitKinds.All.Contains(request.Benefit))
        {
            errors["benefit"] = [$"未知的补贴类型“{request.Benefit}”。可用类型：{string.Join("、", BenefitKinds.All.Order(StringComparer.Ordinal))}。"];
        }

        if (string.IsNullOrWhiteSpace(request.Jurisdiction) || request.Jurisdiction.Length != 6 || !request.Jurisdiction.All(char.IsAsciiDigit))
        {
            errors["jurisdiction"] = ["请填写 6 位行政区划代码（jurisdiction），例如 130506。"];
        }

        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(request.Date) || !DateOnly.TryParseExact(request.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["date"] = ["请按 yyyy-MM-dd 格式填写评估日期（date）。"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        await service.EnsureCurrentAsync(db, cancellationToken);
        var result = service.Evaluator.Evaluate(new EvaluationRequest(request.Benefit!, request.Jurisdiction!, date, request.Facts ?? []));
        return TypedResults.Json(result, PolicyJson.Options);
    }
}

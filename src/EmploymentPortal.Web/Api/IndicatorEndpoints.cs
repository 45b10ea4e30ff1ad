using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Policies.Indicators;
using EmploymentPortal.Web.Features.Indicators;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Indicators and targets (issue 17): bureau officers only.</summary>
internal static class IndicatorEndpoints
{
    public sealed record EnteredResponse(Guid Id, string Message);

    public static RouteGroupBuilder MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithTags("Indicators").RequireAuthorization(PortalPolicies.Bureau);
        indicators.MapGet("/", ListAsync).WithSummary("Every target of the documents in the years asked, with actual, % achieved, trend and status; ?period=2023 or 2021-2025 (default: this year), ?scope=city | district:<code> | community:<id>.");
        indicators.MapPost("/figures", EnterAsync).WithSummary("Enter a year's figure of a target the records do not measure: targetId, year, scope, value, source, sourceDate.");
        return api;
    }

    private static async Task<Results<Ok<IndicatorReport.Report>, ProblemHttpResult>> ListAsync(
        PortalDbContext db, IndicatorCatalogue catalogue, PolicyCatalogueService policies, PortalCalendar calendar, IConfiguration configuration, string? period, string? scope, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var (request, refusal) = await IndicatorReport.ParseAsync(db, period, scope, today, cancellationToken);
        if (request is null)
        {
            return ApiProblems.For(refusal!);
        }

        return TypedResults.Ok(await IndicatorReport.BuildAsync(db, catalogue, policies.Jurisdictions, request, today, configuration, cancellationToken));
    }

    private static async Task<Results<Created<EnteredResponse>, ProblemHttpResult>> EnterAsync(EnterIndicatorFigure.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/indicators/figures/{outcome.Id}", new EnteredResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }
}

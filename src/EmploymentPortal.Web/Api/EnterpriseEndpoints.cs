using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Enterprises;
using EmploymentPortal.Web.Features.Jobs;
using EmploymentPortal.Web.Features.Vacancies;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// Enterprise sign-up and verification, vacancies and their review, and the public job board,
/// through the same handlers and queries as the pages.
/// </summary>
internal static class EnterpriseEndpoints
{
    public static RouteGroupBuilder MapEnterpriseEndpoints(this RouteGroupBuilder api)
    {
        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises");
        enterprises.MapPost("/", RegisterAsync).AllowAnonymous().RequireRateLimiting(PortalRateLimiting.SignUpPolicyName)
            .WithSummary("Self-service sign-up: a pending enterprise and its first enterprise user.");
        enterprises.MapPost("/{id:guid}/verify", VerifyAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer verifies a pending enterprise ({\"approve\":false,\"reason\"} rejects it).");

        var vacancies = api.MapGroup("/vacancies").WithTags("Vacancies");
        vacancies.MapPost("/", SaveAsync).RequireAuthorization(PortalPolicies.Enterprise)
            .WithSummary("An enterprise user creates a vacancy of their enterprise; \"submit\":true submits it for review.");
        vacancies.MapPost("/{id:guid}/review", ReviewAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer approves ({\"approve\":true}) or rejects ({\"approve\":false,\"reason\"}) a pending vacancy.");
        vacancies.MapGet("/", SearchAsync).AllowAnonymous()
            .WithSummary("The public job board: published, unexpired vacancies; ?near=lat,lon&radiusKm=3&occupation=&workType=&keyword=&page=.");
        return api;
    }

    public sealed record CreatedResponse(Guid Id, string Message);

    public sealed record ReviewRequest(bool? Approve, string? Reason);

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> RegisterAsync(RegisterEnterprise.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/enterprises/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> VerifyAsync(Guid id, ReviewRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new ReviewEnterprise.Command(id, request?.Approve ?? true, request?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> SaveAsync(SaveVacancy.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        // The API creates; edits go through the enterprise's pages.
        command.Id = null;
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/vacancies/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> ReviewAsync(Guid id, ReviewRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new ReviewVacancy.Command(id, request.Approve, request.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<JobBoardQueries.Page>, ProblemHttpResult>> SearchAsync(
        PortalDbContext db,
        VacancyBoardCache board,
        PortalCalendar calendar,
        string? near,
        double? radiusKm,
        OccupationGroup? occupation,
        WorkType? workType,
        Guid? district,
        string? keyword,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        GeoPoint? centre = null;
        if (!string.IsNullOrWhiteSpace(near))
        {
            if (!GeoPoint.TryParse(near, out var point, out var error))
            {
                return ApiProblems.Validation(new Dictionary<string, string[]> { ["near"] = [error] });
            }

            centre = point;
        }

        if (GeoCircle.RadiusError(radiusKm) is { } radiusError)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["radiusKm"] = [radiusError] });
        }

        var filter = new JobBoardQueries.Filter
        {
            Keyword = keyword,
            OccupationGroup = occupation,
            WorkType = workType,
            DistrictId = district,
            Near = centre,
            RadiusKm = centre is null ? null : radiusKm ?? 3,
        };
        var today = calendar.Today;
        return TypedResults.Ok(await JobBoardQueries.SearchAsync(db, board, filter, today, page ?? 1, pageSize ?? 20, cancellationToken));
    }
}

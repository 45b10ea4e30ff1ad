using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Circles;
using EmploymentPortal.Web.Features.Circles.Referrals;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Api;

/// <summary>
/// The three-kilometre employment circles: circles and their vacancies, recommendations,
/// nearby candidates, referrals and the fully-employed community standard.
/// </summary>
internal static class CircleEndpoints
{
    public sealed record VacancyPage(Guid CommunityId, double RadiusKm, IReadOnlyList<CircleQueries.NearbyVacancy> Items, int Total, int Page, int PageSize);

    public sealed record CircleListItem(Guid CommunityId, string Code, string Name, string Street, string District, double Latitude, double Longitude, double RadiusKm, bool? MeetsStandard, DateOnly? AssessedMonth);

    public sealed record ReferralRequest(Guid? ResidentId, Guid? VacancyId);

    public sealed record AnswerRequest(ReferralStatus? Answer, string? Note);

    public sealed record Done(Guid Id, string Message);

    public sealed record Phone(string Number);

    public sealed record ResidentReferrals(IReadOnlyList<ReferralQueries.ResidentReferralRow> Referrals, ReferralQueries.MigrantWorkerService Service);

    public static RouteGroupBuilder MapCircleEndpoints(this RouteGroupBuilder api)
    {
        var circles = api.MapGroup("/circles").WithTags("Circles").RequireAuthorization(PortalPolicies.Staff);
        circles.MapGet("/", ListAsync).WithSummary("Every community's circle: centre, radius, latest standing (aggregates, no personal data).");
        circles.MapGet("/{communityId:guid}", GetAsync).WithSummary("A community's circle: standing and indicators; ?radiusKm= overrides the jurisdiction's radius.");
        circles.MapGet("/{communityId:guid}/vacancies", VacanciesAsync).WithSummary("Board vacancies within the circle, nearest first; ?radiusKm=3&page=&pageSize=.");
        circles.MapGet("/standard", StandardAsync).WithSummary("The fully-employed community standard: versions with their effective dates, newest first.");
        circles.MapPost("/standard", SetStandardAsync).RequireAuthorization(PortalPolicies.Bureau).WithSummary("A bureau officer sets new thresholds from a date.");
        circles.MapPost("/assessments", AssessAsync).RequireAuthorization(PortalPolicies.Bureau).WithSummary("Assess every community for the current month now.");
        circles.MapGet("/targets", TargetsAsync).WithSummary("The yearly targets of recognised communities: the draft's reading and the bureau's settings.");
        circles.MapPost("/targets", SetTargetAsync).RequireAuthorization(PortalPolicies.Bureau).WithSummary("A bureau officer sets a year's target ({year, sharePercent, reason}).");
        circles.MapGet("/share", ShareAsync).WithSummary("The city's share of recognised communities against the target of the year.");

        var residents = api.MapGroup("/residents").WithTags("Circles").RequireAuthorization(PortalPolicies.ResidentRecords);
        residents.MapGet("/{id:guid}/recommendations", RecommendationsAsync).WithSummary("Ranked jobs within the resident's circle, each with a reason: the first ?top= (50, at most 500) of total; ?radiusKm=.");
        residents.MapGet("/{id:guid}/referrals", ResidentReferralsAsync).WithSummary("The resident's referrals with outcomes, and the migrant-worker 1-3-1 service count.");

        api.MapGet("/vacancies/{id:guid}/candidates", CandidatesAsync).WithTags("Circles").RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Registered unemployed residents of the caller's communities living within the circle of the vacancy, ranked.");

        var referrals = api.MapGroup("/referrals").WithTags("Circles");
        referrals.MapPost("/", ReferAsync).RequireAuthorization(PortalPolicies.Station).WithSummary("Station staff refer a resident to a vacancy.");
        referrals.MapGet("/", EnterpriseReferralsAsync).RequireAuthorization(PortalPolicies.Enterprise).WithSummary("Referrals to the caller's enterprise (phone masked).");
        referrals.MapPost("/{id:guid}/answer", AnswerAsync).RequireAuthorization(PortalPolicies.Enterprise).WithSummary("The enterprise answers: Interviewed, Hired or Declined.");
        referrals.MapPost("/{id:guid}/phone", RevealPhoneAsync).RequireAuthorization(PortalPolicies.Enterprise).WithSummary("The full mobile number of an open referral; an audited read.");
        return api;
    }

    private static async Task<Ok<List<CircleListItem>>> ListAsync(PortalDbContext db, IOptions<CircleOptions> options, CancellationToken cancellationToken)
    {
        var communities = await CircleQueries.CommunitiesAsync(db, cancellationToken);
        var latest = await LatestStandingAsync(db, cancellationToken);
        return TypedResults.Ok(communities.Select(c => new CircleListItem(
            c.Id, c.Code, c.Name, c.Street, c.District, c.Latitude, c.Longitude, options.Value.RadiusFor(c.Code),
            latest.TryGetValue(c.Id, out var s) ? s.MeetsStandard : null, latest.TryGetValue(c.Id, out var m) ? m.Month : null)).ToList());
    }

    internal static async Task<Dictionary<Guid, (bool MeetsStandard, DateOnly Month)>> LatestStandingAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var month = await db.CommunityAssessments.AsNoTracking().OrderByDescending(a => a.Month).Select(a => (DateOnly?)a.Month).FirstOrDefaultAsync(cancellationToken);
        if (month is null)
        {
            return [];
        }

        return await db.CommunityAssessments.AsNoTracking().Where(a => a.Month == month)
            .ToDictionaryAsync(a => a.CommunityId, a => (a.MeetsStandard, a.Month), cancellationToken);
    }

    private static async Task<Results<Ok<CircleQueries.CircleSummary>, ProblemHttpResult>> GetAsync(Guid communityId, double? radiusKm, PortalDbContext db, IOptions<CircleOptions> options, VacancyBoardCache board, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        if (RadiusProblem(radiusKm) is { } problem)
        {
            return problem;
        }

        var summary = await CircleQueries.SummaryAsync(db, options.Value, communityId, calendar.Today, radiusKm, cancellationToken, board);
        return summary is null ? ApiProblems.NotFound("社区") : TypedResults.Ok(summary);
    }

    private static async Task<Results<Ok<VacancyPage>, ProblemHttpResult>> VacanciesAsync(Guid communityId, double? radiusKm, int? page, int? pageSize, PortalDbContext db, IOptions<CircleOptions> options, VacancyBoardCache board, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        if (RadiusProblem(radiusKm) is { } problem)
        {
            return problem;
        }

        var community = await db.Communities.AsNoTracking().Where(c => c.Id == communityId)
            .Select(c => new { c.Code, c.StationLatitude, c.StationLongitude }).FirstOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            return ApiProblems.NotFound("社区");
        }

        var radius = radiusKm ?? options.Value.RadiusFor(community.Code);
        var size = Math.Clamp(pageSize ?? 20, 1, 100);
        var number = Math.Max(1, page ?? 1);
        // The circle from the in-memory board (VacancyBoardCache), the page's rows with it.
        var near = (await board.GetAsync(db, calendar.Today, cancellationToken)).Near(Domain.ValueObjects.GeoPoint.Create(community.StationLatitude, community.StationLongitude), radius);
        var items = near.Skip((number - 1) * size).Take(size).Select(n => n.Vacancy.ToNearby(n.DistanceKm)).ToList();
        return TypedResults.Ok(new VacancyPage(communityId, radius, items, near.Count, number, size));
    }

    private static async Task<Ok<List<Standing.StandardRow>>> StandardAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Standing.StandardHistoryAsync(db, cancellationToken));

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> SetStandardAsync(Standing.SetStandard.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new Done(outcome.Id!.Value, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<List<Standing.TargetRow>>> TargetsAsync(PortalDbContext db, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Standing.TargetsAsync(db, calendar.Today, cancellationToken));

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> SetTargetAsync(Standing.SetTarget.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new Done(outcome.Id!.Value, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<Standing.CityShare>> AssessAsync(PortalDbContext db, IOptions<CircleOptions> options, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        await Standing.AssessAllAsync(db, options.Value, calendar.Today, calendar.Now, cancellationToken);
        return TypedResults.Ok(await Standing.CityShareAsync(db, null, cancellationToken));
    }

    private static async Task<Ok<Standing.CityShare>> ShareAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Standing.CityShareAsync(db, null, cancellationToken));

    private static async Task<Results<Ok<CircleQueries.Recommendations>, ProblemHttpResult>> RecommendationsAsync(Guid id, double? radiusKm, int? top, PortalDbContext db, CurrentUser user, IOptions<CircleOptions> options, VacancyBoardCache board, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        if (RadiusProblem(radiusKm) is { } problem)
        {
            return problem;
        }

        var result = await CircleQueries.RecommendationsAsync(db, options.Value, user.Principal, id, calendar.Today, radiusKm, cancellationToken, board, Math.Clamp(top ?? 50, 1, 500));
        return result is null ? ApiProblems.NotFound("居民") : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<ResidentReferrals>, ProblemHttpResult>> ResidentReferralsAsync(Guid id, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var service = await ReferralQueries.MigrantWorkerServiceAsync(db, user.Principal, id, cancellationToken);
        if (service is null)
        {
            return ApiProblems.NotFound("居民");
        }

        return TypedResults.Ok(new ResidentReferrals(await ReferralQueries.ForResidentAsync(db, user.Principal, id, cancellationToken), service));
    }

    private static async Task<Results<Ok<IReadOnlyList<CircleQueries.Candidate>>, ProblemHttpResult>> CandidatesAsync(Guid id, PortalDbContext db, CurrentUser user, IOptions<CircleOptions> options, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        var result = await CircleQueries.CandidatesAsync(db, options.Value, user.Principal, id, calendar.Today, cancellationToken);
        return result is null ? ApiProblems.NotFound("岗位") : TypedResults.Ok(result);
    }

    private static async Task<Results<Created<Done>, ProblemHttpResult>> ReferAsync(ReferralRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new ReferResident.Command(request.ResidentId, request.VacancyId), cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/referrals/{outcome.Id}", new Done(outcome.Id!.Value, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<List<ReferralQueries.EnterpriseReferralRow>>> EnterpriseReferralsAsync(PortalDbContext db, CurrentUser user, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ReferralQueries.ForEnterpriseAsync(db, user.Principal, calendar.Today, cancellationToken));

    private static async Task<Results<Ok<Done>, ProblemHttpResult>> AnswerAsync(Guid id, AnswerRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new AnswerReferral.Command(id, request.Answer, request.Note), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new Done(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<Phone>, ProblemHttpResult>> RevealPhoneAsync(Guid id, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var phone = await ReferralQueries.RevealPhoneAsync(db, user.Principal, id, cancellationToken);
        return phone is null ? ApiProblems.NotFound("进行中的推荐") : TypedResults.Ok(new Phone(phone));
    }

    private static ProblemHttpResult? RadiusProblem(double? radiusKm) =>
        Domain.ValueObjects.GeoCircle.RadiusError(radiusKm) is { } radiusError
            ? ApiProblems.Validation(new Dictionary<string, string[]> { ["radiusKm"] = [radiusError] })
            : null;
}

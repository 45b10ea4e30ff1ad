using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.JobFairs;
using EmploymentPortal.Web.Features.Posts;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Public-welfare and internship post programmes, and job fairs: bureau officers only.</summary>
internal static class PostAndJobFairEndpoints
{
    public sealed record CreatedResponse(Guid Id, string Message);

    public static RouteGroupBuilder MapPostAndJobFairEndpoints(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/post-programmes").WithTags("Posts").RequireAuthorization(PortalPolicies.Bureau);
        programmes.MapPost("/", CreateAsync).WithSummary("Create a public-welfare (PublicWelfare) or internship (Internship) post programme for a year.");
        // Station staff place the residents of their communities too (the handler checks the community).
        var placing = api.MapGroup("/post-programmes").WithTags("Posts").RequireAuthorization(PortalPolicies.ResidentRecords);
        placing.MapPost("/{id:guid}/placements", PlaceAsync).WithSummary("Place a resident (full idNumber) on a post of the programme from startDate; station staff: residents of their communities.");
        placing.MapGet("/open", OpenAsync).WithSummary("Programmes of this year or later with a free post today.");
        programmes.MapGet("/summary", SummaryAsync).WithSummary("A year's programmes, placements, relocated share (Tongren ≥ 20 %) and internship completion/retention; ?year=.");

        // Station staff extend and end the placements of the residents of their communities (the handler checks).
        var placements = api.MapGroup("/post-placements").WithTags("Posts").RequireAuthorization(PortalPolicies.ResidentRecords);
        placements.MapPost("/{id:guid}/extend", ExtendAsync).WithSummary("Extend a running public-welfare placement once by at most 12 months ({\"months\":12}).");
        placements.MapPost("/{id:guid}/exit", ExitAsync).WithSummary("End a placement: lastDay, reason, retained (internships).");

        var fairs = api.MapGroup("/job-fairs").WithTags("Job fairs").RequireAuthorization(PortalPolicies.Bureau);
        fairs.MapPost("/", RecordFairAsync).WithSummary("Record a job fair with participants (enterpriseCreditCode, postsOffered, intentions).");
        fairs.MapGet("/summary", FairSummaryAsync).WithSummary("A year's job fairs against the configured targets; ?year=.");

        // Intentions reached by people at a fair: station staff for the residents of their
        // communities, officers for anyone (the handler and the query check the resident).
        var fairsForPeople = api.MapGroup("/job-fairs").WithTags("Job fairs").RequireAuthorization(PortalPolicies.ResidentRecords);
        fairsForPeople.MapPost("/{id:guid}/intentions", RecordIntentionAsync)
            .WithSummary("Record that a resident reached an employment intention at the fair with one of its enterprises (residentId, enterpriseId, post); raises the enterprise's intentions figure when more people are named than it says.");
        fairsForPeople.MapGet("/recent", RecentFairsAsync).WithSummary("Fairs held in the last 92 days with their enterprises: those an intention may be recorded for.");
        api.MapGet("/residents/{id:guid}/job-fair-intentions", ResidentIntentionsAsync).WithTags("Job fairs").RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("A resident's intentions at job fairs, each with the hire it led to (the first hire by the same enterprise on or after the fair), if any.");
        return api;
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> CreateAsync(CreatePostProgramme.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command, cancellationToken), "post-programmes");

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> PlaceAsync(Guid id, PlaceOnPost.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command with { ProgrammeId = id }, cancellationToken), "post-placements");

    private static async Task<Ok<List<PostQueries.OpenProgramme>>> OpenAsync(PortalDbContext db, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PostQueries.OpenAsync(db, calendar.Today, cancellationToken));

    private static async Task<Ok<PostQueries.YearSummary>> SummaryAsync(PortalDbContext db, PortalCalendar calendar, IConfiguration configuration, int? year, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        return TypedResults.Ok(await PostQueries.YearAsync(db, year ?? today.Year, today, PostQueries.Quotas(configuration), cancellationToken));
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> ExtendAsync(Guid id, ExtendPlacement.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { PlacementId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> ExitAsync(Guid id, EndPlacement.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { PlacementId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> RecordFairAsync(RecordJobFair.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command, cancellationToken), "job-fairs");

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> RecordIntentionAsync(Guid id, RecordJobFairIntention.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command with { JobFairId = id }, cancellationToken), $"job-fairs/{id}/intentions");

    private static async Task<Ok<IReadOnlyList<JobFairQueries.FairChoice>>> RecentFairsAsync(PortalDbContext db, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await JobFairQueries.RecentFairsAsync(db, calendar.Today, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<JobFairQueries.IntentionRow>>, ProblemHttpResult>> ResidentIntentionsAsync(Guid id, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        await JobFairQueries.IntentionsOfAsync(db, user.Principal, id, cancellationToken) is { } rows
            ? TypedResults.Ok(rows)
            : ApiProblems.For(FeatureOutcome.Missing("居民"));

    private static async Task<Ok<JobFairQueries.YearView>> FairSummaryAsync(PortalDbContext db, PortalCalendar calendar, IConfiguration configuration, int? year, CancellationToken cancellationToken) =>
        TypedResults.Ok(await JobFairQueries.YearAsync(db, year ?? calendar.Today.Year, JobFairQueries.Targets(configuration), cancellationToken));

    private static Results<Created<CreatedResponse>, ProblemHttpResult> Created(FeatureOutcome outcome, string path) =>
        outcome.Succeeded
            ? TypedResults.Created($"/api/v1/{path}/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
}

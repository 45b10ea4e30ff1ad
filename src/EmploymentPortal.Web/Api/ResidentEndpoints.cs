using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using EmploymentPortal.Web.Features.Residents.Register;
using EmploymentPortal.Web.Features.Residents.Unemployment;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Residents through the API, with the same scope and masking as the pages.</summary>
internal static class ResidentEndpoints
{
    public sealed record Created(Guid Id);

    /// <summary>The number issued and the rules service's decisions on the conditions it was issued on.</summary>
    public sealed record UnemploymentRegistered(string RegistrationNumber, RegistrationConditionsResponse? Conditions);

    public static RouteGroupBuilder MapResidentEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/residents").WithTags("Residents").RequireAuthorization(PortalPolicies.ResidentRecords);
        group.MapGet("/", ListAsync).WithSummary("Residents visible to the caller, masked; filters community, status, overdue, keyGroup, ageBand, search (the start of a name, a whole ID or mobile number, or the last 4 to 6 characters of either); sort; keyset paging by the nextCursor of the previous page (or page=1..50 for the first pages).");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One resident; ?reveal=true returns the full ID number and is audited.");
        group.MapPost("/", RegisterAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Register a resident for a community in the caller's scope; 409 when the ID number is registered anywhere in the city.");
        group.MapPost("/{id:guid}/unemployment-registration", RegisterUnemploymentAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("失业登记: the rules service decides the conditions (邢南政发〔2020〕1号 (二十); 界首 二、(二)2 for migrant workers) on the records and the stated ableToWork, wantsWork, currentlyUnemployed, registrationPlace; 422 names every failed condition and missing fact and carries the decisions in conditions.");
        group.MapGet("/{id:guid}/unemployment-registration/conditions", RegistrationConditionsAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("The register's conditions for the resident, decided by the rules service without saving: may they be registered (not on the register), or do they stay on it (on the register; a condition no longer met is the ground for 注销). Facts the records hold are taken from them; ableToWork, wantsWork, currentlyUnemployed, registrationPlace are the stated ones (missing: needsInformation); date defaults to today (China).");
        group.MapPost("/{id:guid}/contacts", LogContactAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Log a follow-up contact.");

        var followUps = api.MapGroup("/followups").WithTags("Residents").RequireAuthorization(PortalPolicies.ResidentRecords);
        followUps.MapGet("/coverage", CoverageAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Follow-up coverage per community for a month (yyyy-MM; default the current one), worst first; past months from the month-end records.");
        followUps.MapGet("/overdue", OverdueAsync).WithSummary("Registered unemployed residents without a contact this month, in the caller's scope; keyset paging by nextCursor.");
        return group;
    }

    private static async Task<Results<Ok<ResidentListQueries.SeekPage<ResidentQueries.ResidentRow>>, ProblemHttpResult>> ListAsync(
        PortalDbContext db,
        CurrentUser user,
        PortalCalendar calendar,
        Guid? community,
        Domain.Residents.EmploymentStatus? status,
        bool? overdue,
        Domain.Residents.KeyGroup? keyGroup,
        AgeBand? ageBand,
        ResidentSort? sort,
        string? cursor,
        int? page,
        int? pageSize,
        bool? count,
        string? search,
        CancellationToken cancellationToken)
    {
        var filter = new ResidentListQueries.Filter(calendar.Today, community, status, overdue == true, keyGroup, ageBand, search);
        if (page is { } number && (number < 1 || number > ResidentListQueries.MaxNumberedPages || cursor is not null))
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-page", "页码无效",
                $"page 取 1 至 {ResidentListQueries.MaxNumberedPages}，且不能与 cursor 同时使用；更深的页请按上一页返回的 nextCursor 翻页。");
        }

        var size = Math.Clamp(pageSize ?? 20, 1, ResidentListQueries.MaxPageSize);
        try
        {
            return TypedResults.Ok(await ResidentListQueries.SeekAsync(
                db, user.Principal, filter, sort ?? ResidentSort.Newest, cursor, size, count ?? CountByDefault(user, community), cancellationToken,
                skip: page is { } p ? (p - 1) * size : 0));
        }
        catch (ResidentListQueries.InvalidCursorException exception)
        {
            return InvalidCursor(exception);
        }
        catch (ResidentListQueries.InvalidSearchException exception)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-search", "查询条件无效", exception.Message);
        }
    }

    /// <summary>A total costs a count over the filtered rows: by default only for one community or a station's scope.</summary>
    private static bool CountByDefault(CurrentUser user, Guid? community) => community is not null || user.Principal.IsStationStaff;

    private static ProblemHttpResult InvalidCursor(ResidentListQueries.InvalidCursorException exception) =>
        ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-cursor", "游标无效", exception.Message);

    private static async Task<Results<Ok<ResidentQueries.ResidentDetail>, ProblemHttpResult>> GetAsync(Guid id, bool? reveal, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var resident = await ResidentQueries.FindAsync(db, user.Principal, id, reveal == true, cancellationToken);
        return resident is null ? ApiProblems.NotFound("居民") : TypedResults.Ok(resident);
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> RegisterAsync(RegisterResident.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/residents/{outcome.Id}", new Created(outcome.Id!.Value)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<UnemploymentRegistered>, ProblemHttpResult>> RegisterUnemploymentAsync(Guid id, RegisterUnemployment.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { ResidentId = id }, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(new UnemploymentRegistered(outcome.Get(RegisterUnemployment.RegistrationNumber)!, outcome.Get(RegisterUnemployment.Conditions)))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<RegistrationConditionsResponse>, ProblemHttpResult>> RegistrationConditionsAsync(
        Guid id, bool? ableToWork, bool? wantsWork, bool? currentlyUnemployed, string? registrationPlace, DateOnly? date,
        PortalDbContext db, CurrentUser user, PortalCalendar calendar, RegistrationConditions conditions, Features.Policies.PolicyCatalogueService policies, CancellationToken cancellationToken)
    {
        if (registrationPlace is not null && !StatedRegistrationFacts.Places.Contains(registrationPlace))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["registrationPlace"] = ["登记地只能是 residence（常住地）、hukou（户籍地）、employment（就业地）、insured（参保地）或 other（其他地方）。"],
            });
        }

        var stated = new StatedRegistrationFacts(ableToWork, wantsWork, currentlyUnemployed, registrationPlace);
        var evaluation = await CheckRegistrationConditions.EvaluateAsync(db, user.Principal, conditions, id, date ?? calendar.Today, stated, cancellationToken);
        return evaluation is null ? ApiProblems.NotFound("居民") : TypedResults.Ok(RegistrationConditionsResponse.From(evaluation, policies.Catalogue));
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> LogContactAsync(Guid id, LogContact.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { ResidentId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Created($"/api/v1/residents/{id}/contacts/{outcome.Id}", new Created(outcome.Id!.Value)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<ResidentListQueries.SeekPage<FollowUpQueries.OverdueRow>>, ProblemHttpResult>> OverdueAsync(
        PortalDbContext db, CurrentUser user, PortalCalendar calendar, Guid? community, string? cursor, int? pageSize, bool? count, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await ResidentListQueries.SeekOverdueAsync(
                db, user.Principal, community, calendar.Today, cursor, pageSize ?? 20, count ?? CountByDefault(user, community), cancellationToken));
        }
        catch (ResidentListQueries.InvalidCursorException exception)
        {
            return InvalidCursor(exception);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpCoverage.Row>>, ProblemHttpResult>> CoverageAsync(
        PortalDbContext db, PortalCalendar calendar, string? month, Guid? district, Guid? street, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var day = today;
        if (!string.IsNullOrEmpty(month)
            && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out day))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["month"] = ["月份格式应为 yyyy-MM。"] });
        }

        var rows = await FollowUpCoverage.ForMonthAsync(db, day, today, district, street, cancellationToken);
        return rows is null
            ? ApiProblems.Validation(new Dictionary<string, string[]> { ["month"] = ["不能查询未来月份。"] })
            : TypedResults.Ok(rows);
    }
}

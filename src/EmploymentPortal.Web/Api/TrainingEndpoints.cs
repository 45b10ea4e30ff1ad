using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Features.Training;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Vocational training (职业技能培训, issue 16) through the same handlers and queries as the pages (docs/training.md).</summary>
internal static class TrainingEndpoints
{
    public sealed record CreatedResponse(Guid Id, string Message);

    public static RouteGroupBuilder MapTrainingEndpoints(this RouteGroupBuilder api)
    {
        var institutions = api.MapGroup("/training/institutions").WithTags("Training").RequireAuthorization(PortalPolicies.Bureau);
        institutions.MapGet("/", InstitutionsAsync).WithSummary("Designated training institutions with their occupations and levels; contact phones masked.");
        institutions.MapPost("/", DesignateAsync).WithSummary("Designate a training institution (creditCode, name, designatedOn, designationExpiresOn, scopes [{occupation, level}], communityId, address, contactName, contactPhone).");
        institutions.MapPost("/{id:guid}", UpdateAsync).WithSummary("Change an institution's designation (same body; the credit code cannot change).");

        var classes = api.MapGroup("/training/classes").WithTags("Training");
        classes.MapGet("/", ClassesAsync).RequireAuthorization(PortalPolicies.Training)
            .WithSummary("Classes the caller sees (bureau: all; institution: its own; station: approved ones); ?status=Draft|Approved|Finished.");
        classes.MapPost("/", PlanAsync).RequireAuthorization(PortalPolicies.TrainingDelivery)
            .WithSummary("Plan a class (institution: its own; bureau: institutionId): name, occupation, level, kind, plannedHours, startDate, endDate, place, capacity.");
        classes.MapGet("/{id:guid}", ClassAsync).RequireAuthorization(PortalPolicies.Training)
            .WithSummary("A class with its trainees (station staff: their residents only), attended hours, completion, certificate and employment after training.");
        classes.MapGet("/{id:guid}/roster", RosterAsync).RequireAuthorization(PortalPolicies.Training)
            .WithSummary("The class's roster as xlsx (the trainees the caller sees; ID numbers masked).");
        classes.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Approve a planned class (开班审批), at the latest on its first day.");
        classes.MapPost("/{id:guid}/enrolments", EnrolAsync).RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("Enrol a resident ({\"residentId\":...}); station staff: residents of their communities. Refused when full, not approved, enrolled already, or at the per-level or per-year limit.");
        classes.MapPost("/{id:guid}/attendance", AttendanceAsync).RequireAuthorization(PortalPolicies.TrainingDelivery)
            .WithSummary("Record one session: date, hours, enrolmentIds of the trainees present.");
        classes.MapPost("/{id:guid}/enrolments/{enrolmentId:guid}/complete", CompleteAsync).RequireAuthorization(PortalPolicies.TrainingDelivery)
            .WithSummary("Complete a trainee (结业): only with attended hours of at least the configured share of the planned hours.");
        classes.MapPost("/{id:guid}/enrolments/{enrolmentId:guid}/certificate", CertificateAsync).RequireAuthorization(PortalPolicies.TrainingDelivery)
            .WithSummary("Record a graduate's certificate (kind, number, level, issuingBody, issuedOn); a number recorded already is 409.");
        classes.MapPost("/{id:guid}/finish", FinishAsync).RequireAuthorization(PortalPolicies.TrainingDelivery)
            .WithSummary("Finish a class on or after its last day; trainees without completion become NotCompleted.");

        api.MapGet("/residents/{id:guid}/training", HistoryAsync).WithTags("Training").RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("A resident's training: classes, hours, completion, certificate and employment after training (from hires).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<TrainingQueries.InstitutionRow>>> InstitutionsAsync(PortalDbContext db, PortalCalendar calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.InstitutionsAsync(db, calendar.Today, cancellationToken));

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> DesignateAsync(DesignateInstitution.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command with { InstitutionId = null }, cancellationToken), "training/institutions");

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> UpdateAsync(Guid id, DesignateInstitution.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(command with { InstitutionId = id }, cancellationToken));

    private static async Task<Ok<IReadOnlyList<TrainingQueries.ClassRow>>> ClassesAsync(PortalDbContext db, CurrentUser user, TrainingClassStatus? status, CancellationToken cancellationToken) =>
        TypedResults.Ok(await TrainingQueries.ClassesAsync(db, user.Principal, status, cancellationToken));

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> PlanAsync(PlanClass.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command, cancellationToken), "training/classes");

    private static async Task<Results<Ok<TrainingQueries.ClassView>, ProblemHttpResult>> ClassAsync(Guid id, PortalDbContext db, CurrentUser user, TrainingRules rules, PortalCalendar calendar, CancellationToken cancellationToken) =>
        await TrainingQueries.ClassAsync(db, user.Principal, id, rules, calendar.Today, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : ApiProblems.For(FeatureOutcome.Missing("培训班"));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RosterAsync(Guid id, PortalDbContext db, CurrentUser user, TrainingRules rules, PortalCalendar calendar, CancellationToken cancellationToken) =>
        await TrainingQueries.ClassAsync(db, user.Principal, id, rules, calendar.Today, cancellationToken) is { } view
            ? TypedResults.File(ExportRoster.Xlsx(view), XlsxExport.ContentType, ExportRoster.FileName(view))
            : ApiProblems.For(FeatureOutcome.Missing("培训班"));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> ApproveAsync(Guid id, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(new ApproveClass.Command { ClassId = id }, cancellationToken));

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> EnrolAsync(Guid id, EnrolResident.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Created(await pipeline.SendAsync(command with { ClassId = id }, cancellationToken), $"training/classes/{id}/enrolments");

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> AttendanceAsync(Guid id, RecordAttendance.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(command with { ClassId = id }, cancellationToken));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> CompleteAsync(Guid id, Guid enrolmentId, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(new CompleteTraining.Command { ClassId = id, EnrolmentId = enrolmentId }, cancellationToken));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> CertificateAsync(Guid id, Guid enrolmentId, RecordCertificate.Command command, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(command with { ClassId = id, EnrolmentId = enrolmentId }, cancellationToken));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> FinishAsync(Guid id, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        Done(await pipeline.SendAsync(new FinishClass.Command { ClassId = id }, cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<TrainingQueries.ResidentTrainingRow>>, ProblemHttpResult>> HistoryAsync(Guid id, PortalDbContext db, CurrentUser user, TrainingRules rules, PortalCalendar calendar, CancellationToken cancellationToken) =>
        await TrainingQueries.HistoryOfAsync(db, user.Principal, id, rules, calendar.Today, cancellationToken) is { } rows
            ? TypedResults.Ok(rows)
            : ApiProblems.For(FeatureOutcome.Missing("居民"));

    private static Results<Created<CreatedResponse>, ProblemHttpResult> Created(FeatureOutcome outcome, string path) =>
        outcome.Succeeded
            ? TypedResults.Created($"/api/v1/{path}/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);

    private static Results<Ok<CreatedResponse>, ProblemHttpResult> Done(FeatureOutcome outcome) =>
        outcome.Succeeded
            ? TypedResults.Ok(new CreatedResponse(outcome.Id ?? Guid.Empty, outcome.Result.Message))
            : ApiProblems.For(outcome);
}

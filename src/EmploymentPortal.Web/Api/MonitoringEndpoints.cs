using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Features.Monitoring;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Key-enterprise monitoring and early warning (重点企业用工监测与规模性失业预警), docs/monitoring.md.</summary>
internal static class MonitoringEndpoints
{
    public sealed record CreatedResponse(Guid Id, string Message);

    public sealed record ReportResponse(Guid Id, string Message, int WarningsRaised);

    public sealed record ImportResponse(string Message, int WarningsRaised);

    public static RouteGroupBuilder MapMonitoringEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/monitoring").WithTags("Monitoring");
        group.MapGet("/enterprises", MonitoredAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Monitored enterprises (in force, or all with includeEnded=true), each with its last reported month and the ended months of the last 12 it has not reported.");
        group.MapPost("/enterprises", DesignateAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Designate an enterprise for monitoring ({\"enterpriseId\":\"…\",\"since\":\"2026-01-01\",\"until\":null,\"reason\":\"…\"}).");
        group.MapPost("/enterprises/{id:guid}/end", EndAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("End a designation ({\"lastDay\":\"2026-12-31\",\"reason\":\"…\"}); id is the designation's.");
        group.MapGet("/reports", ReportsAsync).RequireAuthorization(PortalPolicies.MonitoringRecords)
            .WithSummary("Monthly reports, newest month first: officers all (?enterprise=), an enterprise user its own; ?from=&to= (months, yyyy-MM-dd).");
        group.MapPost("/reports", SubmitAsync).RequireAuthorization(PortalPolicies.Enterprise)
            .WithSummary("Report one month for the caller's enterprise ({\"month\":\"2026-10-01\",\"headcount\":120,\"hires\":3,\"separations\":5,\"economicLayoffs\":0}); a month reported already needs correctionNote. Evaluates the warnings at once.");
        group.MapGet("/reports/template", TemplateAsync).RequireAuthorization(PortalPolicies.Enterprise)
            .WithSummary("The xlsx template: the header row and the months the caller's enterprise still owes.");
        group.MapPost("/reports/import", ImportAsync).RequireAuthorization(PortalPolicies.Enterprise).RequireAntiforgeryToken()
            .WithSummary("Import monthly reports from xlsx (multipart, field `file`, antiforgery token in X-XSRF-TOKEN): all rows or none; a bad row is named in rowErrors.");
        group.MapGet("/thresholds", ThresholdsAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("The warning thresholds with their basis.");
        group.MapPut("/thresholds/{kind}", ConfigureAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Set the threshold of a rule (EnterpriseCut, SectorLoss, DistrictUnemploymentRise): {\"sharePercent\":10,\"count\":20,\"basis\":\"…\",\"enabled\":true}.");
        group.MapGet("/warnings", WarningsAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Early warnings with the figures behind them, newest month first; ?open=true for those not yet acknowledged.");
        group.MapPost("/warnings/{id:guid}/acknowledge", AcknowledgeAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Acknowledge a warning with a note ({\"note\":\"…\"}).");
        group.MapGet("/layoff-plans", LayoffPlansAsync).RequireAuthorization(PortalPolicies.MonitoringRecords)
            .WithSummary("Economic layoff plans: officers all, an enterprise user its own.");
        group.MapPost("/layoff-plans", RecordLayoffPlanAsync).RequireAuthorization(PortalPolicies.Enterprise)
            .WithSummary("Record the caller's enterprise's layoff plan with its placement scheme; the notice date must be at least 30 days before the planned date.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<MonitoringQueries.MonitoredRow>>> MonitoredAsync(PortalDbContext db, PortalCalendar calendar, bool? includeEnded, CancellationToken cancellationToken) =>
        TypedResults.Ok(await MonitoringQueries.MonitoredAsync(db, calendar.Today, includeEnded == true, cancellationToken));

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> DesignateAsync(DesignateEnterprise.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/monitoring/enterprises/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> EndAsync(Guid id, EndMonitoring.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { DesignationId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<IReadOnlyList<MonitoringQueries.ReportRow>>> ReportsAsync(PortalDbContext db, CurrentUser user, Guid? enterprise, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        TypedResults.Ok(await MonitoringQueries.ReportsAsync(db, user.Principal, enterprise, from, to, cancellationToken));

    private static async Task<Results<Created<ReportResponse>, ProblemHttpResult>> SubmitAsync(SubmitMonthlyReport.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/monitoring/reports/{outcome.Id}", new ReportResponse(outcome.Id!.Value, outcome.Result.Message, outcome.Get(SubmitMonthlyReport.WarningsRaised)))
            : ApiProblems.For(outcome);
    }

    private static async Task<IResult> TemplateAsync(PortalDbContext db, CurrentUser user, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        var chase = await MonitoringQueries.ChaseAsync(db, user.Principal.EnterpriseId!.Value, calendar.Today, cancellationToken);
        var stream = new MemoryStream();
        ImportMonthlyReports.WriteTemplate(stream, chase.MissingMonths);
        stream.Position = 0;
        return TypedResults.File(stream, XlsxExport.ContentType, $"用工监测月报-{calendar.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");
    }

    /// <summary>Reads the form itself, like the ledger import: an <see cref="IFormFile"/> parameter would answer 415 before authorization.</summary>
    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(HttpRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        byte[] content = [];
        if (file is not null && file.Length <= ImportMonthlyReports.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }
        else if (file is not null)
        {
            content = new byte[ImportMonthlyReports.MaxBytes + 1];
        }

        var outcome = await pipeline.SendAsync(new ImportMonthlyReports.Command { FileName = file?.FileName ?? string.Empty, Content = content }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new ImportResponse(outcome.Result.Message, outcome.Get(SubmitMonthlyReport.WarningsRaised))) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<IReadOnlyList<MonitoringQueries.ThresholdRow>>> ThresholdsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await MonitoringQueries.ThresholdsAsync(db, cancellationToken));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> ConfigureAsync(string kind, ConfigureThreshold.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<WarningKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
        {
            return ApiProblems.NotFound("预警类型");
        }

        var outcome = await pipeline.SendAsync(command with { Kind = parsed }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(outcome.Id!.Value, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<IReadOnlyList<MonitoringQueries.WarningRow>>> WarningsAsync(PortalDbContext db, bool? open, CancellationToken cancellationToken) =>
        TypedResults.Ok(await MonitoringQueries.WarningsAsync(db, open == true, 500, cancellationToken));

    private static async Task<Results<Ok<CreatedResponse>, ProblemHttpResult>> AcknowledgeAsync(Guid id, AcknowledgeWarning.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command with { WarningId = id }, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new CreatedResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Ok<IReadOnlyList<MonitoringQueries.LayoffPlanRow>>> LayoffPlansAsync(PortalDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok(await MonitoringQueries.LayoffPlansAsync(db, user.Principal, cancellationToken));

    private static async Task<Results<Created<CreatedResponse>, ProblemHttpResult>> RecordLayoffPlanAsync(RecordLayoffPlan.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/monitoring/layoff-plans/{outcome.Id}", new CreatedResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }
}

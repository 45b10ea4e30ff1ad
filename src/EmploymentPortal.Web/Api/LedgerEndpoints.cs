using EmploymentPortal.Web.Infrastructure.Xlsx;
using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Features.Residents.Ledger;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Api;

/// <summary>The resident ledger (台账) through the API: template, sample, import with an error report, export.</summary>
internal static class LedgerEndpoints
{
    public sealed record ImportSummary(Guid ImportId, LedgerImportStatus Status, string Message, int Total, int Processed, int Imported, int Skipped, int Rejected, string? ErrorReport);

    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/residents").WithTags("Resident ledger");
        group.MapGet("/import-template", TemplateAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("The ledger template (xlsx): headers, an example row, a sheet explaining each column and the caller's communities.");
        group.MapGet("/import-sample", SampleAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("A small sample ledger for the caller's communities with a few deliberately bad rows.");

        // A multipart form any page could post: it needs an antiforgery token (SameSite=Lax does
        // not keep the cookie off a page on another port of the same host; docs/security.md).
        group.MapPost("/import", ImportAsync).RequireAuthorization(PortalPolicies.Station).RequireAntiforgeryToken()
            .WithSummary("Import a ledger xlsx (multipart, field `file`, antiforgery token in X-XSRF-TOKEN) into the caller's communities; answers the counts and a link to the error report.");
        group.MapGet("/imports/{id:guid}", ImportStatus).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Progress or result of one of the caller's imports.");
        group.MapGet("/imports/{id:guid}/error-report", ErrorReport).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("The error report (xlsx) of one of the caller's imports: row number and reason of each rejected or skipped row.");
        group.MapGet("/export", ExportAsync).RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("The residents the caller may see, filtered like the list, as xlsx; ID numbers and phones masked unless full=true, which is audited.");
        return group;
    }

    private static async Task<IResult> TemplateAsync(PortalDbContext db, CurrentUser user, PortalCalendar calendar, PrivateWorkFolder folder, CancellationToken cancellationToken)
    {
        var communities = await ScopeCommunitiesAsync(db, user.Principal, cancellationToken);
        return await FileAsync(folder, stream => LedgerFiles.WriteTemplate(stream, communities), "居民台账导入模板.xlsx");
    }

    private static async Task<IResult> SampleAsync(PortalDbContext db, CurrentUser user, PortalCalendar calendar, PrivateWorkFolder folder, CancellationToken cancellationToken)
    {
        var communities = await ScopeCommunitiesAsync(db, user.Principal, cancellationToken);
        if (communities.Count == 0)
        {
            return ApiProblems.NotFound("社区");
        }

        return await FileAsync(folder, stream => LedgerFiles.WriteSample(stream, communities, calendar.Today), "居民台账示例.xlsx");
    }

    /// <summary>
    /// Reads the form itself rather than binding an <see cref="IFormFile"/> parameter: with one,
    /// routing answers 415 to any other content type before authorization runs. The size limit
    /// is the request's (<see cref="RequestLimits"/>, 50 MB; a 100,000-row ledger is about 10 MB).
    /// </summary>
    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportAsync(HttpRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        var outcome = await pipeline.SendAsync(
            new ImportLedger.Command { FileName = file?.FileName ?? string.Empty, Length = file?.Length ?? 0, File = file is null ? null : _ => file.OpenReadStream() },
            cancellationToken);
        if (outcome.Get(ImportLedger.Job) is not { } job)
        {
            return ApiProblems.For(outcome);
        }

        // A client that gives up does not stop the import: it goes on and can be looked up.
        var result = await job.Completion.WaitAsync(cancellationToken);
        var done = ImportLedger.OutcomeOf(result);
        return done.Succeeded ? TypedResults.Ok(Summarize(job, result)) : ApiProblems.For(done);
    }

    private static Results<Ok<ImportSummary>, ProblemHttpResult> ImportStatus(Guid id, CurrentUser user, LedgerImportJobs jobs)
    {
        var job = jobs.Find(id, user.Principal.UserId);
        if (job is null)
        {
            return ApiProblems.NotFound("导入任务");
        }

        return TypedResults.Ok(job.Result is { } result
            ? Summarize(job, result)
            : new ImportSummary(job.Id, LedgerImportStatus.Running, "正在导入……", job.Progress.Total, job.Progress.Processed, job.Progress.Imported, job.Progress.Skipped, job.Progress.Rejected, null));
    }

    private static IResult ErrorReport(Guid id, CurrentUser user, LedgerImportJobs jobs)
    {
        var job = jobs.Find(id, user.Principal.UserId);
        if (job?.Result?.ErrorReportPath is not { } path || !File.Exists(path))
        {
            return ApiProblems.NotFound("错误报告");
        }

        var name = $"导入错误报告-{job.StartedAt.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.PhysicalFile(path, XlsxExport.ContentType, name);
    }

    private static async Task<IResult> ExportAsync(PortalDbContext db, CurrentUser user, PortalCalendar calendar, PrivateWorkFolder folder, Guid? community, EmploymentStatus? status, bool? overdue, KeyGroup? keyGroup, AgeBand? ageBand, bool? full, CancellationToken cancellationToken)
    {
        var principal = user.Principal;
        if (community is { } id && !principal.CanSeeCommunity(id))
        {
            return ApiProblems.NotFound("社区");
        }

        // The staff list's filters, the same query (scope included) as the list.
        var filter = new ResidentListQueries.Filter(calendar.Today, community, status, overdue == true, keyGroup, ageBand);
        var stream = PrivateWorkFolder.CreateFile(folder.NewPath("export"), FileOptions.DeleteOnClose);
        try
        {
            await LedgerFiles.WriteExportAsync(db, principal, filter, full == true, stream, cancellationToken);
            stream.Position = 0;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        var name = $"居民台账-{calendar.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx";
        return TypedResults.File(stream, XlsxExport.ContentType, name);
    }

    private static ImportSummary Summarize(LedgerImportJob job, LedgerImportResult result) =>
        new(job.Id, result.Status, result.Message, result.Counts.Total, result.Counts.Processed, result.Counts.Imported, result.Counts.Skipped, result.Counts.Rejected, job.ErrorReportUrl);

    private static async Task<List<(string Code, string Name)>> ScopeCommunitiesAsync(PortalDbContext db, PortalPrincipal principal, CancellationToken cancellationToken)
    {
        var ids = principal.IsStationStaff ? principal.CommunityIds.ToList() : [];
        var rows = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>Writes a generated workbook to a self-deleting temporary file and sends it.</summary>
    private static Task<IResult> FileAsync(PrivateWorkFolder folder, Action<Stream> write, string name)
    {
        var stream = PrivateWorkFolder.CreateFile(folder.NewPath("file"), FileOptions.DeleteOnClose);
        write(stream);
        stream.Position = 0;
        return Task.FromResult<IResult>(TypedResults.File(stream, XlsxExport.ContentType, name));
    }
}

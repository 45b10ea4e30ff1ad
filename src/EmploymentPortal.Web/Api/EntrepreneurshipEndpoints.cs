using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Web.Features.Entrepreneurship;
using EmploymentPortal.Web.Features.Policies;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Business starts and guaranteed loans (创业, issue 16) through the same handlers and queries as the pages.</summary>
internal static class EntrepreneurshipEndpoints
{
    public sealed record DoneResponse(Guid Id, string Message);

    public static RouteGroupBuilder MapEntrepreneurshipEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/entrepreneurship").WithTags("Entrepreneurship");
        group.MapPost("/business-starts", RecordBusinessStartAsync).RequireAuthorization(PortalPolicies.Station)
            .WithSummary("Record a resident's business start (station staff, residents of their communities): residentId, name, registrationNumber (credit code, or an individual business's 15-digit number), type, startDate, address, communityId?.");
        group.MapGet("/business-starts", BusinessStartsAsync).RequireAuthorization(PortalPolicies.ResidentRecords)
            .WithSummary("The business starts of a resident in the caller's scope (?resident=), with employees counted from hire records and their loans.");
        group.MapPost("/loans", ApplyAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Record a guaranteed-loan application (officers): businessStartId or enterpriseCreditCode, amount, termMonths; the documents' conditions are decided by the rules service (422 loan-conditions-not-met).");
        group.MapGet("/loans", LoansAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Guaranteed loans, newest application first (?status=&page=&pageSize=).");
        group.MapGet("/loans/{id:guid}", LoanAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A loan with its repayment schedule, repayments and the interest subsidy of each installment.");
        group.MapPost("/loans/{id:guid}/guarantee-decision", (Guid id, RecordGuaranteeDecision.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("The guarantee institution's decision: institution, approved, decidedOn, note (required when refused).");
        group.MapPost("/loans/{id:guid}/bank-decision", (Guid id, RecordBankDecision.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("The lending bank's decision: bank, approved, lentAmount, annualRatePercent, decidedOn, note.");
        group.MapPost("/loans/{id:guid}/disbursement", (Guid id, DisburseLoan.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("The disbursement (disbursedOn); makes the repayment schedule.");
        group.MapPost("/loans/{id:guid}/repayments", (Guid id, RecordLoanRepayment.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("A repayment (amount, paidOn); pays the oldest installments first.");
        group.MapPost("/loans/{id:guid}/extension", (Guid id, ExtendLoan.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("An extension of repayment (展期: months, grantedOn, borrowerInfected); whether the subsidy continues on it is the rules service's decision (rule nanhe-2020-1.startup-loan-extension-covid).");
        group.MapPost("/loans/{id:guid}/overdue", (Guid id, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, new MarkLoanOverdue.Command { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("Mark the loan overdue (an installment is past due and unpaid).");
        group.MapPost("/loans/{id:guid}/default", (Guid id, MarkLoanDefault.Command command, CommandPipeline pipeline, CancellationToken ct) => SendAsync(pipeline, id, command with { LoanId = id }, ct))
            .RequireAuthorization(PortalPolicies.Bureau).WithSummary("Mark an overdue loan defaulted (defaultedOn, note).");
        return api;
    }

    private static async Task<Results<Created<DoneResponse>, ProblemHttpResult>> RecordBusinessStartAsync(RecordBusinessStart.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/entrepreneurship/business-starts?resident={command.ResidentId}", new DoneResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<IReadOnlyList<EntrepreneurshipQueries.BusinessStartRow>>, NotFound>> BusinessStartsAsync(Guid resident, PortalDbContext db, CurrentUser user, PortalCalendar calendar, CancellationToken cancellationToken) =>
        await EntrepreneurshipQueries.BusinessStartsOfAsync(db, user.Principal, resident, calendar.Today, cancellationToken) is { } rows
            ? TypedResults.Ok(rows)
            : TypedResults.NotFound();

    private static async Task<Results<Created<DoneResponse>, ProblemHttpResult>> ApplyAsync(ApplyForLoan.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/entrepreneurship/loans/{outcome.Id}", new DoneResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Ok<ResidentQueries.Page<EntrepreneurshipQueries.LoanRow>>> LoansAsync(PortalDbContext db, LoanStatus? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, 200);
        var skip = (Math.Max(page ?? 1, 1) - 1) * size;
        return TypedResults.Ok(await EntrepreneurshipQueries.LoansAsync(db, status, skip, size, cancellationToken));
    }

    private static async Task<Results<Ok<EntrepreneurshipQueries.LoanDetail>, NotFound>> LoanAsync(Guid id, PortalDbContext db, PolicyCatalogueService policies, PortalCalendar calendar, CancellationToken cancellationToken)
    {
        await policies.EnsureCurrentAsync(db, cancellationToken);
        return await EntrepreneurshipQueries.LoanAsync(db, policies.Catalogue, id, calendar.Today, cancellationToken) is { } loan
            ? TypedResults.Ok(loan)
            : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<DoneResponse>, ProblemHttpResult>> SendAsync<TCommand>(CommandPipeline pipeline, Guid id, TCommand command, CancellationToken cancellationToken)
        where TCommand : notnull
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new DoneResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }
}

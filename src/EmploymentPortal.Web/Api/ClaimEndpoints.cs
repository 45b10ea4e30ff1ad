using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Policies;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmploymentPortal.Web.Api;

/// <summary>Subsidy claims, their review and payment batches, through the same handlers as the pages.</summary>
internal static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims.MapPost("/", CreateAsync).RequireAuthorization(PortalPolicies.Claimants)
            .WithSummary("Creates a claim ({\"benefit\", \"ruleId\"?, \"residentId\" | \"residentIdNumber\" | \"hireId\", \"facts\", \"payeeName\", \"payeeAccount\", \"submit\"}); 201 with the rules service's decision.");
        claims.MapPost("/community-awards", CommunityAwardAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer claims the three-kilometre fully-employed community award ({\"communityId\", \"payeeName\"?, \"payeeAccount\", \"payeeBank\"?, \"submit\"}) for a community its latest assessment recognises; once per community and year.");
        claims.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PortalPolicies.ClaimRecords)
            .WithSummary("One claim with its frozen facts, decision and trace, history and payment.");
        claims.MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(PortalPolicies.Claimants)
            .WithSummary("The claimant submits a draft or a claim returned for correction (optional corrected \"facts\").");
        claims.MapPost("/{id:guid}/withdraw", WithdrawAsync).RequireAuthorization(PortalPolicies.Claimants)
            .WithSummary("The claimant withdraws its own draft, a submitted claim no officer has acted on yet, or a claim returned for correction; 422 claim-not-withdrawable once an officer acted, 404 for another claimant's claim.");
        // A multipart form any page could post: it needs an antiforgery token (as the ledger import).
        claims.MapPost("/{id:guid}/attachments", UploadAsync).RequireAuthorization(PortalPolicies.Claimants).RequireAntiforgeryToken()
            .WithSummary("The claimant attaches a PDF, JPG or PNG (multipart, field `file`, antiforgery token in X-XSRF-TOKEN; type checked by content, at most Claims:AttachmentMaxBytes) while the claim is a draft or returned for correction.");
        claims.MapGet("/{id:guid}/attachments", AttachmentsAsync).RequireAuthorization(PortalPolicies.ClaimRecords)
            .WithSummary("The claim's attachments: file name, type, size, SHA-256, uploader.");
        claims.MapGet("/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).RequireAuthorization(PortalPolicies.ClaimRecords)
            .WithSummary("One attachment's file, for whoever may see the claim; an audited read.");
        claims.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer approves ({\"amount\"?: \"3000.00\", \"reason\"?}); a reason is required against the rules' decision or amount. 403 for the claim's maker.");
        claims.MapPost("/{id:guid}/accept-list-member", AcceptListMemberAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer who is not the maker accepts a member an open list of the text does not name (…等) ({\"fact\", \"reason\"}): the claim is decided again with the acceptance; the reason is kept in its history.");
        claims.MapPost("/{id:guid}/reject", RejectAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer rejects ({\"reason\"}).");
        claims.MapPost("/{id:guid}/return", ReturnAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer returns the claim for correction ({\"reason\"}).");

        var batches = api.MapGroup("/payment-batches").WithTags("Claims");
        batches.MapPost("/", CreateBatchAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Puts approved claims in a payment batch ({\"claimIds\": [...]}).");
        batches.MapGet("/{id:guid}/export", ExportAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("The batch as xlsx for finance: payee, account, amount, benefit, policy document number, claim number.");
        batches.MapPost("/{id:guid}/settle", SettleAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Records finance's result: all paid except {\"failures\": {\"<claim id>\": \"reason\"}} (they return to approved).");
        api.MapGet("/claim-reports/export", ReportAsync).WithTags("Claims").RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("Claims and amounts by benefit, status, district and month as xlsx (?from=&until=); a corrupt stored amount is left out of the sums and flagged.");

        var ceilings = api.MapGroup("/benefit-ceilings").WithTags("Claims");
        ceilings.MapGet("/", CeilingsAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("The bureau's per-claim ceilings of benefits whose rules compute no amount: the one in force per benefit and every version.");
        ceilings.MapPost("/", SetCeilingAsync).RequireAuthorization(PortalPolicies.Bureau)
            .WithSummary("A bureau officer sets a benefit's per-claim ceiling ({\"benefit\", \"amount\": \"800.00\", \"basis\"}); a new version, audited, the history kept.");
        return api;
    }

    public sealed record ClaimResponse(Guid Id, string Number, string Status, string Outcome, Money? Amount, Money? RulesAmount, IReadOnlyList<string> MissingFacts, string FactSource, string Message, JsonElement Decision);

    public sealed record ReviewRequest(Money? Amount, string? Reason);

    public sealed record BatchRequest(IReadOnlyList<Guid>? ClaimIds);

    public sealed record AcceptListMemberRequest(string? Fact, string? Reason);

    public sealed record SettleRequest(Dictionary<Guid, string>? Failures);

    public sealed record OutcomeResponse(Guid Id, string Message);

    private static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> CreateAsync(CreateClaim.Command command, CommandPipeline pipeline, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ApiProblems.For(outcome);
        }

        var response = await ResponseAsync(db, user.Principal, outcome.Id!.Value, outcome.Result.Message, cancellationToken);
        return TypedResults.Created($"/api/v1/claims/{outcome.Id}", response);
    }

    private static async Task<Results<Created<ClaimResponse>, ProblemHttpResult>> CommunityAwardAsync(FileCommunityAward.Command command, CommandPipeline pipeline, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/claims/{outcome.Id}", await ResponseAsync(db, user.Principal, outcome.Id!.Value, outcome.Result.Message, cancellationToken))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> GetAsync(Guid id, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var detail = await ClaimQueries.DetailAsync(db, user.Principal, id, cancellationToken);
        if (detail is null)
        {
            return ApiProblems.NotFound("补贴申请");
        }

        var c = detail.Claim;
        return TypedResults.Ok<object>(new
        {
            c.Id,
            c.Number,
            c.Benefit,
            c.RuleId,
            c.RuleTitle,
            c.DocumentNumber,
            claimant = c.ClaimantKind.ToString(),
            c.EnterpriseId,
            enterpriseName = detail.EnterpriseName,
            c.ResidentId,
            personName = c.PersonName,
            idNumber = detail.MaskedIdNumber,
            status = c.Status.ToString(),
            outcome = c.Outcome.ToString(),
            missingFacts = SplitMissing(c.MissingFacts),
            c.RulesAmount,
            c.Amount,
            c.FactSource,
            c.HireId,
            hire = detail.Hire,
            // 补贴期间 of a monthly subsidy of a person: the months it covers, yyyy-MM.
            coveredMonths = c.CoveredMonths.Select(m => m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList(),
            statedFacts = JsonDocument.Parse(c.StatedFactsJson).RootElement,
            facts = JsonDocument.Parse(c.FactsJson).RootElement,
            decision = JsonDocument.Parse(c.DecisionJson).RootElement,
            c.CatalogueVersion,
            c.DecidedOn,
            c.OverrideReason,
            c.ReviewNote,
            c.PreparedByName,
            c.SubmittedByName,
            c.FirstApproverName,
            c.SecondApproverName,
            c.SecondApprovalThreshold,
            c.ApprovedAt,
            paymentBatch = detail.BatchNumber,
            c.PaidAt,
            c.PaymentFailure,
            c.SupervisionFlag,
            c.SupervisionNote,
            canApprove = detail.CanApprove,
            history = detail.Events.Select(e => new { e.At, from = e.FromStatus?.ToString(), to = e.ToStatus.ToString(), actor = e.ActorName, e.Note }),
        });
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> SubmitAsync(Guid id, SubmitRequest? request, CommandPipeline pipeline, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new SubmitClaim.Command(id, request?.Facts, request?.PayeeName, request?.PayeeAccount, request?.PayeeBank), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(await ResponseAsync(db, user.Principal, id, outcome.Result.Message, cancellationToken)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> WithdrawAsync(Guid id, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new WithdrawClaim.Command(id), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new OutcomeResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    public sealed record SubmitRequest(System.Text.Json.Nodes.JsonObject? Facts, string? PayeeName, string? PayeeAccount, string? PayeeBank);

    private static Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> ApproveAsync(Guid id, ReviewRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        ReviewAsync(pipeline, new ReviewClaim.Command(id, ReviewClaim.Action.Approve, request?.Amount, request?.Reason), cancellationToken);

    private static Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> RejectAsync(Guid id, ReviewRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        ReviewAsync(pipeline, new ReviewClaim.Command(id, ReviewClaim.Action.Reject, null, request?.Reason), cancellationToken);

    private static Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> ReturnAsync(Guid id, ReviewRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken) =>
        ReviewAsync(pipeline, new ReviewClaim.Command(id, ReviewClaim.Action.Return, null, request?.Reason), cancellationToken);

    private static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> ReviewAsync(CommandPipeline pipeline, ReviewClaim.Command command, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new OutcomeResponse(command.ClaimId, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> AcceptListMemberAsync(Guid id, AcceptListMemberRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new AcceptListMember.Command(id, request?.Fact, request?.Reason), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new OutcomeResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> CreateBatchAsync(BatchRequest request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new PaymentBatches.CreateCommand(request.ClaimIds ?? []), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/payment-batches/{outcome.Id}", new OutcomeResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<OutcomeResponse>, ProblemHttpResult>> SettleAsync(Guid id, SettleRequest? request, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(new PaymentBatches.SettleCommand(id, request?.Failures), cancellationToken);
        return outcome.Succeeded ? TypedResults.Ok(new OutcomeResponse(id, outcome.Result.Message)) : ApiProblems.For(outcome);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(Guid id, PortalDbContext db, ClaimAmounts amounts, CancellationToken cancellationToken)
    {
        // A batch that no longer reconciles is refused as the pipeline refuses it (409, DomainRefusals).
        var (export, refusal) = await CommandPipeline.ReadAsync(() => ClaimQueries.BatchExportAsync(db, amounts, id, cancellationToken));
        return refusal is not null ? ApiProblems.For(refusal)
            : export is null ? ApiProblems.NotFound("支付批次")
            : TypedResults.File(ClaimQueries.BatchXlsx(export), XlsxExport.ContentType, $"{export.Batch.Number}.xlsx");
    }

    /// <summary>Reads the form itself (as the ledger import) so that a wrong content type meets authorization first.</summary>
    private static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> UploadAsync(Guid id, HttpRequest request, CommandPipeline pipeline, ClaimOptions options, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["file"] = ["请选择要上传的附件（PDF、JPG 或 PNG）。"] });
        }

        if (file.Length > options.AttachmentMaxBytes)
        {
            return ApiProblems.Problem(StatusCodes.Status413PayloadTooLarge, "claim-attachment-too-large", "附件过大",
                $"文件超过 {ErrorMapping.Megabytes(options.AttachmentMaxBytes)} 的上限，请压缩或拆分后上传。");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var outcome = await pipeline.SendAsync(new ClaimAttachments.UploadCommand(id, file.FileName, content), cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/claims/{id}/attachments/{outcome.Id}", new OutcomeResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<Results<Ok<List<ClaimAttachments.Row>>, ProblemHttpResult>> AttachmentsAsync(Guid id, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var rows = await ClaimAttachments.ListAsync(db, user.Principal, id, cancellationToken);
        return rows is null ? ApiProblems.NotFound("补贴申请") : TypedResults.Ok(rows);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid attachmentId, PortalDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var file = await ClaimAttachments.DownloadAsync(db, user.Principal, id, attachmentId, cancellationToken);
        return file is null ? ApiProblems.NotFound("附件") : TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<FileContentHttpResult> ReportAsync(PortalDbContext db, ClaimAmounts amounts, DateOnly? from, DateOnly? until, CancellationToken cancellationToken)
    {
        var rows = await ClaimQueries.ReportAsync(db, amounts, from, until, cancellationToken);
        return TypedResults.File(ClaimQueries.ReportXlsx(rows), XlsxExport.ContentType, "claims-report.xlsx");
    }

    private static async Task<Ok<BenefitCeilings.Overview>> CeilingsAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await BenefitCeilings.ListAsync(db, cancellationToken));

    private static async Task<Results<Created<OutcomeResponse>, ProblemHttpResult>> SetCeilingAsync(BenefitCeilings.Command command, CommandPipeline pipeline, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created("/api/v1/benefit-ceilings", new OutcomeResponse(outcome.Id!.Value, outcome.Result.Message))
            : ApiProblems.For(outcome);
    }

    private static async Task<ClaimResponse> ResponseAsync(PortalDbContext db, PortalPrincipal principal, Guid id, string message, CancellationToken cancellationToken)
    {
        var detail = await ClaimQueries.DetailAsync(db, principal, id, cancellationToken);
        var c = detail!.Claim;
        return new ClaimResponse(c.Id, c.Number, c.Status.ToString(), c.Outcome.ToString(), c.Amount, c.RulesAmount, SplitMissing(c.MissingFacts), c.FactSource, message, JsonDocument.Parse(c.DecisionJson).RootElement);
    }

    private static string[] SplitMissing(string missing) => missing.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

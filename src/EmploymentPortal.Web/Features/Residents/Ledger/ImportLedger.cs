using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Residents.Ledger;

/// <summary>
/// A station worker uploads a resident ledger (居民台账, xlsx): the file is saved to the private
/// work folder and a background import job starts (<see cref="LedgerImportJobs"/>). The page
/// watches the job; the API waits for it and answers its result (<see cref="OutcomeOf"/>).
/// </summary>
public static class ImportLedger
{
    public const string FileRejectedCode = "ledger-file-rejected";

    /// <summary>The import job started, to watch or wait for.</summary>
    public static readonly OutcomeValue<LedgerImportJob> Job = new("job");

    public sealed record Command
    {
        /// <summary>The uploaded file's name as the browser gave it.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string FileName { get; init; } = string.Empty;

        /// <summary>The uploaded file's size in bytes.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public long Length { get; init; }

        /// <summary>Opens the uploaded file (a form file, a browser file); null when none was sent.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Func<CancellationToken, Stream>? File { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(RequestLimits limits)
        {
            RuleFor(c => c.File)
                .Must((c, file) => file is not null && c.Length > 0).WithMessage("请选择要上传的台账文件（.xlsx）。")
                .Must((c, _) => c.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && c.Length <= limits.MaxRequestBodyBytes)
                .WithMessage($"请上传 .xlsx 格式的台账文件，大小不超过 {limits.MaxRequestBodyText}。");
        }
    }

    public sealed class Handler(OperationScope scope, LedgerImportJobs jobs) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Denied("只有社区服务站工作人员可以导入居民台账。");
            }

            var path = jobs.NewUploadPath();
            try
            {
                await using var target = PrivateWorkFolder.CreateFile(path);
                await using var source = command.File!(cancellationToken);
                await source.CopyToAsync(target, cancellationToken);
            }
            catch
            {
                PrivateWorkFolder.TryDelete(path);
                throw;
            }

            var job = jobs.Start(principal, path, Path.GetFileName(command.FileName));
            return FeatureOutcome.Success("已开始导入。", job.Id).With(Job, job);
        }
    }

    /// <summary>A finished import as the command's outcome: a file that could not be read is a 400 on the file (<see cref="FileRejectedCode"/>).</summary>
    public static FeatureOutcome OutcomeOf(LedgerImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status == LedgerImportStatus.FileRejected
            ? FeatureOutcome.Field(nameof(Command.File), result.Message, FileRejectedCode)
            : FeatureOutcome.Success(result.Message, result.ImportId);
    }
}

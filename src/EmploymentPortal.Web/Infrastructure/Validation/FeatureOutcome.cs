using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// What a feature handler answers when both a page and the API call it: the <see cref="CommandResult"/> the pages
/// show, a stable <see cref="Code"/> the API maps to a status and returns in problem details,
/// and the id of what was created.
/// </summary>
public sealed record FeatureOutcome(CommandResult Result, string Code, Guid? Id = null)
{
    public const string Ok = "ok";
    public const string ValidationFailed = "validation-failed";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";

    public bool Succeeded => Result.Succeeded;

    public static FeatureOutcome Success(string message, Guid? id = null) => new(CommandResult.Success(message), Ok, id);

    public static FeatureOutcome Invalid(FluentValidation.Results.ValidationResult validation) => new(CommandResult.FromValidation(validation), ValidationFailed);

    public static FeatureOutcome Field(string field, string message, string code = ValidationFailed) => new(CommandResult.FieldError(field, message), code);

    public static FeatureOutcome Missing(string what) => new(CommandResult.Failure($"{what}不存在，或您无权查看。"), NotFound);

    public static FeatureOutcome Denied(string message) => new(CommandResult.Failure(message), Forbidden);

    public static FeatureOutcome Concurrency() => new(CommandResult.Failure("数据已被他人修改，请刷新后重试。"), Conflict);

    public static FeatureOutcome FromDomain(DomainException exception) => new(CommandResult.Failure(exception.Message), exception.Code);
}

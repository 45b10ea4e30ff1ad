using EmploymentPortal.Domain.Common;
using EmploymentPortal.Web.Infrastructure.Commands;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>What the answer to a command is, and so its status (docs/decisions/007-command-pipeline.md).</summary>
public enum OutcomeKind
{
    /// <summary>Done: 200/201.</summary>
    Ok,

    /// <summary>Input refused, with the fields named in <see cref="CommandResult.Errors"/>: 400.</summary>
    Invalid,

    /// <summary>A rule refuses the request as a whole (state, eligibility): 422 with the rule's code.</summary>
    Refused,

    /// <summary>Not found, or not in the caller's scope: 404.</summary>
    NotFound,

    /// <summary>Signed in but not allowed to do this (maker-checker, role): 403.</summary>
    Forbidden,

    /// <summary>A concurrent change or a duplicate: 409.</summary>
    Conflict,
}

/// <summary>
/// A value an outcome carries beside its message (docs/decisions/007-command-pipeline.md): typed
/// for the page or endpoint that reads it with <see cref="FeatureOutcome.Get{T}"/>, and named as
/// the JSON member it becomes in a refusal's problem details (<see cref="ApiProblems.For"/>).
/// E.g. the registration number a 失业登记 issued, a generated password, the conditions a
/// registration failed.
/// </summary>
public sealed record OutcomeValue<T>(string Name);

/// <summary>
/// The one result of a command (docs/decisions/007-command-pipeline.md): the
/// <see cref="CommandResult"/> the pages show (a Chinese message, errors by field), a stable
/// <see cref="Code"/> the API returns in problem details, its <see cref="Kind"/> (which fixes the
/// status) and the id of what was created. <see cref="Infrastructure.Commands.CommandPipeline"/>
/// produces it for validation failures, domain refusals and concurrency conflicts; handlers for
/// their own answers.
/// </summary>
public sealed record FeatureOutcome(CommandResult Result, string Code, Guid? Id = null)
{
    public const string Ok = "ok";
    public const string ValidationFailed = "validation-failed";
    public const string NotFound = "not-found";
    public const string Forbidden = "forbidden";
    public const string Conflict = "conflict";

    private readonly OutcomeKind? _kind;

    /// <summary>
    /// The kind of answer: set by the factories, otherwise read from the code (the standard codes
    /// name their kind; any other code is <see cref="OutcomeKind.Invalid"/> when it names fields,
    /// else <see cref="OutcomeKind.Refused"/>).
    /// </summary>
    public OutcomeKind Kind
    {
        get => _kind ?? Code switch
        {
            Ok => OutcomeKind.Ok,
            ValidationFailed => OutcomeKind.Invalid,
            NotFound => OutcomeKind.NotFound,
            Forbidden => OutcomeKind.Forbidden,
            Conflict => OutcomeKind.Conflict,
            _ when Result.Errors.Count > 0 => OutcomeKind.Invalid,
            _ => OutcomeKind.Refused,
        };
        init => _kind = value;
    }

    public bool Succeeded => Result.Succeeded;

    /// <summary>The values set with <see cref="With{T}"/>, by <see cref="OutcomeValue{T}.Name"/>.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; init; } = new Dictionary<string, object?>();

    /// <summary>This outcome carrying <paramref name="value"/> as <paramref name="key"/>.</summary>
    public FeatureOutcome With<T>(OutcomeValue<T> key, T value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return this with { Values = new Dictionary<string, object?>(Values) { [key.Name] = value } };
    }

    /// <summary>The value carried as <paramref name="key"/>, or the default when the outcome carries none.</summary>
    public T? Get<T>(OutcomeValue<T> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Values.TryGetValue(key.Name, out var value) && value is T typed ? typed : default;
    }

    public static FeatureOutcome Success(string message, Guid? id = null) => new(CommandResult.Success(message), Ok, id);

    public static FeatureOutcome Invalid(FluentValidation.Results.ValidationResult validation) =>
        new(CommandResult.FromValidation(validation), validation.Errors.Select(e => e.ErrorCode).FirstOrDefault(IsPortalCode) ?? ValidationFailed) { Kind = OutcomeKind.Invalid };

    /// <summary>
    /// A validator's failures (the pipeline's answer): one failure is that field's message, as a
    /// handler's <see cref="Field"/> answer; several the general message with each field's. The
    /// code is the first one a rule names with <c>WithErrorCode</c>, else <see cref="ValidationFailed"/>.
    /// </summary>
    public static FeatureOutcome FromValidation(FluentValidation.Results.ValidationResult validation) =>
        validation.Errors is [var only]
            ? Field(only.PropertyName, only.ErrorMessage, IsPortalCode(only.ErrorCode) ? only.ErrorCode : ValidationFailed)
            : Invalid(validation);

    public static FeatureOutcome Field(string field, string message, string code = ValidationFailed) => new(CommandResult.FieldError(field, message), code) { Kind = OutcomeKind.Invalid };

    public static FeatureOutcome Missing(string what) => new(CommandResult.Failure($"{what}不存在，或您无权查看。"), NotFound);

    /// <summary>Not found or outside the caller's scope, named on the field that chose it (404, the page shows it there).</summary>
    public static FeatureOutcome MissingField(string field, string message) => new(CommandResult.FieldError(field, message), NotFound) { Kind = OutcomeKind.NotFound };

    public static FeatureOutcome Denied(string message) => new(CommandResult.Failure(message), Forbidden);

    /// <summary>Forbidden with a code of its own (403): who asks may not do this.</summary>
    public static FeatureOutcome Denied(string message, string code) => new(CommandResult.Failure(message), code) { Kind = OutcomeKind.Forbidden };

    /// <summary>A rule refuses the request as a whole: 422 with <paramref name="code"/>.</summary>
    public static FeatureOutcome Refused(string code, string message) => new(CommandResult.Failure(message), code) { Kind = OutcomeKind.Refused };

    /// <summary>A duplicate or another conflict with the stored state: 409 with <paramref name="code"/>.</summary>
    public static FeatureOutcome Conflicting(string code, string message) => new(CommandResult.Failure(message), code) { Kind = OutcomeKind.Conflict };

    public static FeatureOutcome Concurrency() => new(CommandResult.Failure("数据已被他人修改，请刷新后重试。"), Conflict);

    /// <summary>
    /// A domain rule's refusal: 422 with its code, unless <see cref="DomainRefusals"/> places the
    /// code elsewhere (a field, forbidden, conflict). The message is the exception's (Chinese).
    /// </summary>
    public static FeatureOutcome FromDomain(DomainException exception)
    {
        var (kind, field) = DomainRefusals.Of(exception.Code);
        return kind switch
        {
            OutcomeKind.Invalid when field is not null => Field(field, exception.Message, exception.Code),
            OutcomeKind.Forbidden => Denied(exception.Message),
            OutcomeKind.Conflict => Conflicting(exception.Code, exception.Message),
            _ => Refused(exception.Code, exception.Message),
        };
    }

    /// <summary>A validator names its own code with <c>WithErrorCode("kebab-case-code")</c>; FluentValidation's own codes end in "Validator".</summary>
    private static bool IsPortalCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Contains('-', StringComparison.Ordinal) && code.All(c => c == '-' || char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}

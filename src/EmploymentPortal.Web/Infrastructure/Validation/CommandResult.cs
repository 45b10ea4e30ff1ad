namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// What a command handler answers: success with a Chinese message, or errors by field (property
/// path of the command; an empty key for the form as a whole).
/// </summary>
public sealed record CommandResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static CommandResult Success(string message) => new(true, message, NoErrors);

    public static CommandResult Failure(string message, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(false, message, errors ?? NoErrors);

    public static CommandResult FieldError(string field, string message) =>
        new(false, message, new Dictionary<string, string[]> { [field] = [message] });

    public static CommandResult FromValidation(FluentValidation.Results.ValidationResult result) =>
        Failure(
            "提交的数据有误，请根据各字段的提示修改。",
            result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
}

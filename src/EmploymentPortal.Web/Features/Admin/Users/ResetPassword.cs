using System.Security.Cryptography;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace EmploymentPortal.Web.Features.Admin.Users;

/// <summary>
/// An administrator sets a new password for a user: typed in, or generated and shown once.
/// Identity checks it against the password policy and renews the security stamp, which ends all
/// of the user's sessions.
/// </summary>
public static class ResetPassword
{
    public sealed record Command
    {
        public string UserId { get; set; } = string.Empty;

        public string ConcurrencyStamp { get; set; } = string.Empty;

        /// <summary>Ignored when <see cref="Generate"/> is set.</summary>
        public string NewPassword { get; set; } = string.Empty;

        public bool Generate { get; set; }
    }

    /// <summary>A generated password, carried by the outcome: the one chance to see it.</summary>
    public static readonly OutcomeValue<string> GeneratedPassword = new("generatedPassword");

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserId).NotEmpty().WithMessage("未指定用户。");
            RuleFor(c => c.NewPassword)
                .NotEmpty().When(c => !c.Generate).WithMessage("请输入新密码，或选择自动生成。");
        }
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (UserCommandSupport.RequireAdministrator(scope.Principal) is { } denied)
            {
                return denied;
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var users = services.GetRequiredService<UserManager<PortalUser>>();
                var (user, error) = await UserCommandSupport.LoadAsync(users, db, command.UserId, command.ConcurrencyStamp);
                if (user is null)
                {
                    return error!;
                }

                var password = command.Generate ? PasswordGenerator.Generate() : command.NewPassword;

                // The reset token route validates the password, stores the hash and renews the
                // security stamp in one save.
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var result = await users.ResetPasswordAsync(user, token, password);
                if (!result.Succeeded)
                {
                    return UserCommandSupport.Refused(result, nameof(Command.NewPassword));
                }

                var done = FeatureOutcome.Success($"已重置用户“{user.UserName}”的密码。");
                return command.Generate ? done.With(GeneratedPassword, password) : done;
            });
        }
    }
}

/// <summary>
/// Strong random passwords for the portal's policy: 14 characters with upper case, lower case and
/// digits, without characters that are easily confused when read aloud or copied (0/O, 1/l/I).
/// </summary>
public static class PasswordGenerator
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string Generate(int length = 14)
    {
        var all = Upper + Lower + Digits;
        var chars = new char[length];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        for (var i = 3; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

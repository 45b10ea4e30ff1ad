using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using FluentValidation;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>
/// The job-search fields of a form or request (求职意向): wages per month as <see cref="Money"/>.
/// The registration and the edit share it.
/// </summary>
public interface IJobPreferenceInput
{
    OccupationGroup? WantedOccupationGroup { get; set; }

    string? WantedOccupation { get; set; }

    /// <summary>期望月薪下限.</summary>
    Money? DesiredWageMin { get; set; }

    /// <summary>期望月薪上限.</summary>
    Money? DesiredWageMax { get; set; }

    List<WorkType>? WorkTypes { get; set; }
}

public static class JobPreferenceInput
{
    public static JobPreferences ToJobPreferences(this IJobPreferenceInput input) => new()
    {
        OccupationGroup = input.WantedOccupationGroup,
        Occupation = string.IsNullOrWhiteSpace(input.WantedOccupation) ? null : input.WantedOccupation.Trim(),
        DesiredWageMin = input.DesiredWageMin,
        DesiredWageMax = input.DesiredWageMax,
        WorkTypes = input.WorkTypes?.Distinct().ToList() ?? [],
    };

    /// <summary>Adds the domain's rules of <see cref="JobPreferences.Problems"/>, each on its input field.</summary>
    public static void AddJobPreferenceRules<T>(this AbstractValidator<T> validator)
        where T : IJobPreferenceInput
    {
        validator.RuleFor(c => c).Custom((input, context) =>
        {
            foreach (var (field, message) in input.ToJobPreferences().Problems())
            {
                context.AddFailure(field switch
                {
                    nameof(JobPreferences.OccupationGroup) => nameof(IJobPreferenceInput.WantedOccupationGroup),
                    nameof(JobPreferences.Occupation) => nameof(IJobPreferenceInput.WantedOccupation),
                    nameof(JobPreferences.DesiredWageMin) => nameof(IJobPreferenceInput.DesiredWageMin),
                    nameof(JobPreferences.DesiredWageMax) => nameof(IJobPreferenceInput.DesiredWageMax),
                    _ => nameof(IJobPreferenceInput.WorkTypes),
                }, message);
            }
        });
    }
}

using EmploymentPortal.Domain.Training;

namespace EmploymentPortal.Web.Features.Training;

public static class TrainingFeatures
{
    /// <summary>
    /// The bureau's training parameters (<see cref="TrainingRules"/>) from configuration section
    /// <c>Training</c> (MinimumAttendancePercent, EmploymentWindowMonths, EnrolmentsPerYear);
    /// the commands' handlers are registered by AddCommandPipeline.
    /// </summary>
    public static IServiceCollection AddTrainingFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        var defaults = TrainingRules.Default;
        var rules = new TrainingRules(
            configuration.GetValue("Training:MinimumAttendancePercent", defaults.MinimumAttendancePercent),
            configuration.GetValue("Training:EmploymentWindowMonths", defaults.EmploymentWindowMonths),
            configuration.GetValue("Training:EnrolmentsPerYear", defaults.EnrolmentsPerYear));
        if (rules.MinimumAttendancePercent is < 1 or > 100 || rules.EmploymentWindowMonths is < 1 or > 60 || rules.EnrolmentsPerYear is < 1 or > 12)
        {
            throw new InvalidOperationException("Training: MinimumAttendancePercent must be 1-100, EmploymentWindowMonths 1-60, EnrolmentsPerYear 1-12.");
        }

        return services.AddSingleton(rules);
    }
}

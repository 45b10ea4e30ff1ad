namespace EmploymentPortal.Web.Features.Claims;

public static class ClaimFeatures
{
    /// <summary>Subsidy claims: fact sources, the decider, the command handlers and the options (section <c>Claims</c>).</summary>
    public static IServiceCollection AddClaimFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClaimOptions.SectionName).Get<ClaimOptions>() ?? new ClaimOptions();
        if (options.HardCeilingPerClaimFen is <= 0 or > ClaimOptions.MaxHardCeilingPerClaimFen)
        {
            throw new InvalidOperationException($"Claims:HardCeilingPerClaimFen must be between 1 and {ClaimOptions.MaxHardCeilingPerClaimFen} fen (it is {options.HardCeilingPerClaimFen}).");
        }

        services.AddSingleton(options);
        services.AddSingleton<ClaimAmounts>();
        services.AddSingleton<IClaimFactSource, ResidentRecordFactSource>();
        // Order matters: the first source whose Handles answers true serves the claim, so claims
        // from a recorded hire go to RecordedHireFactSource before the stated-facts fallback.
        services.AddSingleton<IClaimFactSource, RecordedHireFactSource>();
        services.AddSingleton<IClaimFactSource, EnterpriseStatedFactSource>();
        services.AddSingleton<ClaimDecider>();
        // The command handlers are registered by AddCommandPipeline (ICommandHandler<T>).
        return services;
    }
}

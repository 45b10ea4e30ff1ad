namespace EmploymentPortal.Domain.Residents;

/// <summary>
/// What the station establishes with the resident before a 失业登记: able to work (有劳动能力),
/// wants work (有就业要求), currently without work (处于无业状态), and the community whose station
/// takes the registration (常住地登记).
/// </summary>
public sealed record UnemploymentRegistrationFacts(bool AbleToWork, bool WantsWork, bool CurrentlyUnemployed, Guid RegisteringCommunityId);

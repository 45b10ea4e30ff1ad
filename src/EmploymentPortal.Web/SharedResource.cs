namespace EmploymentPortal.Web;

/// <summary>
/// Marker type for the shared UI texts. Keys are the Simplified Chinese texts themselves;
/// Resources/SharedResource.en.resx holds their English (see PortalLocalization).
/// </summary>
public sealed class SharedResource
{
}

using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Bench;

/// <summary>
/// The personal-data keys of the portal under test, read as the portal reads them: from the
/// environment (<c>Keys__File=/tmp/bench-keys.json</c>, or <c>Keys__PersonalDataEncryption__...</c>).
/// A key file named there that does not exist yet is created with fresh keys; start the portal
/// with the same <c>Keys__File</c> (docs/benchmarks.md).
/// </summary>
internal static class BenchKeys
{
    private static readonly Lazy<PortalKeyRing> LazyRing = new(() => PortalKeyRing.Load(
        new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddEnvironmentVariables().Build(),
        Directory.GetCurrentDirectory(),
        isProduction: false));

    public static PortalKeyRing Ring => LazyRing.Value;

    public static PersonalDataProtector Protector => PersonalDataProtector.For(Ring);

    /// <summary><see cref="DatabaseServiceCollectionExtensions.Configure"/> with the keys.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        DatabaseServiceCollectionExtensions.Configure(builder, provider, connectionString).UsePersonalDataKeys(Ring);
}

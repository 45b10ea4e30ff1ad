using EmploymentPortal.Bench.Generation;

namespace EmploymentPortal.Bench.Loading;

/// <summary>
/// Writes generated rows straight into the tables, below EF Core: no change tracking, and no
/// SaveChanges interceptors, so the audit log records nothing. That is deliberate: scale data is
/// synthetic, and a million audit entries would measure the audit chain, not the load.
/// </summary>
internal interface IBulkLoader
{
    /// <summary>Loads the rows; <paramref name="progress"/> is called every <see cref="ProgressInterval"/> rows.</summary>
    long LoadEnterprises(IEnumerable<EnterpriseRow> rows, Action<long> progress);

    long LoadResidents(IEnumerable<ResidentRow> rows, Action<long> progress);

    public const int ProgressInterval = 250_000;
}

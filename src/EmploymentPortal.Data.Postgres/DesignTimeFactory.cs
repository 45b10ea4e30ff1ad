using EmploymentPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentPortal.Data.Postgres;

/// <summary>
/// Used by dotnet-ef (eng/add-migration.sh) to build the PostgreSQL model. Adding a migration
/// contacts no server; removing one checks the database in <c>PORTAL_DESIGN_PG</c> (eng/remove-migration.sh
/// starts a throwaway one).
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        var connectionString = Environment.GetEnvironmentVariable("PORTAL_DESIGN_PG") ?? "Host=localhost;Database=portal_design;Username=portal";
        DatabaseServiceCollectionExtensions.Configure(builder, DatabaseProvider.Postgres, connectionString);
        return new PortalDbContext(builder.Options);
    }
}

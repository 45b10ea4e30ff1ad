using EmploymentPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EmploymentPortal.Data.Postgres;

/// <summary>Used by dotnet-ef (eng/add-migration.sh) to build the PostgreSQL model; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, DatabaseProvider.Postgres, "Host=localhost;Database=portal_design;Username=portal");
        return new PortalDbContext(builder.Options);
    }
}

using EmploymentPortal.Data;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents.Profile;

/// <summary>
/// Station staff correct a resident's home location (居住地坐标), the centre of the resident's
/// three-kilometre circle (docs/circles.md). Left empty, the home is the community's service station,
/// as at registration.
/// </summary>
public static class UpdateResidentHome
{
    public sealed record Command
    {
        /// <summary>The resident, from the route or the page; not read from the body.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public Guid ResidentId { get; set; }

        /// <summary><c>latitude,longitude</c> in decimal degrees; empty for the community's station.</summary>
        public string? HomeLocation { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.HomeLocation)
                .Must(text => string.IsNullOrWhiteSpace(text) || GeoPoint.TryParse(text, out _, out _))
                .WithMessage(c => GeoPoint.TryParse(c.HomeLocation, out _, out var error) ? string.Empty : error);
    }

    public sealed class Handler(OperationScope scope) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (!principal.IsStationStaff)
            {
                return FeatureOutcome.Missing("居民");
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var resident = await db.Residents.VisibleTo(principal).FirstOrDefaultAsync(r => r.Id == command.ResidentId, cancellationToken);
                if (resident is null)
                {
                    return FeatureOutcome.Missing("居民");
                }

                var home = string.IsNullOrWhiteSpace(command.HomeLocation)
                    ? await db.Communities.Where(c => c.Id == resident.CommunityId)
                        .Select(c => GeoPoint.Create(c.StationLatitude, c.StationLongitude)).FirstAsync(cancellationToken)
                    : GeoPoint.Parse(command.HomeLocation);
                resident.SetHome(home);
                await db.SaveChangesAsync(cancellationToken);
                return FeatureOutcome.Success(string.IsNullOrWhiteSpace(command.HomeLocation) ? "已将居住地设为社区服务站位置。" : "已保存居住地坐标。", resident.Id);
            });
        }
    }
}

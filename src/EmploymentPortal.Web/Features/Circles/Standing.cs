using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Residents;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EmploymentPortal.Web.Features.Circles;

/// <summary>
/// The monthly assessment of every community against the “three-kilometre fully-employed
/// community” standard in force (<see cref="CircleStandard"/>), and the city's share of
/// recognised communities against the targets of 002 一(一).
/// </summary>
public static class Standing
{
    /// <summary>
    /// Assesses every community for the month of <paramref name="asOf"/> with the figures of that
    /// day and the thresholds in force on it; replaces that month's earlier assessments.
    /// </summary>
    public static async Task<int> AssessAllAsync(PortalDbContext db, CircleOptions options, DateOnly asOf, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var versions = await db.CircleStandards.AsNoTracking().ToListAsync(cancellationToken);
        var thresholds = CircleStandard.InForce(versions, asOf);
        var month = PortalCalendar.MonthOf(asOf);
        var existing = await db.CommunityAssessments.Where(a => a.Month == month).ToDictionaryAsync(a => a.CommunityId, cancellationToken);
        var communities = await db.Communities.AsNoTracking().Select(c => new { c.Id, c.Code, c.StationLatitude, c.StationLongitude }).ToListAsync(cancellationToken);

        // All communities at once: a few grouped queries and the board in memory (docs/benchmarks.md).
        var board = await CityCircles.Board.LoadAsync(db, asOf, cancellationToken);
        var figures = await CityCircles.FiguresAsync(db, asOf, cancellationToken);
        var zeroEmploymentFamilies = await CityCircles.ZeroEmploymentFamiliesAsync(db, cancellationToken);
        foreach (var c in communities)
        {
            var radius = options.RadiusFor(c.Code);
            var openings = board.Within(GeoPoint.Create(c.StationLatitude, c.StationLongitude), radius).Sum(v => v.Vacancy.Openings);
            var f = figures.GetValueOrDefault(c.Id) ?? new CircleQueries.CommunityFigures(0, 0, 0, 0);
            var assessment = CircleStanding.Assess(new CircleIndicators(f.WorkingAge, f.RegisteredUnemployed, f.FollowedUp, zeroEmploymentFamilies.GetValueOrDefault(c.Id), openings), thresholds);
            if (existing.TryGetValue(c.Id, out var row))
            {
                row.Update(assessment, radius, now);
            }
            else
            {
                db.CommunityAssessments.Add(new CommunityAssessment(c.Id, month, assessment, radius, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return communities.Count;
    }

    public sealed record CityShare(DateOnly? Month, int Communities, int Assessed, int Recognised, decimal SharePercent, decimal? TargetPercent);

    /// <summary>The latest assessed month's recognised share against the target of its year.</summary>
    public static async Task<CityShare> CityShareAsync(PortalDbContext db, IReadOnlyCollection<Guid>? communityIds = null, CancellationToken cancellationToken = default)
    {
        var communities = communityIds?.Count ?? await db.Communities.CountAsync(cancellationToken);
        var latest = await db.CommunityAssessments.AsNoTracking().OrderByDescending(a => a.Month).Select(a => (DateOnly?)a.Month).FirstOrDefaultAsync(cancellationToken);
        if (latest is not { } month)
        {
            return new CityShare(null, communities, 0, 0, 0, null);
        }

        var query = db.CommunityAssessments.AsNoTracking().Where(a => a.Month == month);
        if (communityIds is not null)
        {
            var ids = communityIds.ToList();
            query = query.Where(a => ids.Contains(a.CommunityId));
        }

        var rows = await query.Select(a => a.MeetsStandard).ToListAsync(cancellationToken);
        var recognised = rows.Count(m => m);
        var share = communities == 0 ? 0 : Math.Round(100m * recognised / communities, 1);
        var targets = await db.CircleTargets.AsNoTracking().Where(t => t.Year == month.Year).ToListAsync(cancellationToken);
        return new CityShare(month, communities, rows.Count, recognised, share, CircleStanding.TargetSharePercent(month.Year, targets));
    }

    public sealed record StandardRow(Guid Id, DateOnly EffectiveFrom, decimal MaxUnemploymentRatePercent, bool RequireZeroEmploymentFamiliesCleared, decimal MinFollowUpCoveragePercent, decimal MinOpeningsPerUnemployed, string SetBy, string Reason);

    public static Task<List<StandardRow>> StandardHistoryAsync(PortalDbContext db, CancellationToken cancellationToken = default) =>
        db.CircleStandards.AsNoTracking().OrderByDescending(s => s.EffectiveFrom).ThenByDescending(s => s.Id)
            .Select(s => new StandardRow(s.Id, s.EffectiveFrom, s.MaxUnemploymentRatePercent, s.RequireZeroEmploymentFamiliesCleared, s.MinFollowUpCoveragePercent, s.MinOpeningsPerUnemployed, s.SetBy, s.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>A year's target: the draft's reading, the bureau's latest setting if any, and who set it why.</summary>
    public sealed record TargetRow(int Year, decimal? DocumentPercent, decimal? SetPercent, string? SetBy, string? Reason, DateTimeOffset? SetAt)
    {
        public decimal? InForcePercent => SetPercent ?? DocumentPercent;
    }

    /// <summary>The targets from 2022 to three years after <paramref name="today"/>'s, and of any later year the bureau set.</summary>
    public static async Task<List<TargetRow>> TargetsAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var set = await db.CircleTargets.AsNoTracking().ToListAsync(cancellationToken);
        var last = Math.Max(today.Year + 3, set.Count == 0 ? 0 : set.Max(t => t.Year));
        return Enumerable.Range(CircleTarget.FirstYear, last - CircleTarget.FirstYear + 1)
            .Select(year =>
            {
                var latest = CircleTarget.Latest(year, set);
                return new TargetRow(year, CircleStanding.TargetSharePercent(year), latest?.SharePercent, latest?.SetBy, latest?.Reason, latest?.SetAt);
            })
            .ToList();
    }

    /// <summary>The bureau sets a year's target share of recognised communities (a new version; the history stays).</summary>
    public static class SetTarget
    {
        public sealed record Command
        {
            public int? Year { get; set; }

            public decimal? SharePercent { get; set; }

            public string? Reason { get; set; }
        }

        public sealed class Validator : AbstractValidator<Command>
        {
            public Validator()
            {
                RuleFor(c => c.Year).NotNull().InclusiveBetween(CircleTarget.FirstYear, CircleTarget.LastYear)
                    .WithMessage($"请输入 {CircleTarget.FirstYear}~{CircleTarget.LastYear} 之间的年度。");
                RuleFor(c => c.SharePercent).NotNull().InclusiveBetween(0, 100).WithMessage("请输入 0~100 之间的达标率目标（%）。");
                RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 500)
                    .WithMessage("请填写调整依据（500 字以内），例如年度工作目标的文号。");
            }
        }

        public sealed class Handler(OperationScope scope, TimeProvider time) : ICommandHandler<Command>
        {
            public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
            {
                if (!scope.Principal.IsBureauOfficer)
                {
                    return FeatureOutcome.Denied("只有人社局经办人员可以调整年度目标。");
                }

                var (year, share) = (command.Year!.Value, command.SharePercent!.Value);
                return await scope.RunAsync(async services =>
                {
                    var db = services.GetRequiredService<PortalDbContext>();
                    var target = new CircleTarget(year, share, scope.Principal.DisplayName, command.Reason!, time.GetUtcNow());
                    db.CircleTargets.Add(target);
                    await db.SaveChangesAsync(cancellationToken);
                    return FeatureOutcome.Success(string.Create(CultureInfo.InvariantCulture, $"{year} 年的达标率目标已设为 {share:0.##}%。"), target.Id);
                });
            }
        }
    }

    /// <summary>The bureau sets new thresholds from a date (a new version; the history stays).</summary>
    public static class SetStandard
    {
        public sealed record Command
        {
            public decimal? MaxUnemploymentRatePercent { get; set; }

            public bool RequireZeroEmploymentFamiliesCleared { get; set; } = true;

            public decimal? MinFollowUpCoveragePercent { get; set; }

            public decimal? MinOpeningsPerUnemployed { get; set; }

            public DateOnly? EffectiveFrom { get; set; }

            public string? Reason { get; set; }
        }

        public sealed class Validator : AbstractValidator<Command>
        {
            public Validator()
            {
                RuleFor(c => c.MaxUnemploymentRatePercent).NotNull().InclusiveBetween(0, 100).WithMessage("请输入 0~100 之间的登记失业率上限（%）。");
                RuleFor(c => c.MinFollowUpCoveragePercent).NotNull().InclusiveBetween(0, 100).WithMessage("请输入 0~100 之间的跟踪服务覆盖率下限（%）。");
                RuleFor(c => c.MinOpeningsPerUnemployed).NotNull().InclusiveBetween(0, 1000).WithMessage("请输入 0~1000 之间的人均岗位数下限。");
                RuleFor(c => c.EffectiveFrom).NotNull().WithMessage("请选择生效日期。");
                RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r) && r.Length <= 500).WithMessage("请填写调整依据（500 字以内）。");
            }
        }

        public sealed class Handler : ICommandHandler<Command>
        {
            private readonly OperationScope _scope;
            private readonly PortalCalendar _calendar;
            private readonly CircleOptions _options;

            public Handler(OperationScope scope, PortalCalendar calendar, IOptions<CircleOptions> options)
            {
                _scope = scope;
                _calendar = calendar;
                _options = options.Value;
            }

            public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
            {
                if (!_scope.Principal.IsBureauOfficer)
                {
                    return FeatureOutcome.Denied("只有人社局经办人员可以修改充分就业社区标准。");
                }

                var (rate, coverage, openings, from) = (command.MaxUnemploymentRatePercent!.Value, command.MinFollowUpCoveragePercent!.Value, command.MinOpeningsPerUnemployed!.Value, command.EffectiveFrom!.Value);
                var today = _calendar.Today;
                if (from < PortalCalendar.MonthOf(today))
                {
                    return FeatureOutcome.Field(nameof(Command.EffectiveFrom), "生效日期不能早于本月：已完成的评估不追溯修改。");
                }

                return await _scope.RunAsync(async services =>
                {
                    var db = services.GetRequiredService<PortalDbContext>();
                    var standard = new CircleStandard(new CircleThresholds(rate, command.RequireZeroEmploymentFamiliesCleared, coverage, openings), from, _scope.Principal.DisplayName, command.Reason!);
                    db.CircleStandards.Add(standard);
                    await db.SaveChangesAsync(cancellationToken);
                    if (from <= today)
                    {
                        await Standing.AssessAllAsync(db, _options, today, _calendar.Now, cancellationToken);
                    }

                    return FeatureOutcome.Success($"新标准自 {from:yyyy-MM-dd} 起生效。", standard.Id);
                });
            }
        }
    }
}

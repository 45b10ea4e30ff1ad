using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Features.Circles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>
/// The monthly assessment job on the hand-built city of <see cref="CircleDashboardFixture"/> (a
/// fresh database per provider for this class): the set-based figures equal the per-community
/// queries, a re-run keeps one row per community and month, and the working-age span is exact.
/// </summary>
public abstract class CircleAssessmentJobTests
{
    private readonly CircleDashboardFixture _fixture;

    protected CircleAssessmentJobTests(CircleDashboardFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_job_assesses_every_community_with_the_figures_of_the_per_community_queries_and_a_rerun_keeps_one_row_each()
    {
        var job = Job(FakeClock.AtChinaTime(2026, 11, 22, 6, 15));

        var first = await job.RunAsync();
        var second = await job.RunAsync();

        Assert.Equal(3, first);
        Assert.Equal(3, second);
        await using var db = _fixture.Database.CreateContext();
        var november = await db.CommunityAssessments.AsNoTracking().Where(a => a.Month == new DateOnly(2026, 11, 1)).ToListAsync();
        Assert.Equal(3, november.Count);
        Assert.Equal(3, november.Select(a => a.CommunityId).Distinct().Count());
        foreach (var row in november)
        {
            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == row.CommunityId);
            var radius = _fixture.Options.RadiusFor(community.Code);
            var figures = await CircleQueries.CommunityFiguresAsync(db, community.Id, CircleDashboardFixture.Today);
            var openings = (await CircleQueries.VacanciesNearAsync(db, GeoPoint.Create(community.StationLatitude, community.StationLongitude), radius, CircleDashboardFixture.Today)).Sum(v => v.Openings);
            var families = await db.Households.CountAsync(h => h.CommunityId == community.Id && h.IsZeroEmployment);
            Assert.Equal(
                (figures.WorkingAge, figures.RegisteredUnemployed, figures.FollowedUp, (int?)families, openings, radius),
                (row.WorkingAgeResidents, row.RegisteredUnemployed, row.FollowedUp, row.ZeroEmploymentFamilies, row.OpeningsWithinRadius, row.RadiusKm));
        }

        // Known in advance: A has four working-age residents, two registered unemployed, one contacted
        // this month, and 3 + 2 openings inside its 3 km; C's 1 km circle holds 5.
        var a = november.Single(r => r.CommunityId == _fixture.A.Id);
        Assert.Equal((4, 2, 1, 5), (a.WorkingAgeResidents, a.RegisteredUnemployed, a.FollowedUp, a.OpeningsWithinRadius));
        Assert.Equal(5, november.Single(r => r.CommunityId == _fixture.C.Id).OpeningsWithinRadius);
    }

    [Fact]
    public async Task The_board_in_memory_finds_the_same_vacancies_as_the_database_search()
    {
        await using var db = _fixture.Database.CreateContext();
        var board = await CityCircles.Board.LoadAsync(db, CircleDashboardFixture.Today);
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var centre = GeoPoint.Create(28.6 + (random.NextDouble() * 0.35), 115.8 + (random.NextDouble() * 0.35));
            var radius = 0.5 + (random.NextDouble() * 5);

            var expected = (await CircleQueries.VacanciesNearAsync(db, centre, radius, CircleDashboardFixture.Today)).Select(v => v.Id).Order().ToList();
            var actual = board.Within(centre, radius).Select(v => v.Vacancy.Id).Order().ToList();

            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData(Sex.Male)]
    [InlineData(Sex.Female)]
    public void The_working_age_birth_dates_are_one_span_that_matches_the_retirement_rules_day_by_day(Sex sex)
    {
        foreach (var today in new[] { new DateOnly(2024, 12, 31), new DateOnly(2026, 11, 22), new DateOnly(2031, 3, 1), new DateOnly(2040, 2, 29) })
        {
            var (from, to) = CityCircles.WorkingAgeBirthDates(sex, today);
            for (var birth = today.AddYears(-90); birth <= today; birth = birth.AddDays(1))
            {
                Assert.True(
                    StatutoryRetirement.IsOfWorkingAge(birth, sex, today) == (birth >= from && birth <= to),
                    $"{sex} born {birth:yyyy-MM-dd} on {today:yyyy-MM-dd}: span {from:yyyy-MM-dd}..{to:yyyy-MM-dd}");
            }
        }
    }

    private CircleAssessmentJob Job(TimeProvider clock)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, _fixture.Database.Provider, _fixture.Database.ConnectionString)
            .UsePersonalDataKeys(TestKeys.Ring)
            .AddInterceptors(new ConcurrencyVersionInterceptor(), new AuditInterceptor(clock, TestKeys.Ring));
        var services = new ServiceCollection()
            .AddSingleton(builder.Options)
            .AddSingleton(Options.Create(_fixture.Options))
            .BuildServiceProvider();
        return new CircleAssessmentJob(services.GetRequiredService<IServiceScopeFactory>(), new PortalCalendar(clock), NullLogger<CircleAssessmentJob>.Instance);
    }
}

public sealed class SqliteCircleAssessmentJobTests(SqliteCircleDashboardFixture fixture) : CircleAssessmentJobTests(fixture), IClassFixture<SqliteCircleDashboardFixture>;

public sealed class PostgresCircleAssessmentJobTests(PostgresCircleDashboardFixture fixture) : CircleAssessmentJobTests(fixture), IClassFixture<PostgresCircleDashboardFixture>;

using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Circles;

public sealed class GeoGridTests
{
    [Fact]
    public void Every_point_within_the_radius_lies_in_a_covering_range()
    {
        var random = new Random(5);
        for (var n = 0; n < 200; n++)
        {
            var centre = GeoPoint.Create(-80 + (random.NextDouble() * 160), -180 + (random.NextDouble() * 360));
            var radius = 0.1 + (random.NextDouble() * 20);
            var ranges = GeoGrid.CoveringRanges(centre, radius);
            for (var k = 0; k < 200; k++)
            {
                var lat = Math.Clamp(centre.Latitude + ((random.NextDouble() - 0.5) * radius / 50), -90, 90);
                var lon = centre.Longitude + ((random.NextDouble() - 0.5) * radius / 20);
                lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
                var point = GeoPoint.Create(lat, lon);
                if (centre.DistanceKmTo(point) <= radius)
                {
                    var cell = GeoGrid.CellOf(point);
                    Assert.Contains(ranges, r => r.From <= cell && cell <= r.To);
                }
            }
        }
    }

    [Fact]
    public void A_circle_across_the_180th_meridian_covers_both_sides()
    {
        var ranges = GeoGrid.CoveringRanges(GeoPoint.Create(0, 179.99), 5);

        Assert.Contains(ranges, r => r.From <= GeoGrid.CellOf(0, -179.99) && GeoGrid.CellOf(0, -179.99) <= r.To);
    }

    [Fact]
    public void Three_km_circle_needs_one_range_per_grid_row()
    {
        var ranges = GeoGrid.CoveringRanges(GeoPoint.Create(28.68, 115.86), 3);

        Assert.InRange(ranges.Count, 6, 7);
        Assert.All(ranges, r => Assert.InRange(r.To - r.From, 0, 8));
    }

    [Fact]
    public void Match_reason_names_distance_and_matches()
    {
        var job = new VacancyFacts(Guid.NewGuid(), GeoPoint.Create(28.70, 115.86), OccupationGroup.Production, "数控车工", Money.FromFen(400_000), Money.FromFen(600_000), WorkType.FullTime, false, true, false);
        var seeker = new JobseekerProfile(GeoPoint.Create(28.681, 115.86), OccupationGroup.Production, "数控车工", Money.FromFen(550_000), new HashSet<WorkType> { WorkType.FullTime }, IsOlderWorker: true);

        var match = JobMatching.Score(seeker, job, 3)!;

        Assert.Equal("2.1 km · 同职业 · 薪资符合 · 用工形式符合 · 接受大龄", match.Reason);
        Assert.Null(JobMatching.Score(seeker with { Home = GeoPoint.Create(28.80, 115.86) }, job, 3));
    }

    [Fact]
    public void Nearer_job_ranks_first_when_nothing_else_is_known()
    {
        var home = GeoPoint.Create(28.68, 115.86);
        VacancyFacts Job(double lat) => new(Guid.NewGuid(), GeoPoint.Create(lat, 115.86), OccupationGroup.Services, "保洁员", Money.FromFen(300_000), Money.FromFen(350_000), WorkType.FullTime, false, false, false);
        var far = Job(28.70);
        var near = Job(28.685);

        var ranked = JobMatching.Rank(new JobseekerProfile(home), [far, near], 3);

        Assert.Equal([near.Id, far.Id], ranked.Select(m => m.VacancyId));
        Assert.Equal("0.6 km", ranked[0].Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(400)]
    [InlineData(5000)]
    public void Top_gives_the_first_of_the_full_ranking_with_the_same_scores_and_reasons(int count)
    {
        var random = new Random(count);
        var home = GeoPoint.Create(28.68, 115.86);
        OccupationGroup[] groups = [OccupationGroup.Production, OccupationGroup.Services, OccupationGroup.Clerical];
        string[] occupations = ["普工", "保洁员", "文员", "电工"];
        var jobs = Enumerable.Range(0, 3000).Select(_ => new VacancyFacts(
            Guid.NewGuid(), GeoPoint.Create(home.Latitude + ((random.NextDouble() - 0.5) * 0.07), home.Longitude + ((random.NextDouble() - 0.5) * 0.07)),
            groups[random.Next(groups.Length)], occupations[random.Next(occupations.Length)], Money.FromFen(300_000), Money.FromFen(300_000 + (random.Next(6) * 50_000)),
            random.Next(3) == 0 ? WorkType.PartTime : WorkType.FullTime, random.Next(5) == 0, random.Next(4) == 0, random.Next(2) == 0)).ToList();
        var seeker = new JobseekerProfile(home, OccupationGroup.Production, "电工", Money.FromFen(450_000), new HashSet<WorkType> { WorkType.FullTime }, IsOlderWorker: true);

        var ranked = JobMatching.Rank(seeker, jobs, 3);
        var top = JobMatching.Top(seeker, jobs, 3, count);

        Assert.InRange(ranked.Count, 1000, 2999);
        Assert.Equal(ranked.Take(count).Select(m => (m.VacancyId, m.Score, m.Reason, m.DistanceKm)), top.Select(m => (m.VacancyId, m.Score, m.Reason, m.DistanceKm)));
    }

    [Fact]
    public void Referral_answers_end_with_hired_or_declined()
    {
        var referral = new JobReferral(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1.234, "1.2 km", "张站长", DateTimeOffset.UnixEpoch);

        referral.Answer(ReferralStatus.Interviewed, null, DateTimeOffset.UnixEpoch);
        referral.Answer(ReferralStatus.Hired, "下周一到岗", DateTimeOffset.UnixEpoch);

        Assert.Equal(ReferralStatus.Hired, referral.Status);
        Assert.Equal(1.23, referral.DistanceKm);
        Assert.Equal("referral-closed", Assert.Throws<EmploymentPortal.Domain.Common.DomainException>(() => referral.Answer(ReferralStatus.Declined, null, DateTimeOffset.UnixEpoch)).Code);
    }
}

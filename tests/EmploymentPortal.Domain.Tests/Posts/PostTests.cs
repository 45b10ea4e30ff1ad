using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Tests.Residents;

namespace EmploymentPortal.Domain.Tests.Posts;

public class PostTests
{
    private static readonly DateOnly Start = new(2026, 3, 1);

    [Theory]
    [InlineData(5, 1, true)]
    [InlineData(6, 1, false)]
    [InlineData(10, 2, true)]
    [InlineData(11, 2, false)]
    [InlineData(1, 1, true)]
    [InlineData(3, 0, false)]
    public void RelocatedShare_MeetsTheTwentyPercentTargetFromExactlyTwentyPercent(int held, int relocated, bool meets)
    {
        var programme = PublicWelfare(posts: held);
        var placements = Enumerable.Range(0, held).Select(i => PostPlacement.Place(programme, Resident(relocated: i < relocated), Start, i)).ToList();

        var share = PostStatistics.RelocatedShareIn(placements, 2026);

        Assert.Equal(held, share.PostsHeld);
        Assert.Equal(relocated, share.HeldByRelocated);
        Assert.Equal(meets, share.MeetsTarget);
    }

    [Fact]
    public void RelocatedShare_OfAYearWithoutPosts_IsNotMetAndHasNoPercent()
    {
        var share = PostStatistics.RelocatedShareIn([], 2026);

        Assert.False(share.MeetsTarget);
        Assert.Null(share.Percent);
    }

    [Fact]
    public void RelocatedShare_CountsPlacementsHeldOnSomeDayOfTheYear()
    {
        var programme = PublicWelfare(posts: 3, months: 12);
        var lastYear = PostPlacement.Place(programme, Resident(relocated: true), new DateOnly(2025, 1, 1), 0);
        var intoThisYear = PostPlacement.Place(programme, Resident(relocated: true), new DateOnly(2025, 1, 2), 1);
        var thisYear = PostPlacement.Place(programme, Resident(relocated: false), new DateOnly(2026, 6, 1), 2);

        var share = PostStatistics.RelocatedShareIn([lastYear, intoThisYear, thisYear], 2026);

        Assert.Equal(new DateOnly(2025, 12, 31), lastYear.PlannedEnd);
        Assert.Equal(2, share.PostsHeld);
        Assert.Equal(1, share.HeldByRelocated);
    }

    [Theory]
    [InlineData(4, 2, true)]
    [InlineData(4, 1, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(2, 1, true)]
    public void Retention_QualifiesForTheTenPercentBonusFromExactlyFiftyPercent(int ended, int retained, bool qualifies)
    {
        var programme = Internship(posts: ended + 1, months: 6);
        var cohort = Enumerable.Range(0, ended).Select(i => PostPlacement.Place(programme, Resident(), Start, i)).ToList();
        for (var i = 0; i < ended; i++)
        {
            cohort[i].Exit(Start.AddMonths(6).AddDays(-1), PlacementExitReason.TermEnded, retained: i < retained);
        }

        cohort.Add(PostPlacement.Place(programme, Resident(), Start, ended));

        var outcome = PostStatistics.InternshipOutcomeOf(cohort);

        Assert.Equal(ended + 1, outcome.Interns);
        Assert.Equal(ended, outcome.Ended);
        Assert.Equal(ended, outcome.Completed);
        Assert.Equal(qualifies, outcome.QualifiesForRetentionBonus);
    }

    [Fact]
    public void Internship_LeftOneDayEarly_IsNotCompletedButMayBeRetained()
    {
        var placement = PostPlacement.Place(Internship(posts: 2, months: 6), Resident(), Start, 0);

        placement.Exit(new DateOnly(2026, 8, 30), PlacementExitReason.FoundStableJob, retained: true);

        Assert.Equal(new DateOnly(2026, 8, 31), placement.PlannedEnd);
        Assert.False(placement.Completed);
        Assert.True(placement.Retained);
        var outcome = PostStatistics.InternshipOutcomeOf([placement]);
        Assert.Equal(0m, outcome.CompletionPercent);
        Assert.Equal(100m, outcome.RetentionPercent);
    }

    [Fact]
    public void Retention_BeforeAnyoneLeft_HasNoRateAndNoBonus()
    {
        var outcome = PostStatistics.InternshipOutcomeOf([PostPlacement.Place(Internship(posts: 1, months: 6), Resident(), Start, 0)]);

        Assert.Null(outcome.RetentionPercent);
        Assert.False(outcome.QualifiesForRetentionBonus);
    }

    [Fact]
    public void Place_PublicWelfare_MovesARegisteredResidentIntoPublicWelfarePost()
    {
        var resident = Resident();
        resident.RegisterUnemployed(new DateOnly(2026, 1, 5), "SY1");

        PostPlacement.Place(PublicWelfare(posts: 1), resident, Start, 0);

        Assert.Equal(EmploymentStatus.PublicWelfarePost, resident.CurrentStatus);
        Assert.Equal(Start, resident.StatusHistory[^1].EffectiveFrom);
    }

    [Fact]
    public void Place_WhenEveryPostIsTaken_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => PostPlacement.Place(PublicWelfare(posts: 2), Resident(), Start, 2));

        Assert.Equal("post-programme-full", error.Code);
    }

    [Fact]
    public void Extend_PublicWelfare_OnceByAtMostAYear()
    {
        var placement = PostPlacement.Place(PublicWelfare(posts: 1, months: 12), Resident(), Start, 0);

        placement.Extend(12);

        Assert.Equal(new DateOnly(2028, 2, 29), placement.PlannedEnd);
        Assert.Equal("placement-extension-limit", Assert.Throws<DomainException>(() => placement.Extend(1)).Code);
    }

    [Fact]
    public void Extend_ByThirteenMonths_OrAnInternship_IsRefused()
    {
        var welfare = PostPlacement.Place(PublicWelfare(posts: 1), Resident(), Start, 0);
        var intern = PostPlacement.Place(Internship(posts: 1, months: 6), Resident(), Start, 0);

        Assert.Equal("placement-extension-limit", Assert.Throws<DomainException>(() => welfare.Extend(13)).Code);
        Assert.Equal("placement-not-extendable", Assert.Throws<DomainException>(() => intern.Extend(3)).Code);
    }

    [Fact]
    public void JobFair_SumsParticipantsAndRefusesMoreIntentionsThanPosts()
    {
        var fair = new JobFair("春风行动专场", new DateOnly(2026, 2, 20), "市人力资源市场");
        var first = Guid.NewGuid();
        fair.RecordParticipant(first, 10, 3);
        fair.RecordParticipant(Guid.NewGuid(), 5, 5);
        fair.RecordParticipant(first, 12, 4);

        Assert.Equal(2, fair.Participants.Count);
        Assert.Equal(17, fair.PostsOffered);
        Assert.Equal(9, fair.Intentions);
        Assert.Equal("job-fair-figures", Assert.Throws<DomainException>(() => fair.RecordParticipant(Guid.NewGuid(), 2, 3)).Code);
    }

    [Fact]
    public void JobFair_NamedIntentionRaisesTheEnterprisesFigureOnlyWhenMoreAreNamedThanItSays()
    {
        var fair = new JobFair("春风行动专场", new DateOnly(2026, 2, 20), "市人力资源市场");
        var enterprise = Guid.NewGuid();
        fair.RecordParticipant(enterprise, 3, 1);
        var at = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.FromHours(8));

        fair.RecordIntention(Guid.NewGuid(), enterprise, " 仓库管理员 ", at, "张站长");
        Assert.Equal(1, fair.Intentions);
        Assert.Equal("仓库管理员", fair.NamedIntentions[0].Post);

        fair.RecordIntention(Guid.NewGuid(), enterprise, "叉车司机", at, "张站长");
        Assert.Equal(2, fair.Intentions);
        Assert.Equal(2, fair.NamedIntentions.Count);
    }

    [Fact]
    public void JobFair_RefusesAnIntentionWithAnAbsentEnterpriseTwiceTheSameOrBeyondThePostsOffered()
    {
        var fair = new JobFair("春风行动专场", new DateOnly(2026, 2, 20), "市人力资源市场");
        var enterprise = Guid.NewGuid();
        var resident = Guid.NewGuid();
        fair.RecordParticipant(enterprise, 2, 0);
        var at = DateTimeOffset.UnixEpoch;

        Assert.Equal("job-fair-not-participant", Assert.Throws<DomainException>(() => fair.RecordIntention(resident, Guid.NewGuid(), "保安员", at, "x")).Code);
        Assert.Equal("job-fair-intention-post", Assert.Throws<DomainException>(() => fair.RecordIntention(resident, enterprise, "  ", at, "x")).Code);
        Assert.Equal("job-fair-intention-post", Assert.Throws<DomainException>(() => fair.RecordIntention(resident, enterprise, new string('岗', JobFairIntention.MaxPostLength + 1), at, "x")).Code);
        fair.RecordIntention(resident, enterprise, "保安员", at, "x");
        Assert.Equal("job-fair-intention-duplicate", Assert.Throws<DomainException>(() => fair.RecordIntention(resident, enterprise, "保安员 ", at, "x")).Code);
        fair.RecordIntention(resident, enterprise, "保洁员", at, "x");
        Assert.Equal("job-fair-intention-posts", Assert.Throws<DomainException>(() => fair.RecordIntention(Guid.NewGuid(), enterprise, "保安员", at, "x")).Code);
        Assert.Equal(2, fair.Intentions);

        // The enterprise's figure may not drop below the people named.
        Assert.Equal("job-fair-named-intentions", Assert.Throws<DomainException>(() => fair.RecordParticipant(enterprise, 5, 1)).Code);
        fair.RecordParticipant(enterprise, 5, 4);
        Assert.Equal(4, fair.Intentions);
    }

    [Theory]
    [InlineData(72, 810, true, true)]
    [InlineData(71, 809, false, false)]
    public void JobFairYear_MeetsJieshouTargetsAtTheirExactValues(int fairs, int intentions, bool fairsMet, bool intentionsMet)
    {
        var year = new JobFairYear(2026, fairs, 2000, intentions, new JobFairTargets());

        Assert.Equal(fairsMet, year.FairsMet);
        Assert.Equal(intentionsMet, year.IntentionsMet);
    }

    private static PostProgramme PublicWelfare(int posts, int months = 12) => new("社区保洁公益性岗位", PostKind.PublicWelfare, "东湖街道办事处", 2026, posts, Money.FromYuan(1_500), months);

    private static PostProgramme Internship(int posts, int months) => new("2026届见习", PostKind.Internship, "江州市某科技公司", 2026, posts, Money.FromYuan(1_200), months);

    private static Resident Resident(bool relocated = false) =>
        TestResidents.Create(new DateOnly(1995, 1, 1), profile: new ResidentProfile { IsRelocatedResident = relocated });
}

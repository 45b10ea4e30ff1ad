using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Residents;

public class ResidentProfileTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void SetJobPreferences_ListedOccupation_FillsInItsMajorGroup()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 5));

        resident.SetJobPreferences(new JobPreferences { Occupation = "电焊工", DesiredWageMin = Money.FromYuan(5_000), DesiredWageMax = Money.FromYuan(8_000), WorkTypes = [WorkType.FullTime, WorkType.Seasonal] });

        Assert.Equal(OccupationGroup.Production, resident.WantedOccupationGroup);
        Assert.Equal([WorkType.FullTime, WorkType.Seasonal], resident.JobPreferences.WorkTypes);
        Assert.Equal(Money.FromYuan(8_000), resident.DesiredWageMax);
    }

    [Fact]
    public void SetJobPreferences_MaximumBelowMinimum_IsRefusedInChinese()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 5));

        var error = Assert.Throws<DomainException>(() => resident.SetJobPreferences(new JobPreferences { DesiredWageMin = Money.FromYuan(6_000), DesiredWageMax = Money.FromYuan(5_000) }));

        Assert.Equal("resident-job-preferences-invalid", error.Code);
        Assert.Contains("上限不能低于下限", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JobPreferences_Problems_NameTheFieldOfANegativeWage()
    {
        var problems = new JobPreferences { DesiredWageMin = Money.Zero - Money.FromFen(1) }.Problems();

        Assert.Equal(nameof(JobPreferences.DesiredWageMin), Assert.Single(problems).Field);
    }

    [Fact]
    public void JobPreferences_MaskRoundTrips()
    {
        var mask = JobPreferences.ToMask([WorkType.PartTime, WorkType.Flexible]);

        Assert.Equal([WorkType.PartTime, WorkType.Flexible], JobPreferences.FromMask(mask));
    }

    [Fact]
    public void CommonOccupations_Search_FindsByPartOfTheNameWithinAGroup()
    {
        var found = CommonOccupations.Search("工", OccupationGroup.Agriculture);

        Assert.NotEmpty(found);
        Assert.All(found, o => Assert.Equal(OccupationGroup.Agriculture, o.Group));
        Assert.Contains(found, o => o.Name == "养殖工");
    }

    [Theory]
    [InlineData("2026-03-01", false)] // the day before the certification
    [InlineData("2026-03-02", true)] // the day of certification
    [InlineData("2026-09-30", true)] // the day before the revocation
    [InlineData("2026-10-01", false)] // the day of revocation
    public void EmploymentDifficulty_KeyGroupHoldsFromCertificationUntilRevocation(string date, bool expected)
    {
        var resident = TestResidents.Create(new DateOnly(1975, 5, 5));
        resident.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.OlderUnemployed, new DateOnly(2026, 3, 2), "李经办");
        resident.RevokeEmploymentDifficulty(new DateOnly(2026, 10, 1), "已实现稳定就业");

        var membership = KeyGroups.EmploymentDifficulty(resident, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, membership is not null);
    }

    [Fact]
    public void EmploymentDifficulty_ReasonNamesTheOfficerTheDateAndTheCategory()
    {
        var resident = TestResidents.Create(new DateOnly(1975, 5, 5));
        resident.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.Disabled, new DateOnly(2026, 3, 2), "李经办");

        var groups = KeyGroups.For(resident, Today);

        var reason = Assert.Single(groups, g => g.Group == KeyGroup.EmploymentDifficulty).Reason;
        Assert.Contains("2026-03-02", reason, StringComparison.Ordinal);
        Assert.Contains("李经办", reason, StringComparison.Ordinal);
        Assert.Contains("残疾人", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CertifyEmploymentDifficulty_Twice_IsRefusedUntilRevoked()
    {
        var resident = TestResidents.Create(new DateOnly(1975, 5, 5));
        resident.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.Disabled, new DateOnly(2026, 3, 2), "李经办");

        var error = Assert.Throws<DomainException>(() => resident.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.Other, new DateOnly(2026, 4, 2), "李经办"));
        resident.RevokeEmploymentDifficulty(new DateOnly(2026, 5, 1), "类别有误");
        resident.CertifyEmploymentDifficulty(EmploymentDifficultyCategory.Other, new DateOnly(2026, 5, 1), "王复核");

        Assert.Equal("difficulty-already-certified", error.Code);
        Assert.Equal(EmploymentDifficultyCategory.Other, resident.DifficultyCategory);
        Assert.True(resident.IsCertifiedWithEmploymentDifficultyOn(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void RevokeEmploymentDifficulty_WithoutCertification_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1975, 5, 5));

        var error = Assert.Throws<DomainException>(() => resident.RevokeEmploymentDifficulty(Today, "原因"));

        Assert.Equal("difficulty-not-certified", error.Code);
    }

    [Theory]
    [InlineData("2026-06-01", true)]
    [InlineData("2026-05-31", false)]
    public void ZeroEmploymentFamilyMember_HoldsFromTheDayTheFamilyWasFlagged(string date, bool expected)
    {
        var membership = KeyGroups.ZeroEmploymentFamilyMember(new DateOnly(2026, 6, 1), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, membership is not null);
    }

    [Fact]
    public void TransferRequest_Accept_MovesTheResidentAndCannotBeDecidedTwice()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 5));
        var target = Guid.CreateVersion7();
        var request = new ResidentTransferRequest(resident.Id, resident.CommunityId, target, "已迁入", "赵专干", DateTimeOffset.UnixEpoch);

        request.Accept(resident, "张站长", DateTimeOffset.UnixEpoch);
        var error = Assert.Throws<DomainException>(() => request.Decline("不同意", "张站长", DateTimeOffset.UnixEpoch));

        Assert.Equal(target, resident.CommunityId);
        Assert.Equal(TransferRequestStatus.Accepted, request.Status);
        Assert.Equal("resident-transfer-decided", error.Code);
    }

    [Fact]
    public void TransferRequest_Accept_AfterTheRecordMovedElsewhere_IsRefused()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 5));
        var request = new ResidentTransferRequest(resident.Id, resident.CommunityId, Guid.CreateVersion7(), null, "赵专干", DateTimeOffset.UnixEpoch);
        resident.TransferTo(Guid.CreateVersion7());

        var error = Assert.Throws<DomainException>(() => request.Accept(resident, "张站长", DateTimeOffset.UnixEpoch));

        Assert.Equal("resident-transfer-stale", error.Code);
    }

    [Fact]
    public void TransferRequest_Decline_NeedsAReason()
    {
        var request = new ResidentTransferRequest(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, "赵专干", DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<DomainException>(() => request.Decline(" ", "张站长", DateTimeOffset.UnixEpoch));

        Assert.Equal("resident-transfer-reason-missing", error.Code);
        Assert.Equal(TransferRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void ChangeStatus_ToTheSameStatus_IsRefusedInChinese()
    {
        var resident = TestResidents.Create(new DateOnly(1990, 5, 5));
        resident.RegisterUnemployed(new DateOnly(2026, 1, 5), "SY1");

        var error = Assert.Throws<DomainException>(() => resident.ChangeStatus(EmploymentStatus.RegisteredUnemployed, Today, null));

        Assert.Equal("resident-status-unchanged", error.Code);
    }
}

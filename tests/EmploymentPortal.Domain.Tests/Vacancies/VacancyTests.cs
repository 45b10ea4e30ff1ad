using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Domain.Tests.Vacancies;

public class VacancyTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Submit_PendingEnterprise_IsRefused()
    {
        var enterprise = NewEnterprise();
        var vacancy = Vacancy.Draft(enterprise, Details(), Today);

        var error = Assert.Throws<DomainException>(() => vacancy.Submit(enterprise, Today));

        Assert.Equal("enterprise-not-verified", error.Code);
        Assert.Equal(VacancyStatus.Draft, vacancy.Status);
    }

    [Fact]
    public void Approve_EnterpriseSuspendedAfterSubmission_IsRefused()
    {
        var enterprise = VerifiedEnterprise();
        var vacancy = Vacancy.Draft(enterprise, Details(), Today);
        vacancy.Submit(enterprise, Today);
        enterprise.Suspend("未按规定发布招聘信息。");

        var error = Assert.Throws<DomainException>(() => vacancy.Approve(enterprise, Today, Now));

        Assert.Equal("enterprise-not-verified", error.Code);
    }

    [Fact]
    public void Reject_WithoutReason_IsRefused()
    {
        var vacancy = Submitted(out _);

        var error = Assert.Throws<DomainException>(() => vacancy.Reject("  "));

        Assert.Equal("vacancy-rejection-reason-required", error.Code);
    }

    [Fact]
    public void Rejected_vacancy_is_resubmitted_and_published_without_the_old_reason()
    {
        var vacancy = Submitted(out var enterprise);
        vacancy.Reject("工资写错了");

        vacancy.Edit(Details(), Today);
        vacancy.Submit(enterprise, Today);
        vacancy.Approve(enterprise, Today, Now);

        Assert.Equal(VacancyStatus.Published, vacancy.Status);
        Assert.Null(vacancy.RejectionReason);
        Assert.True(vacancy.IsOnBoard(Today));
    }

    [Fact]
    public void Edit_PublishedVacancy_GoesBackToReviewAndLeavesTheBoard()
    {
        var vacancy = Submitted(out var enterprise);
        vacancy.Approve(enterprise, Today, Now);

        vacancy.Edit(Details() with { Openings = 9 }, Today);

        Assert.Equal(VacancyStatus.PendingReview, vacancy.Status);
        Assert.False(vacancy.IsOnBoard(Today));
    }

    [Fact]
    public void ExpireIfPast_TheDayAfterValidUntil_Expires_AndNotOnTheLastDay()
    {
        var vacancy = Submitted(out var enterprise);
        vacancy.Approve(enterprise, Today, Now);

        Assert.False(vacancy.ExpireIfPast(Today.AddDays(30)));
        Assert.True(vacancy.IsOnBoard(Today.AddDays(30)));
        Assert.True(vacancy.ExpireIfPast(Today.AddDays(31)));
        Assert.Equal(VacancyStatus.Expired, vacancy.Status);
    }

    [Fact]
    public void Edit_ClosedVacancy_IsRefused()
    {
        var vacancy = Submitted(out _);
        vacancy.Close();

        var error = Assert.Throws<DomainException>(() => vacancy.Edit(Details(), Today));

        Assert.Equal("vacancy-closed", error.Code);
    }

    [Fact]
    public void Draft_WageMaxBelowMin_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Vacancy.Draft(VerifiedEnterprise(), Details() with { WageMax = Money.FromYuan(1000) }, Today));

        Assert.Equal("vacancy-wage-range", error.Code);
    }

    [Fact]
    public void Enterprise_Reject_NeedsPendingAndAReason()
    {
        var enterprise = NewEnterprise();

        Assert.Equal("enterprise-rejection-reason-required", Assert.Throws<DomainException>(() => enterprise.Reject(string.Empty)).Code);
        enterprise.Reject("营业执照信息不符");
        Assert.Equal(EnterpriseStatus.Rejected, enterprise.Status);
        Assert.Equal("enterprise-not-pending", Assert.Throws<DomainException>(() => enterprise.Verify()).Code);
    }

    [Fact]
    public void Enterprise_Register_InsuredMoreThanTotal_IsRefused()
    {
        var details = EnterpriseDetails() with { TotalEmployees = 5, InsuredEmployees = 6 };

        var error = Assert.Throws<DomainException>(() => Enterprise.Register(details, Guid.NewGuid(), GeoPoint.Create(31.2, 117.3)));

        Assert.Equal("enterprise-insured-exceeds-total", error.Code);
    }

    private static Vacancy Submitted(out Enterprise enterprise)
    {
        enterprise = VerifiedEnterprise();
        var vacancy = Vacancy.Draft(enterprise, Details(), Today);
        vacancy.Submit(enterprise, Today);
        return vacancy;
    }

    private static Enterprise NewEnterprise() => Enterprise.Register(EnterpriseDetails(), Guid.NewGuid(), GeoPoint.Create(31.2, 117.3));

    private static Enterprise VerifiedEnterprise()
    {
        var enterprise = NewEnterprise();
        enterprise.Verify();
        return enterprise;
    }

    private static EnterpriseDetails EnterpriseDetails()
    {
        var body = "91341200MA2N00000".ToCharArray();
        var code = new string(body) + UnifiedSocialCreditCode.ComputeCheckCharacter(body);
        return new EnterpriseDetails(code, "测试企业", "张三", "东湖路1号", IndustrySection.C, EnterpriseSize.Small, 50, 40, "李四", "13812345678");
    }

    private static VacancyDetails Details() => new(
        "普工",
        OccupationGroup.Production,
        "普工",
        2,
        Money.FromYuan(3000),
        Money.FromYuan(4500),
        WorkType.FullTime,
        Guid.NewGuid(),
        "东湖路1号",
        GeoPoint.Create(31.2, 117.3),
        string.Empty,
        false,
        true,
        true,
        Today.AddDays(30));
}

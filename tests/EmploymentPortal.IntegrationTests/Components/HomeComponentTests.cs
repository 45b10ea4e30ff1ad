using Bunit;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Features.Home;
using EmploymentPortal.Web.Features.Residents.FollowUp;
using MudBlazor;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>The role home pages rendered from their figures: each item's count and its link, the definition of overdue in a tooltip.</summary>
public sealed class HomeComponentTests : MudComponentTest
{
    [Fact]
    public void Station_home_links_the_overdue_count_to_the_filtered_resident_list_and_explains_overdue()
    {
        var community = Guid.NewGuid();
        var work = new HomeQueries.StationWork(
            7,
            2,
            [new HomeQueries.ReferralRow(Guid.NewGuid(), "张三", "仓库管理员", DateTimeOffset.Parse("2026-12-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture))],
            3,
            [new HomeQueries.CommunityMonth(community, "东湖社区", "东湖街道", "江州区", 120, 4, 20, 7, 90m)]);

        // The service-standards panel reads the database itself (ServiceStandardTests cover it); here it stands in.
        ComponentFactories.AddStub<EmploymentPortal.Web.Features.ServiceStandards.ServiceStandardsHomePanel>();
        var page = Render<StationHome>(p => p.Add(c => c.Work, work));

        Assert.Equal("社区服务站工作台", page.Find("[data-testid=home-title]").TextContent);
        Assert.Equal("7", page.Find("[data-testid=work-overdue-count]").TextContent.Trim());
        Assert.Equal("/residents?overdue=true", page.Find("[data-testid=work-overdue-link]").GetAttribute("href"));
        Assert.Equal("3", page.Find("[data-testid=work-transfers-count]").TextContent.Trim());
        Assert.Equal("/residents/transfers", page.Find("[data-testid=work-transfers-link]").GetAttribute("href"));
        Assert.Contains("张三 · 仓库管理员 · 2026-12-01", page.Find("[data-testid=work-referrals-list]").TextContent, StringComparison.Ordinal);
        Assert.Contains(page.FindAll("a"), a => a.GetAttribute("href") == $"/residents?overdue=true&community={community}");
        Assert.Equal("65% / ≥ 90%", page.Find("[data-testid=community-coverage]").TextContent.Trim());
        Assert.Equal("4", page.Find("[data-testid=community-registrations]").TextContent.Trim());
        var meaning = L[FollowUpQueries.OverdueMeaning].Value;
        Assert.True(page.FindComponents<MudTooltip>().Count(t => t.Instance.Text == meaning) >= 2);
        Assert.StartsWith("逾期未跟踪：", meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void Enterprise_home_lists_each_subsidy_by_its_Chinese_name_with_the_people_the_amounts_and_a_link_to_the_prefilled_claim()
    {
        var hire = Guid.NewGuid();
        var claimable = new ClaimableSubsidies.Benefit("absorption", "一次性吸纳就业补贴",
        [
            new ClaimableSubsidies.Person(hire, "李四", new DateOnly(2026, 9, 1), Money.FromYuan(1000m), "nanhe-2020-1.absorption-long-term-unemployed"),
            new ClaimableSubsidies.Person(Guid.NewGuid(), "王五", new DateOnly(2026, 10, 8), Money.FromYuan(1500m), "nanhe-2020-1.absorption-long-term-unemployed"),
        ]);
        var work = new HomeQueries.EnterpriseWork(null, 1, [new HomeQueries.ClaimRow(Guid.NewGuid(), "BT20261201-0001", "社会保险补贴", "赵六")], 2, 4, [claimable]);

        var page = Render<EnterpriseHome>(p => p.Add(c => c.Work, work));

        var benefit = page.Find("[data-testid=claimable-benefit]");
        Assert.Contains("一次性吸纳就业补贴", benefit.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("absorption", benefit.TextContent, StringComparison.Ordinal);
        Assert.Equal("2 人，预计合计 ¥2,500.00", page.Find("[data-testid=claimable-total]").TextContent.Trim());
        Assert.Equal(["¥1,000.00", "¥1,500.00"], page.FindAll("[data-testid=claimable-amount]").Select(c => c.TextContent.Trim()));
        Assert.Equal($"/claims/new?hireId={hire}&rule=nanhe-2020-1.absorption-long-term-unemployed", page.FindAll("[data-testid=claimable-link]")[0].GetAttribute("href"));
        Assert.Equal("1", page.Find("[data-testid=work-returned-claims-count]").TextContent.Trim());
        Assert.Equal("/claims?status=ReturnedForCorrection", page.Find("[data-testid=work-returned-claims-link]").GetAttribute("href"));
        Assert.Equal("2", page.Find("[data-testid=work-returned-vacancies-count]").TextContent.Trim());
        Assert.Equal("/enterprise/vacancies?status=Rejected", page.Find("[data-testid=work-returned-vacancies-link]").GetAttribute("href"));
        Assert.Equal("/enterprise/referrals?open=true", page.Find("[data-testid=work-referrals-link]").GetAttribute("href"));
    }

    [Fact]
    public void Enterprise_home_says_when_nothing_can_be_claimed()
    {
        var page = Render<EnterpriseHome>(p => p.Add(c => c.Work, new HomeQueries.EnterpriseWork(null, 0, [], 0, 0, [])));

        Assert.Contains("暂无可依据录用记录申领的补贴。", page.Find("[data-testid=claimable-none]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=claimable-benefit]"));
    }

    [Fact]
    public void Officer_home_shows_the_claims_waiting_by_age_and_links_each_queue()
    {
        var work = new HomeQueries.OfficerWork(5, 2, 1, 3, 4, 6);

        var page = Render<OfficerHome>(p => p.Add(c => c.Work, work));

        Assert.Equal("8", page.Find("[data-testid=work-claims-count]").TextContent.Trim());
        Assert.Equal(("5", "2", "1"), (page.Find("[data-testid=claims-age-3]").TextContent, page.Find("[data-testid=claims-age-7]").TextContent, page.Find("[data-testid=claims-age-over-7]").TextContent));
        Assert.Equal("3", page.Find("[data-testid=work-second-approvals-count]").TextContent.Trim());
        Assert.Equal("/claims?status=AwaitingSecondApproval", page.Find("[data-testid=work-second-approvals-link]").GetAttribute("href"));
        Assert.Equal("/bureau/vacancies", page.Find("[data-testid=work-vacancies-link]").GetAttribute("href"));
        Assert.Equal("/bureau/payment-batches", page.Find("[data-testid=work-batches-link]").GetAttribute("href"));
        Assert.Equal("6", page.Find("[data-testid=work-batches-count]").TextContent.Trim());
    }
}

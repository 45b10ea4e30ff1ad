using System.Net;
using System.Text.Json;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The staff list's search (name, whole numbers, the last four to six characters), its status
/// column and the page's answer to filter values in the URL, on both providers.
/// </summary>
public abstract class ResidentListPageTests
{
    private readonly PortalApp _app;

    protected ResidentListPageTests(PortalApp app)
    {
        _app = app;
    }

    [Fact]
    public async Task Search_finds_residents_by_the_start_of_the_name()
    {
        var (communityId, residents) = await CommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");

        var ouyang = await SearchAsync(officer, communityId, "欧阳");
        var one = await SearchAsync(officer, communityId, " 欧阳修远 ");
        var li = await SearchAsync(officer, communityId, "李");

        Assert.Equal(new[] { residents[0].Id, residents[1].Id }.Order(), ouyang.Order());
        Assert.Equal([residents[0].Id], one);
        Assert.Equal([residents[2].Id], li);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Search_by_the_last_five_or_six_characters_finds_only_numbers_ending_so(int length)
    {
        var (communityId, residents) = await CommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");

        var byPhone = await SearchAsync(officer, communityId, "13912345678"[^length..]);
        var byId = await SearchAsync(officer, communityId, residents[2].IdNumber[^length..]);
        var byFour = await SearchAsync(officer, communityId, "5678");

        Assert.Equal([residents[0].Id], byPhone);
        Assert.Equal([residents[2].Id], byId);
        Assert.Equal(new[] { residents[0].Id, residents[1].Id }.Order(), byFour.Order());
    }

    [Theory]
    [InlineData("12")]
    [InlineData("1234567")]
    [InlineData("欧阳3")]
    public async Task A_search_that_is_neither_a_name_nor_a_number_ending_is_refused_in_chinese(string search)
    {
        var officer = await _app.SignedInClientAsync("officer1");

        var response = await officer.GetAsync($"/api/v1/residents/?search={Uri.EscapeDataString(search)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("姓名", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_answers_each_resident_with_the_current_status()
    {
        var (communityId, residents) = await CommunityAsync();
        var officer = await _app.SignedInClientAsync("officer1");

        using var json = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/residents/?community={communityId}"));
        var statuses = json.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetGuid(), i => i.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null);

        Assert.Equal("RegisteredUnemployed", statuses[residents[0].Id]);
        Assert.Null(statuses[residents[1].Id]);
    }

    [Theory]
    [InlineData("status=Bogus", "就业失业状态")]
    [InlineData("keyGroup=42", "重点群体")]
    [InlineData("ageBand=old", "年龄段")]
    [InlineData("sort=%3Cscript%3E", "排序")]
    [InlineData("community=not-a-guid", "社区/村")]
    [InlineData("overdue=maybe", "逾期")]
    [InlineData("page=abc", "页码")]
    [InlineData("page=0", "页码")]
    [InlineData("page=99999999999999999999", "页码")]
    public async Task A_bad_filter_value_in_the_url_gives_a_chinese_message_not_an_error(string query, string named)
    {
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.GetAsync($"/residents?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"url-filter-error\"", html, StringComparison.Ordinal);
        var message = html[html.IndexOf("data-testid=\"url-filter-error\"", StringComparison.Ordinal)..];
        Assert.Contains(named, message[..Math.Min(message.Length, 600)], StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html[html.IndexOf("<body", StringComparison.Ordinal)..].Replace("<script src", string.Empty, StringComparison.Ordinal).Replace("<script type", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_search_in_the_url_is_named_under_the_search_field()
    {
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.GetAsync("/residents?search=12");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请输入姓名", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyGroup.EmploymentDifficulty, "就业困难人员")]
    [InlineData(KeyGroup.ZeroEmploymentFamilyMember, "零就业家庭成员")]
    [InlineData(KeyGroup.PovertyMonitoredHousehold, "脱贫人口/防止返贫监测对象")]
    public async Task A_key_group_from_the_url_is_shown_under_its_own_name(KeyGroup group, string label)
    {
        var station = await _app.SignedInClientAsync("station1");

        var html = await station.GetStringAsync($"/residents?keyGroup={group}");

        Assert.Contains($"value=\"{label}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url-filter-error", html, StringComparison.Ordinal);
    }

    private static async Task<List<Guid>> SearchAsync(HttpClient client, Guid communityId, string search)
    {
        var response = await client.GetAsync($"/api/v1/residents/?community={communityId}&search={Uri.EscapeDataString(search)}&pageSize=200");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>欧阳修远 (phone …345678, registered unemployed), 欧阳娜 (phone …015678: the same last four) and 李四, in a community of their own.</summary>
    private async Task<(Guid CommunityId, List<Resident> Residents)> CommunityAsync()
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        List<Resident> residents =
        [
            Resident(community.Id, "欧阳修远", new DateOnly(1990, 2, 3)).RegisteredUnemployed(new DateOnly(2025, 3, 3)),
            new("欧阳娜", IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1992, 4, 5), Sex.Female)), PhoneNumber.Parse("13900015678"), community.Id),
            new("李四", IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1985, 6, 7), Sex.Male)), PhoneNumber.Parse("13700001111"), community.Id),
        ];
        await SaveAsync(db, residents);
        return (community.Id, residents);
    }
}

[Collection(SqliteFollowUpCollection.Name)]
public sealed class SqliteResidentListPageTests : ResidentListPageTests
{
    public SqliteResidentListPageTests(SqliteFollowUpApp app)
        : base(app)
    {
    }
}

[Collection(PostgresFollowUpCollection.Name)]
public sealed class PostgresResidentListPageTests : ResidentListPageTests
{
    public PostgresResidentListPageTests(PostgresFollowUpApp app)
        : base(app)
    {
    }
}

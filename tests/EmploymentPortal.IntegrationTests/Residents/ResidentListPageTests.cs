using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Testing;
using EmploymentPortal.Web.Features.Residents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EmploymentPortal.IntegrationTests.Residents.FollowUpTestData;

namespace EmploymentPortal.IntegrationTests.Residents;

/// <summary>
/// The staff list's search (name, whole numbers, the last four to six characters), its status
/// column and the page's answer to filter values in the URL, on both providers.
/// </summary>
public abstract partial class ResidentListPageTests
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
    [InlineData("cursor=not-a-cursor", "翻页位置")]
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

        Assert.Matches($"<option value=\"{group}\" selected[^>]*>{Regex.Escape(label)}</option>", html);
        Assert.DoesNotContain("url-filter-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_is_static_html_filtered_by_its_query_string_with_numbers_masked()
    {
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var prefix = TestData.Name("静态");
        var unemployed = Resident(donghu, prefix + "甲", new DateOnly(1990, 2, 3)).RegisteredUnemployed(new DateOnly(2025, 3, 3));
        var other = Resident(donghu, prefix + "乙", new DateOnly(1991, 4, 5));
        await SaveAsync(db, [unemployed, other]);
        var station = await _app.SignedInClientAsync("station1");

        var response = await station.GetAsync($"/residents?search={Uri.EscapeDataString(prefix)}&status=RegisteredUnemployed&community={donghu}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
        Assert.Equal([unemployed.Id], ResidentIds(html));
        Assert.Equal("共 1 人", TextOf(html, "total"));
        Assert.Contains(IdCardNumber.Parse(unemployed.IdNumber).Masked, html, StringComparison.Ordinal);
        Assert.DoesNotContain(unemployed.IdNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(unemployed.Phone, html, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{donghu}\" selected", html);
        Assert.DoesNotContain("data-interactive", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"server\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_unmasked_id_or_phone_number_of_a_listed_resident_is_in_the_page()
    {
        await using var db = _app.Database.CreateContext();
        var donghu = await db.Communities.Where(c => c.Name == "东湖社区").Select(c => c.Id).SingleAsync();
        var station = await _app.SignedInClientAsync("station1");

        var html = await station.GetStringAsync($"/residents?community={donghu}");

        var ids = ResidentIds(html);
        var listed = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync();
        Assert.InRange(ids.Count, 1, 20);
        Assert.Equal(ids.Count, listed.Count);
        Assert.All(listed, r =>
        {
            Assert.DoesNotContain(r.IdNumber, html, StringComparison.Ordinal);
            Assert.DoesNotContain(r.Phone, html, StringComparison.Ordinal);
            Assert.Contains(IdCardNumber.Parse(r.IdNumber).Masked, html, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Numbered_pages_then_an_encrypted_cursor_page_the_list_and_the_name_never_shows_in_a_link()
    {
        var (communityId, residents) = await LargeCommunityAsync(45);
        var officer = await _app.SignedInClientAsync("officer1");
        var list = $"/residents?community={communityId}&sort=Name";

        var first = await officer.GetStringAsync(list);
        var second = await officer.GetStringAsync(NextLink(first)!);
        var token = await CursorAfterFirstPageAsync(communityId, residents);
        var deep = await officer.GetStringAsync($"{list}&cursor={Uri.EscapeDataString(token)}");
        var deeper = await officer.GetStringAsync(NextLink(deep)!);

        Assert.Equal($"/residents?community={communityId}&sort=Name&page=2", NextLink(first));
        Assert.Equal("第 2 页", TextOf(second, "page-number"));
        Assert.Equal("共 45 人", TextOf(first, "total"));
        Assert.Equal("第 51 页", TextOf(deep, "page-number"));
        Assert.Contains("data-testid=\"first-page\"", deep, StringComparison.Ordinal);
        Assert.Equal("第 52 页", TextOf(deeper, "page-number"));
        Assert.Equal(20, ResidentIds(first).Count);
        Assert.Equal(ResidentIds(second), ResidentIds(deep));
        Assert.Equal(residents.Select(r => r.Id).Order(), ResidentIds(first).Concat(ResidentIds(deep)).Concat(ResidentIds(deeper)).Order());
        Assert.Null(NextLink(deeper));
        var link = NextLink(deep)!;
        Assert.Contains("cursor=", link, StringComparison.Ordinal);
        Assert.All(residents, r => Assert.DoesNotContain(Uri.EscapeDataString(r.Name), link, StringComparison.OrdinalIgnoreCase));
        var sent = System.Buffers.Text.Base64Url.DecodeFromChars(Uri.UnescapeDataString(link[(link.IndexOf("cursor=", StringComparison.Ordinal) + "cursor=".Length)..]));
        Assert.All(residents, r => Assert.DoesNotContain(r.Name, System.Text.Encoding.UTF8.GetString(sent), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_cursor_is_named_in_chinese_and_the_list_opens_at_page_one()
    {
        var (communityId, residents) = await LargeCommunityAsync(25);
        var officer = await _app.SignedInClientAsync("officer1");
        var token = await CursorAfterFirstPageAsync(communityId, residents);
        var middle = token.Length / 2;
        var changed = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        var response = await officer.GetAsync($"/residents?community={communityId}&sort=Name&cursor={Uri.EscapeDataString(changed)}");
        var otherSort = await officer.GetAsync($"/residents?community={communityId}&sort=BirthDate&cursor={Uri.EscapeDataString(token)}");

        foreach (var answer in new[] { response, otherSort })
        {
            var html = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
            Assert.Contains("翻页位置", html[html.IndexOf("data-testid=\"url-filter-error\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Equal("第 1 页", TextOf(html, "page-number"));
            Assert.Equal(20, ResidentIds(html).Count);
        }
    }

    /// <summary>The residents linked from the list's rows (each row links its name and 查看), in order.</summary>
    private static List<Guid> ResidentIds(string html) =>
        ResidentLink().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    /// <summary>The text of the element marked <paramref name="testId"/>, tags removed and spaces trimmed.</summary>
    private static string? TextOf(string html, string testId)
    {
        var element = Regex.Match(html, $"<(\\w+) [^>]*data-testid=\"{testId}\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        return element.Success ? WebUtility.HtmlDecode(Regex.Replace(element.Groups[2].Value, "<[^>]*>", string.Empty)).Trim() : null;
    }

    /// <summary>The 下一页 link's address (HTML-decoded), or null when it is disabled.</summary>
    private static string? NextLink(string html)
    {
        var tag = Regex.Match(html, "<a [^>]*data-testid=\"next-page\"[^>]*>");
        return tag.Success ? WebUtility.HtmlDecode(Regex.Match(tag.Value, "href=\"([^\"]*)\"").Groups[1].Value) : null;
    }

    /// <summary>A next-page token for page 51 that starts after the first page (by name) of the community, as the page makes it.</summary>
    private async Task<string> CursorAfterFirstPageAsync(Guid communityId, List<Resident> residents)
    {
        await using var db = _app.Database.CreateContext();
        var page = await ResidentListQueries.SeekAsync(db, Station(communityId), new ResidentListQueries.Filter(new DateOnly(2025, 6, 1), communityId), ResidentSort.Name, null, 20);
        Assert.Equal(residents.Count > 20, page.NextCursor is not null);
        var provider = _app.Factory.Services.GetRequiredService<IDataProtectionProvider>();
        return ResidentListCursor.Protect(provider, new ResidentListCursor.Position(page.NextCursor!, ResidentListQueries.MaxNumberedPages + 1));
    }

    private async Task<(Guid CommunityId, List<Resident> Residents)> LargeCommunityAsync(int count)
    {
        await using var db = _app.Database.CreateContext();
        var community = await TestCity.AddCommunityAsync(db);
        var residents = Enumerable.Range(0, count)
            .Select(_ => new Resident(TestData.Name("翻页"), IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1980, 1, 1))), PhoneNumber.Parse(TestData.Phone()), community.Id))
            .ToList();
        await SaveAsync(db, residents);
        return (community.Id, residents);
    }

    [GeneratedRegex("href=\"/residents/([0-9a-f-]{36})\"[^>]*data-testid=\"resident-link\"")]
    private static partial Regex ResidentLink();

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

using System.Globalization;
using EmploymentPortal.Domain.Residents;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>
/// The staff list's filters as they come in the URL (<c>/residents?status=RegisteredUnemployed&amp;overdue=true</c>,
/// links from the home pages and bookmarks). Every parameter arrives as text: a value that is
/// not one of the list's is named in <see cref="Filters.Problems"/> (field in Chinese, value as
/// given) and left out, so a bad link shows a message instead of failing the page.
/// </summary>
public static class ResidentListUrl
{
    /// <summary>One parameter that could not be read: the field's Chinese name and the value given.</summary>
    public sealed record Problem(string Field, string Value);

    /// <summary>The filters read; <see cref="Page"/> is 1 to <see cref="ResidentListQueries.MaxNumberedPages"/>.</summary>
    public sealed record Filters(
        string? Search,
        Guid? CommunityId,
        EmploymentStatus? Status,
        KeyGroup? KeyGroup,
        AgeBand? AgeBand,
        ResidentSort Sort,
        bool Overdue,
        int Page,
        IReadOnlyList<Problem> Problems);

    /// <summary>The longest value repeated in a message.</summary>
    private const int ShownLength = 40;

    public static Filters Read(string? search, string? community, string? status, string? keyGroup, string? ageBand, string? sort, string? overdue, string? page)
    {
        var problems = new List<Problem>();
        var communityId = Parse(community, "社区/村", problems, text => Guid.TryParse(text, out var id) ? id : (Guid?)null);
        var statusValue = ParseEnum<EmploymentStatus>(status, "就业失业状态", problems);
        var keyGroupValue = ParseEnum<KeyGroup>(keyGroup, "重点群体", problems);
        var ageBandValue = ParseEnum<AgeBand>(ageBand, "年龄段", problems);
        var sortValue = ParseEnum<ResidentSort>(sort, "排序", problems) ?? ResidentSort.Newest;
        var overdueValue = Parse(overdue, "仅显示本月未跟踪（逾期）", problems, text => text.ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" => (bool?)false,
            _ => null,
        }) ?? false;
        var pageValue = Parse(page, "页码", problems, text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= ResidentListQueries.MaxNumberedPages ? number : (int?)null) ?? 1;
        return new(string.IsNullOrWhiteSpace(search) ? null : search.Trim(), communityId, statusValue, keyGroupValue, ageBandValue, sortValue, overdueValue, pageValue, problems);
    }

    /// <summary>An enum by its name (any case); numbers are refused, so only the names the list offers pass.</summary>
    public static T? ParseEnum<T>(string? text, string field, List<Problem> problems)
        where T : struct, Enum =>
        Parse(text, field, problems, value =>
            !char.IsAsciiDigit(value[0]) && value[0] != '-' && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (T?)null);

    public static T? Parse<T>(string? text, string field, List<Problem> problems, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = parse(text.Trim());
        if (value is null)
        {
            problems.Add(new(field, text.Length > ShownLength ? text[..ShownLength] + "…" : text));
        }

        return value;
    }
}

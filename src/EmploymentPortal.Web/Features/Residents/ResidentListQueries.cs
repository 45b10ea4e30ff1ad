using System.Buffers.Text;
using System.Text.Json;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Residents;

/// <summary>Age bands of the staff list, in completed years (周岁) on the day of the query.</summary>
public enum AgeBand
{
    /// <summary>16–24岁</summary>
    From16To24,

    /// <summary>25–34岁</summary>
    From25To34,

    /// <summary>35–44岁</summary>
    From35To44,

    /// <summary>45–54岁</summary>
    From45To54,

    /// <summary>55岁及以上</summary>
    From55,
}

/// <summary>Orders of the staff list; each is a keyset (sort key, Id) with an index behind it.</summary>
public enum ResidentSort
{
    /// <summary>Latest registrations first (Id descending: ids are time-ordered).</summary>
    Newest,

    /// <summary>By name, then Id.</summary>
    Name,

    /// <summary>Oldest first (birth date ascending), then Id.</summary>
    BirthDate,
}

/// <summary>
/// The staff resident list at city scale: filters that the database answers from indexes and
/// keyset (seek) paging with an opaque cursor, so page 1,000 costs what page 1 costs and nothing
/// loads a whole table. Scope as everywhere (<see cref="ResidentQueries.VisibleTo"/>); ID numbers
/// and phones masked.
/// </summary>
public static class ResidentListQueries
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Filters; <paramref name="Today"/> decides overdue, key groups and ages (China date).
    /// <paramref name="Search"/>: the start of a name, a whole ID number, a whole mobile number,
    /// or the last four to six characters of either (<see cref="SearchText"/>).
    /// </summary>
    public sealed record Filter(
        DateOnly Today,
        Guid? CommunityId = null,
        EmploymentStatus? Status = null,
        bool Overdue = false,
        KeyGroup? KeyGroup = null,
        AgeBand? AgeBand = null,
        string? Search = null);

    /// <summary>What the search box was given: a name's start, a whole number or its last characters.</summary>
    public enum SearchKind
    {
        IdNumber,
        Phone,
        LastDigits,
        Name,
    }

    /// <summary>The shortest and longest ending of a number the search takes.</summary>
    public const int MinLastDigits = PersonalDataProtector.LastDigitsLength;

    /// <inheritdoc cref="MinLastDigits"/>
    public const int MaxLastDigits = 6;

    /// <summary>The longest name searched (the registry's name length).</summary>
    public const int MaxNameLength = 50;

    /// <summary>The message of an unreadable search text.</summary>
    public const string InvalidSearchMessage = "请输入姓名（或姓名开头）、完整的身份证号码或手机号码，或号码的后4至6位。";

    /// <summary>The search text could not be read as a name, a number or a number's last characters.</summary>
    public sealed class InvalidSearchException : Exception
    {
        public InvalidSearchException()
            : base(InvalidSearchMessage)
        {
        }
    }

    /// <summary>The Chinese message for a search text the list cannot read, or null when it can.</summary>
    public static string? SearchProblem(string text)
    {
        try
        {
            SearchText(text);
            return null;
        }
        catch (InvalidSearchException exception)
        {
            return exception.Message;
        }
    }

    /// <summary>
    /// Reads the search box: 18 characters → an ID number, 11 digits → a mobile number, 4 to 6
    /// digits (the last may be X) → the ending of either, text without digits → the start of a
    /// name. Stored numbers are encrypted, so only these forms can be found (through their keyed
    /// hashes), never a fragment in the middle.
    /// </summary>
    /// <exception cref="InvalidSearchException">Anything else.</exception>
    public static (SearchKind Kind, string Value) SearchText(string text)
    {
        var value = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (value.Length == 18 && IdCardNumber.TryParse(value, out var idNumber, out _))
        {
            return (SearchKind.IdNumber, idNumber.Value);
        }

        if (value.Length == 11 && PhoneNumber.TryParse(value, out var phone, out _) && phone.IsMobile)
        {
            return (SearchKind.Phone, phone.Value);
        }

        if (value.Length is >= MinLastDigits and <= MaxLastDigits && value[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(value[^1]) || value[^1] == 'X'))
        {
            return (SearchKind.LastDigits, value);
        }

        var name = text.Trim();
        if (name.Length is > 0 and <= MaxNameLength && !name.Any(char.IsDigit))
        {
            return (SearchKind.Name, name);
        }

        throw new InvalidSearchException();
    }

    /// <summary>One page: <paramref name="NextCursor"/> is null on the last page; <paramref name="Total"/> only when asked for.</summary>
    public sealed record SeekPage<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total);

    /// <summary>The cursor a client sends back for the next page could not be read.</summary>
    public sealed class InvalidCursorException : Exception
    {
        public InvalidCursorException()
            : base("游标无效，请从第一页重新查询。")
        {
        }
    }

    /// <summary>Residents of the principal's scope matching <paramref name="filter"/>, unordered.</summary>
    public static IQueryable<Resident> Filtered(PortalDbContext db, PortalPrincipal principal, Filter filter)
    {
        var query = db.Residents.AsNoTracking().VisibleTo(principal);
        if (filter.CommunityId is { } communityId)
        {
            query = query.Where(r => r.CommunityId == communityId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.CurrentStatus == status);
        }

        if (filter.Overdue)
        {
            query = FollowUp.FollowUpQueries.Overdue(query, db, filter.Today);
        }

        if (filter.KeyGroup is { } group)
        {
            query = WhereInKeyGroup(db, query, group, KeyGroupCriteria.On(filter.Today));
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var (kind, value) = SearchText(filter.Search);
            query = kind switch
            {
                SearchKind.IdNumber => query.WithIdNumber(db, value),
                SearchKind.Phone => query.WithPhone(db, value),
                SearchKind.Name => query.Where(r => r.Name.StartsWith(value)),

                // Five or six characters: the rows ending in the last four, narrowed by NarrowAsync.
                _ => query.WithIdNumberOrPhoneEnding(db, value[^MinLastDigits..]),
            };
        }

        if (filter.AgeBand is { } band)
        {
            var (min, max) = Ages(band);
            var bornOnOrBefore = KeyGroupCriteria.LastBirthDateForAge(filter.Today, min);
            query = query.Where(r => r.BirthDate <= bornOnOrBefore);
            if (max is { } oldest)
            {
                var bornAfter = KeyGroupCriteria.LastBirthDateForAge(filter.Today, oldest + 1);
                query = query.Where(r => r.BirthDate > bornAfter);
            }
        }

        return query;
    }

    /// <summary>
    /// The key group as a condition on stored columns (<see cref="KeyGroupCriteria"/>). Fact-based
    /// groups test one constant bit, which matches the partial index of that group.
    /// </summary>
    /// 就业困难人员 is a certification period on the resident's own columns; a zero-employment
    /// family member belongs to a household flagged on or before the day (the same test as
    /// <c>ZeroEmploymentSync.ZeroEmploymentFamilySinceAsync</c> feeding <see cref="KeyGroups.For"/>).
    public static IQueryable<Resident> WhereInKeyGroup(PortalDbContext db, IQueryable<Resident> query, KeyGroup group, KeyGroupCriteria criteria) => group switch
    {
        KeyGroup.EmploymentDifficulty => query.Where(r => r.DifficultyCertifiedOn <= criteria.Today && (r.DifficultyRevokedOn == null || criteria.Today < r.DifficultyRevokedOn)),
        KeyGroup.ZeroEmploymentFamilyMember => query.Where(r => db.Households.Any(h => h.IsZeroEmployment && h.ZeroEmploymentSince <= criteria.Today && h.Members.Any(m => m.ResidentId == r.Id))),
        KeyGroup.RecentCollegeGraduate => query.Where(r => r.LeftSchoolOn >= criteria.LeftSchoolFrom && r.LeftSchoolOn <= criteria.Today),
        KeyGroup.LongTermRegisteredUnemployed => query.Where(r => r.CurrentStatus == EmploymentStatus.RegisteredUnemployed && r.UnemployedSince <= criteria.UnemployedSinceOnOrBefore),
        KeyGroup.OlderWorker => query.Where(r =>
            (r.Sex == Sex.Female && r.BirthDate <= criteria.OlderWomenBornOnOrBefore && r.BirthDate > criteria.OlderWomenBornAfter)
            || (r.Sex == Sex.Male && r.BirthDate <= criteria.OlderMenBornOnOrBefore && r.BirthDate > criteria.OlderMenBornAfter)),
        KeyGroup.Disabled => query.Where(r => (r.StableKeyGroups & StableKeyGroups.Disabled) != 0),
        KeyGroup.Veteran => query.Where(r => (r.StableKeyGroups & StableKeyGroups.Veteran) != 0),
        KeyGroup.RelocatedResident => query.Where(r => (r.StableKeyGroups & StableKeyGroups.RelocatedResident) != 0),
        KeyGroup.MigrantWorker => query.Where(r => (r.StableKeyGroups & StableKeyGroups.MigrantWorker) != 0),
        KeyGroup.PovertyMonitoredHousehold => query.Where(r => (r.StableKeyGroups & StableKeyGroups.PovertyMonitoredHousehold) != 0),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>Numbered pages (<c>page=</c>) the API serves; beyond, <c>nextCursor</c>.</summary>
    public const int MaxNumberedPages = 50;

    /// <summary>One page of the staff list after <paramref name="cursor"/> (null: the first page).</summary>
    /// <exception cref="InvalidCursorException">The cursor is not one this list issued for this order.</exception>
    /// <remarks><c>skip</c>: rows skipped after the cursor, the API's <c>page=</c> for the first
    /// <see cref="MaxNumberedPages"/> pages (the index is walked over them, cheap at that depth);
    /// deeper pages go by cursor.</remarks>
    public static async Task<SeekPage<ResidentQueries.ResidentRow>> SeekAsync(
        PortalDbContext db, PortalPrincipal principal, Filter filter, ResidentSort sort, string? cursor, int pageSize, bool count = false, CancellationToken cancellationToken = default, int skip = 0)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var filtered = await NarrowAsync(db, Filtered(db, principal, filter), filter, cancellationToken);
        var rows = await Seek(filtered, sort, Cursor.Decode(cursor, sort))
            .Skip(Math.Max(skip, 0))
            .Take(size + 1)
            .Select(r => new Row(r.Id, r.Name, r.IdNumber, r.Sex, r.BirthDate, r.Phone, db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).First(), r.CurrentStatus))
            .ToListAsync(cancellationToken);
        int? total = count ? await filtered.CountAsync(cancellationToken) : null;
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? Cursor.After(page[^1], sort) : null;
        return new(
            page.Select(r => new ResidentQueries.ResidentRow(r.Id, r.Name, MaskIdNumber(r.IdNumber), r.Sex, r.BirthDate, MaskPhone(r.Phone), r.CommunityName, r.Status)).ToList(),
            next,
            total);
    }

    /// <summary>
    /// A search by the last five or six characters: <see cref="Filtered"/> kept the rows whose ID
    /// number or phone ends in the last four (keyed hash, indexed), about one in ten thousand of
    /// the scope; only those few are decrypted here and kept when a number ends in the whole text.
    /// The table is never decrypted to search, and no hash of longer endings is stored.
    /// </summary>
    private static async Task<IQueryable<Resident>> NarrowAsync(PortalDbContext db, IQueryable<Resident> query, Filter filter, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(filter.Search) || SearchText(filter.Search) is not (SearchKind.LastDigits, var ending) || ending.Length == MinLastDigits)
        {
            return query;
        }

        var candidates = await query.Select(r => new { r.Id, r.IdNumber, r.Phone }).ToListAsync(cancellationToken);
        var ids = candidates
            .Where(c => c.IdNumber.EndsWith(ending, StringComparison.Ordinal) || c.Phone.EndsWith(ending, StringComparison.Ordinal))
            .Select(c => c.Id)
            .ToList();
        return query.Where(r => ids.Contains(r.Id));
    }

    /// <summary>The overdue list (newest registrations first) by keyset, with each resident's last contact.</summary>
    public static async Task<SeekPage<FollowUp.FollowUpQueries.OverdueRow>> SeekOverdueAsync(
        PortalDbContext db, PortalPrincipal principal, Guid? communityId, DateOnly today, string? cursor, int pageSize, bool count = false, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var filtered = Filtered(db, principal, new Filter(today, communityId, Overdue: true));
        var rows = await Seek(filtered, ResidentSort.Newest, Cursor.Decode(cursor, ResidentSort.Newest))
            .Take(size + 1)
            .Select(r => new
            {
                Row = new Row(r.Id, r.Name, r.IdNumber, r.Sex, r.BirthDate, r.Phone, db.Communities.Where(c => c.Id == r.CommunityId).Select(c => c.Name).First(), r.CurrentStatus),
                LastContact = db.ResidentContacts.Where(x => x.ResidentId == r.Id).Max(x => (DateOnly?)x.ContactedOn),
            })
            .ToListAsync(cancellationToken);
        int? total = count ? await filtered.CountAsync(cancellationToken) : null;
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? Cursor.After(page[^1].Row, ResidentSort.Newest) : null;
        return new(
            page.Select(r => new FollowUp.FollowUpQueries.OverdueRow(r.Row.Id, r.Row.Name, MaskIdNumber(r.Row.IdNumber), r.Row.CommunityName, r.LastContact)).ToList(),
            next,
            total);
    }

    /// <summary>The inclusive age range of a band; no upper bound for the last.</summary>
    public static (int Min, int? Max) Ages(AgeBand band) => band switch
    {
        AgeBand.From16To24 => (16, 24),
        AgeBand.From25To34 => (25, 34),
        AgeBand.From35To44 => (35, 44),
        AgeBand.From45To54 => (45, 54),
        AgeBand.From55 => (55, null),
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, null),
    };

    /// <summary>
    /// Orders by the sort's keyset and keeps the rows after the cursor. The range condition on the
    /// leading key (<c>&gt;=</c>) is redundant with the OR but lets the database seek the index.
    /// </summary>
    private static IQueryable<Resident> Seek(IQueryable<Resident> query, ResidentSort sort, Cursor? after)
    {
        switch (sort)
        {
            case ResidentSort.Name:
                if (after is { Name: { } name })
                {
                    var id = after.Id;
                    query = query.Where(r => string.Compare(r.Name, name) >= 0 && (string.Compare(r.Name, name) > 0 || r.Id.CompareTo(id) > 0));
                }

                return query.OrderBy(r => r.Name).ThenBy(r => r.Id);
            case ResidentSort.BirthDate:
                if (after is { BirthDate: { } birth })
                {
                    var id = after.Id;
                    query = query.Where(r => r.BirthDate >= birth && (r.BirthDate > birth || r.Id.CompareTo(id) > 0));
                }

                return query.OrderBy(r => r.BirthDate).ThenBy(r => r.Id);
            default:
                if (after is not null)
                {
                    var id = after.Id;
                    query = query.Where(r => r.Id.CompareTo(id) < 0);
                }

                return query.OrderByDescending(r => r.Id);
        }
    }

    private static string MaskIdNumber(string idNumber) =>
        IdCardNumber.TryParse(idNumber, out var parsed, out _) ? parsed.Masked : new string('*', idNumber.Length);

    private static string MaskPhone(string phone) =>
        PhoneNumber.TryParse(phone, out var parsed, out _) ? parsed.Masked : "***";

    private sealed record Row(Guid Id, string Name, string IdNumber, Sex Sex, DateOnly BirthDate, string Phone, string CommunityName, EmploymentStatus? Status);

    /// <summary>
    /// The position after the last row of a page: the sort, its key and the id, as base64url JSON.
    /// Opaque to clients (they only send it back); it carries no personal data beyond the sort key
    /// of a row the caller has already seen.
    /// </summary>
    private sealed record Cursor(ResidentSort Sort, Guid Id, string? Name = null, DateOnly? BirthDate = null)
    {
        public static string After(Row row, ResidentSort sort)
        {
            var cursor = sort switch
            {
                ResidentSort.Name => new Cursor(sort, row.Id, Name: row.Name),
                ResidentSort.BirthDate => new Cursor(sort, row.Id, BirthDate: row.BirthDate),
                _ => new Cursor(sort, row.Id),
            };
            return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(cursor));
        }

        public static Cursor? Decode(string? value, ResidentSort sort)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            Cursor? cursor;
            try
            {
                cursor = JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(value));
            }
            catch (Exception exception) when (exception is FormatException or JsonException)
            {
                throw new InvalidCursorException();
            }

            var complete = cursor is not null && cursor.Sort == sort && cursor.Sort switch
            {
                ResidentSort.Name => cursor.Name is not null,
                ResidentSort.BirthDate => cursor.BirthDate is not null,
                _ => true,
            };
            return complete ? cursor : throw new InvalidCursorException();
        }
    }
}

using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Data.Security;

/// <summary>
/// Lookups by ID number or phone. The columns hold ciphertext with a random nonce, so a
/// comparison with the plain value never matches: every lookup compares the keyed hashes
/// (<see cref="PersonalDataMapping"/>), which the indexes serve.
/// </summary>
public static class PersonalDataQueries
{
    /// <summary>The residents with this canonical ID number (at most one).</summary>
    public static IQueryable<Resident> WithIdNumber(this IQueryable<Resident> residents, PortalDbContext db, string idNumber)
    {
        var hash = db.PersonalData.Hash(PersonalDataKind.IdNumber, idNumber);
        return residents.Where(r => EF.Property<string>(r, PersonalDataMapping.ResidentIdNumberHash) == hash);
    }

    /// <summary>The residents with any of these canonical ID numbers.</summary>
    public static IQueryable<Resident> WithIdNumbers(this IQueryable<Resident> residents, PortalDbContext db, IEnumerable<string> idNumbers)
    {
        var hashes = idNumbers.Select(n => db.PersonalData.Hash(PersonalDataKind.IdNumber, n)).Distinct(StringComparer.Ordinal).ToList();
        return residents.Where(r => hashes.Contains(EF.Property<string>(r, PersonalDataMapping.ResidentIdNumberHash)));
    }

    /// <summary>The residents with this canonical mobile number.</summary>
    public static IQueryable<Resident> WithPhone(this IQueryable<Resident> residents, PortalDbContext db, string phone)
    {
        var hash = db.PersonalData.Hash(PersonalDataKind.Phone, phone);
        return residents.Where(r => EF.Property<string>(r, PersonalDataMapping.ResidentPhoneHash) == hash);
    }

    /// <summary>
    /// The residents whose ID number or mobile number ends with these four characters: what a
    /// station worker types when the person at the counter gives the last four.
    /// </summary>
    public static IQueryable<Resident> WithIdNumberOrPhoneEnding(this IQueryable<Resident> residents, PortalDbContext db, string lastFour)
    {
        var idHash = db.PersonalData.HashLastDigits(PersonalDataKind.IdNumber, lastFour);
        var phoneHash = db.PersonalData.HashLastDigits(PersonalDataKind.Phone, lastFour);
        return residents.Where(r => EF.Property<string>(r, PersonalDataMapping.ResidentIdNumberLast4Hash) == idHash
            || EF.Property<string>(r, PersonalDataMapping.ResidentPhoneLast4Hash) == phoneHash);
    }

    /// <summary>The household members with this canonical ID number.</summary>
    public static IQueryable<HouseholdMember> WithIdNumber(this IQueryable<HouseholdMember> members, PortalDbContext db, string idNumber)
    {
        var hash = db.PersonalData.Hash(PersonalDataKind.IdNumber, idNumber);
        return members.Where(m => EF.Property<string>(m, PersonalDataMapping.MemberIdNumberHash) == hash);
    }
}

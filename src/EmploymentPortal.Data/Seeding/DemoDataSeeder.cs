using EmploymentPortal.Data.Identity;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.Data.Seeding;

/// <summary>
/// Creates the demo city (<see cref="DemoCity"/>): geography, about 200 enterprises, about 2,000
/// residents and one account for every role. Deterministic (fixed random seed), and idempotent:
/// it does nothing when the city's districts exist already.
/// <para>
/// The demo password comes from configuration <c>Demo:Password</c>; when it is not set (a
/// production configuration has none), a random password is generated and reported once.
/// </para>
/// </summary>
public sealed class DemoDataSeeder
{
    public const int EnterpriseCount = 200;
    public const int ResidentCount = 2_000;

    private readonly IDbContextFactory<PortalDbContext> _factory;
    private readonly UserManager<PortalUser> _userManager;
    private readonly RoleManager<IdentityRole> _roleManager;
    private readonly IConfiguration _configuration;
    private readonly PortalCalendar _calendar;
    private readonly ILogger<DemoDataSeeder> _logger;

    public DemoDataSeeder(IDbContextFactory<PortalDbContext> factory, UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IConfiguration configuration, PortalCalendar calendar, ILogger<DemoDataSeeder> logger)
    {
        _factory = factory;
        _userManager = userManager;
        _roleManager = roleManager;
        _configuration = configuration;
        _calendar = calendar;
        _logger = logger;
    }

    /// <summary>The demo accounts: user name, role and what they are for.</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", PortalRoles.Administrator, "系统管理员 system administrator"),
        new("officer1", PortalRoles.BureauOfficer, "人社局经办人员 bureau officer"),
        new("officer2", PortalRoles.BureauOfficer, "人社局复核人员 bureau officer (second approver)"),
        // A counter claim (prepared by an officer) above the two-tier threshold needs three
        // officers: its maker, a first and a second approver (docs/claims.md "Counter claims").
        new("officer3", PortalRoles.BureauOfficer, "人社局复核人员 bureau officer (second approver of counter claims)"),
        new("station1", PortalRoles.StationStaff, "东湖社区、滨江社区服务站 station staff, two communities"),
        new("station2", PortalRoles.StationStaff, "西山社区服务站 station staff, one community"),
        new("enterprise1", PortalRoles.EnterpriseUser, "已认证企业用户 verified enterprise"),
        new("enterprise2", PortalRoles.EnterpriseUser, "企业用户 enterprise user"),
        new(DemoTraining.InstitutionAccount, PortalRoles.TrainingInstitution, "培训机构用户（技工学校） training institution user"),
    ];

    public async Task<DemoSeedReport> SeedAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        await using (var db = await _factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Districts.AnyAsync(cancellationToken))
            {
                return new DemoSeedReport(false, _configuration["Demo:Password"], await ExistingAccountsAsync(db, cancellationToken));
            }
        }

        var password = _configuration["Demo:Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            password = GeneratePassword();
        }

        var random = new Random(20261122);
        var communities = await SeedGeographyAsync(cancellationToken);
        var enterprises = await SeedEnterprisesAsync(random, communities, cancellationToken);
        await SeedResidentsAsync(random, communities, cancellationToken);
        await DemoResidentProfiles.SeedAsync(_factory, communities, _calendar.Today, cancellationToken);
        await SeedUsersAsync(password, communities, enterprises);
        var vacancies = await SeedVacanciesAsync(enterprises, cancellationToken);
        await DemoHires.SeedAsync(_factory, _calendar, cancellationToken);
        await DemoPostsAndFairs.SeedAsync(_factory, _calendar, cancellationToken);
        await DemoMonitoring.SeedAsync(_factory, _calendar, cancellationToken);
        await DemoStartups.SeedAsync(_factory, _calendar, cancellationToken);
        await DemoTraining.SeedAsync(_factory, _calendar, cancellationToken);
        _logger.LogInformation("Demo city {City} created: {Communities} communities, {Enterprises} enterprises, {Vacancies} vacancies, {Residents} residents", DemoCity.Name, communities.Count, enterprises.Count, vacancies, ResidentCount);
        return new DemoSeedReport(true, password, Accounts);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await _roleManager.RoleExistsAsync(role))
            {
                ThrowOnFailure(await _roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private static async Task<IReadOnlyList<DemoAccount>> ExistingAccountsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var names = Accounts.Select(a => a.UserName.ToUpperInvariant()).ToList();
        var existing = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.UserName!).ToListAsync(cancellationToken);
        return Accounts.Where(a => existing.Contains(a.UserName)).ToList();
    }

    private async Task<List<Community>> SeedGeographyAsync(CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var communities = new List<Community>();
        foreach (var districtSpec in DemoCity.Districts)
        {
            var district = new District(districtSpec.Code, districtSpec.Name);
            db.Districts.Add(district);
            for (var s = 0; s < districtSpec.Streets.Length; s++)
            {
                var streetSpec = districtSpec.Streets[s];
                var street = new Street(district, $"{district.Code}{(streetSpec.IsTownship ? 100 : 1) + s:000}", streetSpec.Name, streetSpec.IsTownship ? StreetKind.Township : StreetKind.Street);
                db.Streets.Add(street);
                for (var c = 0; c < streetSpec.Communities.Length; c++)
                {
                    var name = streetSpec.Communities[c];
                    var isVillage = name.EndsWith('村');

                    // Stations on a ring around the district centre, a few km apart, so that
                    // three-kilometre circles overlap the way they do in a real city.
                    var angle = (s * streetSpec.Communities.Length + c) * 2.399963; // golden angle
                    var radiusKm = 1.2 + (1.6 * s) + (0.5 * c);
                    var (latitude, longitude) = GeneratedLocations.Offset(districtSpec.Latitude, districtSpec.Longitude, radiusKm, angle);
                    var code = $"{street.Code}{(isVillage ? 200 : 1) + c:000}";
                    communities.Add(new Community(street, code, name, isVillage ? CommunityKind.Village : CommunityKind.Community, Math.Round(latitude, 6), Math.Round(longitude, 6), $"{DemoCity.Name}{district.Name}{street.Name}{name}党群服务中心一楼"));
                }
            }
        }

        db.Communities.AddRange(communities);
        await db.SaveChangesAsync(cancellationToken);
        return communities;
    }

    private async Task<List<Enterprise>> SeedEnterprisesAsync(Random random, List<Community> communities, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var enterprises = new List<Enterprise>();
        var names = new HashSet<string>();
        var codes = new HashSet<string>();

        // The registry details draw from a random source of their own, so that adding them did
        // not change the residents generated after the enterprises.
        var detailsRandom = new Random(4754);
        while (enterprises.Count < EnterpriseCount)
        {
            var name = $"{DemoCity.Name[..2]}{Pick(random, DemoCity.EnterpriseWords)}{Pick(random, DemoCity.EnterpriseTrades)}{Pick(random, DemoCity.EnterpriseForms)}";
            if (!names.Add(name))
            {
                name = $"{DemoCity.Name[..2]}{Pick(random, DemoCity.EnterpriseWords)}{Pick(random, DemoCity.EnterpriseWords)}{Pick(random, DemoCity.EnterpriseTrades)}{Pick(random, DemoCity.EnterpriseForms)}";
                if (!names.Add(name))
                {
                    continue;
                }
            }

            var community = communities[random.Next(communities.Count)];
            var code = DemoIdentifiers.CreditCode(random, community.Code[..6]);
            if (!codes.Add(code))
            {
                continue;
            }

            var (lat, lon) = GeneratedLocations.InRing(random, community.StationLatitude, community.StationLongitude, 0, 2.5);
            var enterprise = new Enterprise(code, name, community.Id, $"{community.StationAddress[..^7]}{random.Next(1, 300)}号", lat, lon);
            enterprise.UpdateDetails(DemoEnterpriseDetails(detailsRandom, enterprise));
            if (enterprises.Count % 10 != 9)
            {
                enterprise.Verify();
            }

            enterprises.Add(enterprise);
        }

        db.Enterprises.AddRange(enterprises);
        await db.SaveChangesAsync(cancellationToken);
        return enterprises;
    }

    private static EnterpriseDetails DemoEnterpriseDetails(Random random, Enterprise enterprise)
    {
        var size = (EnterpriseSize)Math.Min(3, (int)(4 * Math.Pow(random.NextDouble(), 0.4)));
        var total = size switch
        {
            EnterpriseSize.Large => random.Next(1000, 3000),
            EnterpriseSize.Medium => random.Next(300, 1000),
            EnterpriseSize.Small => random.Next(20, 300),
            _ => random.Next(3, 20),
        };
        var industries = new[] { IndustrySection.C, IndustrySection.C, IndustrySection.E, IndustrySection.F, IndustrySection.G, IndustrySection.H, IndustrySection.I, IndustrySection.L, IndustrySection.O, IndustrySection.Q };
        return new EnterpriseDetails(
            enterprise.CreditCode,
            enterprise.Name,
            Pick(random, DemoCity.Surnames) + Pick(random, DemoCity.GivenNameCharacters) + Pick(random, DemoCity.GivenNameCharacters),
            enterprise.Address,
            Pick(random, industries),
            size,
            total,
            total - random.Next(0, Math.Max(1, total / 10)),
            Pick(random, DemoCity.Surnames) + Pick(random, DemoCity.GivenNameCharacters),
            $"139{random.Next(0, 100_000_000):00000000}");
    }

    /// <summary>
    /// Vacancies: enterprise1's enterprise (the first verified one) has published, pending and
    /// rejected vacancies; every fourth other verified enterprise has one or two published ones,
    /// spread over the city with the enterprises.
    /// </summary>
    private async Task<int> SeedVacanciesAsync(List<Enterprise> enterprises, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var random = new Random(2022);
        var now = _calendar.Now;
        var today = PortalCalendar.DateOf(now);
        var verified = enterprises.Where(e => e.Status == EnterpriseStatus.Verified).ToList();
        var vacancies = new List<Vacancy>();

        Vacancy Make(Enterprise enterprise)
        {
            var (group, titles) = DemoVacancyTitles[random.Next(DemoVacancyTitles.Length)];
            var title = Pick(random, titles);
            var wageMin = random.Next(25, 60) * 10_000L;
            var details = new VacancyDetails(
                title,
                group,
                title,
                random.Next(1, 6),
                Money.FromFen(wageMin),
                Money.FromFen(wageMin + (random.Next(5, 30) * 10_000L)),
                (WorkType)(random.Next(10) switch { < 7 => 0, 7 => 1, 8 => 2, _ => 3 }),
                enterprise.CommunityId,
                enterprise.Address,
                enterprise.Location,
                "身体健康，吃苦耐劳，服从工作安排。",
                random.Next(4) == 0,
                random.Next(3) == 0,
                random.Next(2) == 0,
                today.AddDays(random.Next(30, 120)));
            var vacancy = Vacancy.Draft(enterprise, details, today);
            vacancies.Add(vacancy);
            return vacancy;
        }

        var own = verified[0];
        for (var i = 0; i < 6; i++)
        {
            var vacancy = Make(own);
            if (i == 5)
            {
                continue;
            }

            vacancy.Submit(own, today);
            if (i < 3)
            {
                vacancy.Approve(own, today, now);
            }
            else if (i == 4)
            {
                vacancy.Reject("薪资待遇描述不清，请注明是否包含五险一金。");
            }
        }

        for (var e = 4; e < verified.Count; e += 4)
        {
            var enterprise = verified[e];
            var count = 1 + random.Next(2);
            for (var i = 0; i < count; i++)
            {
                var vacancy = Make(enterprise);
                vacancy.Submit(enterprise, today);
                vacancy.Approve(enterprise, today, now);
            }
        }

        db.Vacancies.AddRange(vacancies);
        await db.SaveChangesAsync(cancellationToken);
        return vacancies.Count;
    }

    private static readonly (OccupationGroup Group, string[] Titles)[] DemoVacancyTitles =
    [
        (OccupationGroup.Professionals, ["软件开发工程师", "会计", "护士", "机械工程师"]),
        (OccupationGroup.Clerical, ["行政文员", "仓库管理员", "前台接待"]),
        (OccupationGroup.Services, ["餐厅服务员", "快递员", "保洁员", "营业员", "家政服务员", "保安员"]),
        (OccupationGroup.Agriculture, ["果园采摘工", "养殖工"]),
        (OccupationGroup.Production, ["数控车工", "电焊工", "普工", "装配工", "叉车司机"]),
    ];

    private async Task SeedResidentsAsync(Random random, List<Community> communities, CancellationToken cancellationToken)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var today = _calendar.Today;
        var ids = new HashSet<string>();
        var residents = new List<Resident>(ResidentCount);
        while (residents.Count < ResidentCount)
        {
            var birthDate = today.AddYears(-random.Next(18, 60)).AddDays(-random.Next(0, 365));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var idNumber = DemoIdentifiers.IdNumber(random, Pick(random, DemoCity.BirthplaceCodes), birthDate, sex);
            if (!ids.Add(idNumber))
            {
                continue;
            }

            var name = Pick(random, DemoCity.Surnames) + Pick(random, DemoCity.GivenNameCharacters) + (random.Next(3) == 0 ? string.Empty : Pick(random, DemoCity.GivenNameCharacters));
            var phone = $"1{Pick(random, new[] { "3", "5", "7", "8", "9" })}{random.Next(0, 10)}{random.Next(0, 100_000_000):00000000}";

            // Residents cluster in the first communities of each street, as in a real city.
            var community = communities[Math.Min(communities.Count - 1, (int)(communities.Count * Math.Pow(random.NextDouble(), 1.3)))];
            residents.Add(new Resident(name, IdCardNumber.Parse(idNumber), PhoneNumber.Parse(phone), community.Id));
        }

        db.Residents.AddRange(residents);
        db.ResidentContacts.AddRange(SeedRegistry(residents, communities, today));
        DemoHomes.Place(residents, communities);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the demo residents registry facts, unemployment registrations and monthly contacts,
    /// about a third of them without a contact this month (overdue), so that a station opens with
    /// work to do. A random generator of its own keeps the rest of the demo city unchanged.
    /// </summary>
    private static List<ResidentContact> SeedRegistry(List<Resident> residents, List<Community> communities, DateOnly today)
    {
        var random = new Random(3);
        var byId = communities.ToDictionary(c => c.Id);
        var issued = new Dictionary<string, int>(StringComparer.Ordinal);
        var contacts = new List<ResidentContact>();
        string[] outcomes = ["电话联系，本人仍在求职，已推荐岗位。", "上门走访，讲解灵活就业社保补贴政策。", "来站面谈，登记求职意向，推荐技能培训。", "微信联系，本人近期有面试安排。"];
        for (var i = 0; i < residents.Count; i++)
        {
            var resident = residents[i];
            var community = byId[resident.CommunityId];
            var age = resident.AgeOn(today);
            var migrant = i % 11 == 0;
            var leftSchool = new DateOnly(today.Year - random.Next(0, 4), 7, 1);
            var graduate = age is >= 21 and <= 28 && i % 5 == 0 && leftSchool <= today;
            resident.UpdateProfile(new ResidentProfile
            {
                HukouType = migrant ? HukouType.NonLocalRural : i % 6 == 0 ? HukouType.LocalRural : HukouType.LocalUrban,
                Address = $"{community.StationAddress[..^7]}{random.Next(1, 300)}号",
                Education = graduate ? EducationLevel.Bachelor : (EducationLevel)random.Next(0, 5),
                Graduate = graduate ? new GraduateDetails(Pick(random, DemoCity.Schools), Pick(random, DemoCity.Majors), leftSchool.AddDays(-1), leftSchool) : null,
                DisabilityCertificateNumber = i % 61 == 0 ? resident.IdNumber + "42" : null,
                IsVeteran = i % 53 == 0 && resident.Sex == Sex.Male,
                IsRelocatedResident = i % 47 == 0,
                MigrantWorker = migrant ? (i % 2 == 0 ? MigrantWorkerStatus.ReturningMigrantWorker : MigrantWorkerStatus.MigrantWorker) : MigrantWorkerStatus.None,
                IsPovertyMonitoredHousehold = i % 59 == 0,
            });

            // The demo accounts' communities get more registered unemployed people to work with.
            var showcase = community.Name is "东湖社区" or "滨江社区" or "西山社区";
            if (i % (showcase ? 4 : 15) != 0)
            {
                continue;
            }

            var registeredOn = today.AddDays(-random.Next(5, 420));
            // Demo people are registered only in working age (the rules service's 邢南政发〔2020〕1号 (二十) would refuse the rest).
            if (!StatutoryRetirement.IsOfWorkingAge(resident.BirthDate, resident.Sex, registeredOn))
            {
                continue;
            }

            var prefix = $"SY{community.Code}{registeredOn:yyyyMM}";
            var sequence = issued[prefix] = issued.GetValueOrDefault(prefix) + 1;
            resident.RegisterUnemployed(registeredOn, $"{prefix}{sequence:D4}");

            var recordedBy = community.Name switch
            {
                "东湖社区" or "滨江社区" => "张站长",
                "西山社区" => "赵专干",
                _ => "社区专干",
            };
            var monthStart = new DateOnly(today.Year, today.Month, 1);
            for (var month = new DateOnly(registeredOn.Year, registeredOn.Month, 1); month <= monthStart; month = month.AddMonths(1))
            {
                var current = month == monthStart;
                if (current ? random.Next(3) == 0 : random.Next(10) == 0)
                {
                    continue; // a third overdue this month; a gap now and then in the past
                }

                var first = month < registeredOn ? registeredOn.Day : 1;
                var last = current ? today.Day : Math.Min(28, DateTime.DaysInMonth(month.Year, month.Month));
                if (first > last)
                {
                    continue;
                }

                var day = new DateOnly(month.Year, month.Month, random.Next(first, last + 1));
                contacts.Add(new ResidentContact(resident.Id, day, (ContactChannel)random.Next(0, 4), Pick(random, outcomes), (FollowUpServices)random.Next(1, 16), recordedBy));
            }
        }

        return contacts;
    }

    private async Task SeedUsersAsync(string password, List<Community> communities, List<Enterprise> enterprises)
    {
        var now = _calendar.Now;
        var verified = enterprises.Where(e => e.Status == EnterpriseStatus.Verified).ToList();
        var pending = enterprises.First(e => e.Status == EnterpriseStatus.Pending);
        foreach (var account in Accounts)
        {
            var user = new PortalUser
            {
                UserName = account.UserName,
                DisplayName = account.UserName switch
                {
                    "admin" => "系统管理员",
                    "officer1" => "李经办",
                    "officer2" => "王复核",
                    "officer3" => "陈复核",
                    "station1" => "张站长",
                    "station2" => "赵专干",
                    "enterprise1" => $"{verified[0].Name[..Math.Min(8, verified[0].Name.Length)]}人事专员",
                    DemoTraining.InstitutionAccount => "技工学校周老师",
                    _ => $"{pending.Name[..Math.Min(8, pending.Name.Length)]}经办人",
                },
                CreatedAt = now,
                EnterpriseId = account.UserName switch
                {
                    "enterprise1" => verified[0].Id,
                    "enterprise2" => pending.Id,
                    _ => null,
                },
            };
            if (account.UserName == "station1")
            {
                user.CommunityScopes.Add(new UserCommunityScope { CommunityId = communities.Single(c => c.Name == "东湖社区").Id });
                user.CommunityScopes.Add(new UserCommunityScope { CommunityId = communities.Single(c => c.Name == "滨江社区").Id });
            }
            else if (account.UserName == "station2")
            {
                user.CommunityScopes.Add(new UserCommunityScope { CommunityId = communities.Single(c => c.Name == "西山社区").Id });
            }

            ThrowOnFailure(await _userManager.CreateAsync(user, password), $"user {account.UserName}");
            ThrowOnFailure(await _userManager.AddToRoleAsync(user, account.Role), $"role of {account.UserName}");
        }
    }

    private static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[14];
        chars[0] = upper[System.Security.Cryptography.RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[System.Security.Cryptography.RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[System.Security.Cryptography.RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = all[System.Security.Cryptography.RandomNumberGenerator.GetInt32(all.Length)];
        }

        return new string(chars);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static void ThrowOnFailure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

public sealed record DemoAccount(string UserName, string Role, string Description);

/// <summary>What seeding did, for the console banner.</summary>
public sealed record DemoSeedReport(bool Created, string? Password, IReadOnlyList<DemoAccount> Accounts);

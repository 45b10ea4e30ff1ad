using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Data.Security;

/// <summary>
/// One personal-data property of an entity: the domain keeps the plain value in
/// <paramref name="Property"/>; the database holds only its ciphertext in
/// <paramref name="CipherColumn"/> and, where something looks it up, keyed hashes in the shadow
/// properties <paramref name="HashProperty"/> (whole value) and <paramref name="LastDigitsHashProperty"/>
/// (last four characters).
/// </summary>
public sealed record PersonalDataField(
    Type EntityType,
    string Table,
    string Property,
    PersonalDataKind Kind,
    string CipherColumn,
    string? HashProperty,
    string? LastDigitsHashProperty)
{
    /// <summary>The hash shadow properties of the field, with whether each is of the last digits.</summary>
    public IEnumerable<(string Name, bool LastDigits)> HashProperties()
    {
        if (HashProperty is not null)
        {
            yield return (HashProperty, false);
        }

        if (LastDigitsHashProperty is not null)
        {
            yield return (LastDigitsHashProperty, true);
        }
    }
}

/// <summary>
/// The personal data the portal stores and how it is mapped (docs/personal-data.md): one list
/// drives the model, the hashes written on save, the audit log's masks, the migration step that
/// encrypts existing rows and the key rotation command.
/// </summary>
public static class PersonalDataMapping
{
    /// <summary>Annotation on a personal-data property: its <see cref="PersonalDataKind"/>.</summary>
    public const string KindAnnotation = "Portal:PersonalData";

    /// <summary>Annotation on a hash shadow property (never logged).</summary>
    public const string HashAnnotation = "Portal:PersonalDataHash";

    /// <summary>The longest ciphertext column: key id, colon and base64 of nonce, value and tag.</summary>
    public const int CipherMaxLength = 200;

    public static readonly IReadOnlyList<PersonalDataField> Fields =
    [
        new(typeof(Resident), "Residents", nameof(Resident.IdNumber), PersonalDataKind.IdNumber, "IdNumberCipher", "IdNumberHash", "IdNumberLast4Hash"),
        new(typeof(Resident), "Residents", nameof(Resident.Phone), PersonalDataKind.Phone, "PhoneCipher", "PhoneHash", "PhoneLast4Hash"),
        new(typeof(HouseholdMember), "HouseholdMembers", nameof(HouseholdMember.IdNumber), PersonalDataKind.IdNumber, "IdNumberCipher", "IdNumberHash", null),
        new(typeof(Enterprise), "Enterprises", nameof(Enterprise.ContactPhone), PersonalDataKind.Phone, "ContactPhoneCipher", null, null),
        new(typeof(TrainingInstitution), "TrainingInstitutions", nameof(TrainingInstitution.ContactPhone), PersonalDataKind.Phone, "ContactPhoneCipher", null, null),
    ];

    /// <summary>The residents' hash of the whole ID number (unique: one record per person in the city).</summary>
    public const string ResidentIdNumberHash = "IdNumberHash";

    /// <summary>The residents' hash of the ID number's last four characters.</summary>
    public const string ResidentIdNumberLast4Hash = "IdNumberLast4Hash";

    /// <summary>The residents' hash of the whole mobile number.</summary>
    public const string ResidentPhoneHash = "PhoneHash";

    /// <summary>The residents' hash of the mobile number's last four digits.</summary>
    public const string ResidentPhoneLast4Hash = "PhoneLast4Hash";

    /// <summary>The household members' hash of the whole ID number (links a member to a resident).</summary>
    public const string MemberIdNumberHash = "IdNumberHash";

    /// <summary>
    /// Maps every field: the property to its ciphertext column through a converter that encrypts
    /// and decrypts with <paramref name="protector"/>, and the hash shadow properties with their
    /// indexes. Without a protector (design time) the model has the same shape and any read or
    /// write of personal data fails with a message saying the keys are missing.
    /// </summary>
    public static void Configure(ModelBuilder builder, PersonalDataProtector? protector)
    {
        foreach (var field in Fields)
        {
            var entity = builder.Entity(field.EntityType);
            var kind = field.Kind;
            var converter = new ValueConverter<string, string>(
                plain => Encrypt(protector, plain, kind),
                stored => Decrypt(protector, stored, kind));
            entity.Property(field.Property)
                .HasColumnName(field.CipherColumn)
                .HasMaxLength(CipherMaxLength)
                .HasConversion(converter)
                .HasAnnotation(KindAnnotation, field.Kind.ToString());
            var required = !entity.Metadata.FindProperty(field.Property)!.IsNullable;
            foreach (var (name, _) in field.HashProperties())
            {
                entity.Property<string>(name)
                    .HasMaxLength(PersonalDataProtector.HashLength)
                    .IsRequired(required)
                    .HasAnnotation(HashAnnotation, true);
            }
        }

        // One record per person in the whole city: a second registration is refused.
        builder.Entity<Resident>().HasIndex(ResidentIdNumberHash).IsUnique();

        // The stations' search by the last four characters of the ID number or the mobile number.
        builder.Entity<Resident>().HasIndex(ResidentIdNumberLast4Hash);
        builder.Entity<Resident>().HasIndex(ResidentPhoneHash);
        builder.Entity<Resident>().HasIndex(ResidentPhoneLast4Hash);
        builder.Entity<HouseholdMember>().HasIndex(MemberIdNumberHash);
    }

    /// <summary>The field a property maps, if it is personal data.</summary>
    public static PersonalDataKind? KindOf(IReadOnlyProperty property) =>
        property.FindAnnotation(KindAnnotation)?.Value is string kind ? Enum.Parse<PersonalDataKind>(kind) : null;

    /// <summary>True for a hash shadow property.</summary>
    public static bool IsHash(IReadOnlyProperty property) => property.FindAnnotation(HashAnnotation) is not null;

    /// <summary>
    /// Sets the hash shadow properties of every added or modified entity from its plain values;
    /// <see cref="PortalDbContext"/> calls it before each save.
    /// </summary>
    public static void UpdateHashes(DbContext db, PersonalDataProtector? protector)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var field in Fields)
            {
                if (field.HashProperty is null || !field.EntityType.IsInstanceOfType(entry.Entity))
                {
                    continue;
                }

                var plain = (string?)entry.Property(field.Property).CurrentValue;
                foreach (var (name, lastDigits) in field.HashProperties())
                {
                    Set(entry.Property(name), plain is null ? null : Hash(Require(protector), field.Kind, plain, lastDigits));
                }
            }
        }
    }

    /// <summary>The hash of one value for one hash column.</summary>
    public static string Hash(PersonalDataProtector protector, PersonalDataKind kind, string plain, bool lastDigits) =>
        lastDigits ? protector.HashLastDigits(kind, plain) : protector.Hash(kind, plain);

    /// <summary>Adds the personal-data keys to a context's options (every context needs them).</summary>
    public static DbContextOptionsBuilder UsePersonalDataKeys(this DbContextOptionsBuilder builder, PortalKeyRing ring)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new PersonalDataOptionsExtension(PersonalDataProtector.For(ring)));
        return builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>();
    }

    internal static PersonalDataProtector Require(PersonalDataProtector? protector) =>
        protector ?? throw new InvalidOperationException(
            "This PortalDbContext has no personal-data keys: configure its options with UsePersonalDataKeys(ring) (AddPortalDatabase does).");

    private static void Set(PropertyEntry property, string? value)
    {
        if (!string.Equals((string?)property.CurrentValue, value, StringComparison.Ordinal))
        {
            property.CurrentValue = value;
        }
    }

    private static string Encrypt(PersonalDataProtector? protector, string plain, PersonalDataKind kind) => Require(protector).Encrypt(plain, kind);

    private static string Decrypt(PersonalDataProtector? protector, string stored, PersonalDataKind kind) => Require(protector).Decrypt(stored, kind);
}

/// <summary>Carries the personal-data protector in a context's options.</summary>
internal sealed class PersonalDataOptionsExtension : IDbContextOptionsExtension
{
    public PersonalDataOptionsExtension(PersonalDataProtector protector)
    {
        Protector = protector;
        Info = new ExtensionInfo(this);
    }

    public PersonalDataProtector Protector { get; }

    public DbContextOptionsExtensionInfo Info { get; }

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "PersonalDataKeys ";

        // The keys change no service: every context shares EF Core's internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Portal:PersonalDataKeys"] = "1";
    }
}

/// <summary>The model holds the converters of one key set: one cached model per key set.</summary>
internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), (context as PortalDbContext)?.PersonalDataFingerprint, designTime);
}

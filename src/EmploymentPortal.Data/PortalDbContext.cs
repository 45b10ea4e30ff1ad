using EmploymentPortal.Data.Auditing;
using EmploymentPortal.Data.Identity;
using EmploymentPortal.Data.Security;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Circles;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Entrepreneurship;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.Households;
using EmploymentPortal.Domain.Hires;
using EmploymentPortal.Domain.Indicators;
using EmploymentPortal.Domain.JobFairs;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Domain.Policies;
using EmploymentPortal.Domain.Posts;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.Training;
using EmploymentPortal.Domain.Vacancies;
using EmploymentPortal.Domain.ValueObjects;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EmploymentPortal.Data;

/// <summary>
/// The one DbContext of the portal, on SQLite or PostgreSQL (see <see cref="DatabaseProvider"/>).
/// Identity tables live here too, so that a user, their scope and the audit of their changes
/// commit together. Migrations are kept per provider in EmploymentPortal.Data.Sqlite and
/// EmploymentPortal.Data.Postgres.
/// </summary>
public class PortalDbContext : IdentityDbContext<PortalUser, IdentityRole, string>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly List<AuditDraft> _pendingReads = [];
    private readonly PersonalDataProtector? _personalData;

    public PortalDbContext(DbContextOptions<PortalDbContext> options, IAuditActor? actor = null)
        : base(options)
    {
        Actor = actor ?? SystemAuditActor.Instance;
        _personalData = options.FindExtension<PersonalDataOptionsExtension>()?.Protector;
    }

    /// <summary>
    /// Encrypts, decrypts and hashes personal data with the keys outside the database
    /// (<see cref="PersonalDataMapping"/>); lookups by ID number or phone compare its hashes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The context was built without <c>UsePersonalDataKeys</c>.</exception>
    public PersonalDataProtector PersonalData => PersonalDataMapping.Require(_personalData);

    /// <summary>Identifies the personal-data keys of this context's model (null without keys).</summary>
    internal string? PersonalDataFingerprint => _personalData?.Fingerprint;

    public DbSet<District> Districts => Set<District>();

    public DbSet<Street> Streets => Set<Street>();

    public DbSet<Community> Communities => Set<Community>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<Vacancy> Vacancies => Set<Vacancy>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<EmploymentStatusChange> EmploymentStatusChanges => Set<EmploymentStatusChange>();

    public DbSet<ResidentContact> ResidentContacts => Set<ResidentContact>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<ResidentTransferRequest> ResidentTransferRequests => Set<ResidentTransferRequest>();
    public DbSet<FollowUpMonth> FollowUpMonths => Set<FollowUpMonth>();

    public DbSet<OverdueFollowUp> OverdueFollowUps => Set<OverdueFollowUp>();
    public DbSet<Hire> Hires => Set<Hire>();

    public DbSet<PostProgramme> PostProgrammes => Set<PostProgramme>();

    public DbSet<PostPlacement> PostPlacements => Set<PostPlacement>();

    public DbSet<JobFair> JobFairs => Set<JobFair>();

    public DbSet<JobFairIntention> JobFairIntentions => Set<JobFairIntention>();

    public DbSet<BusinessStart> BusinessStarts => Set<BusinessStart>();

    public DbSet<GuaranteedLoan> GuaranteedLoans => Set<GuaranteedLoan>();

    public DbSet<LoanInstallment> LoanInstallments => Set<LoanInstallment>();

    public DbSet<LoanRepayment> LoanRepayments => Set<LoanRepayment>();

    public DbSet<TrainingInstitution> TrainingInstitutions => Set<TrainingInstitution>();

    public DbSet<TrainingClass> TrainingClasses => Set<TrainingClass>();

    public DbSet<Enrolment> TrainingEnrolments => Set<Enrolment>();

    public DbSet<LocalParameterValue> LocalParameterValues => Set<LocalParameterValue>();

    public DbSet<RuleEndDate> RuleEndDates => Set<RuleEndDate>();

    public DbSet<IndicatorFigure> IndicatorFigures => Set<IndicatorFigure>();

    /// <summary>Key enterprises designated for employment monitoring (重点监测企业).</summary>
    public DbSet<MonitoredEnterprise> MonitoredEnterprises => Set<MonitoredEnterprise>();

    public DbSet<MonthlyEmploymentReport> MonthlyEmploymentReports => Set<MonthlyEmploymentReport>();

    public DbSet<WarningThreshold> WarningThresholds => Set<WarningThreshold>();

    public DbSet<EmploymentWarning> EmploymentWarnings => Set<EmploymentWarning>();

    public DbSet<LayoffPlan> LayoffPlans => Set<LayoffPlan>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimAttachment> ClaimAttachments => Set<ClaimAttachment>();

    public DbSet<ClaimEvent> ClaimEvents => Set<ClaimEvent>();

    public DbSet<ClaimCoveredMonth> ClaimCoveredMonths => Set<ClaimCoveredMonth>();

    public DbSet<PaymentBatch> PaymentBatches => Set<PaymentBatch>();

    public DbSet<BenefitCeiling> BenefitCeilings => Set<BenefitCeiling>();

    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<JobReferral> JobReferrals => Set<JobReferral>();

    public DbSet<CircleStandard> CircleStandards => Set<CircleStandard>();

    public DbSet<CircleTarget> CircleTargets => Set<CircleTarget>();

    public DbSet<CommunityAssessment> CommunityAssessments => Set<CommunityAssessment>();

    public DbSet<UserCommunityScope> UserCommunityScopes => Set<UserCommunityScope>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// ASP.NET Core's data-protection keys (cookies, antiforgery tokens, protected cursors), kept in
    /// the database so that every web node reads the same ring and a restart signs nobody out; each
    /// key's XML is encrypted with a portal key (<see cref="Security.DataProtectionKeyEncryption"/>).
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Who the audit log names for changes saved through this context.</summary>
    public IAuditActor Actor { get; }

    /// <summary>The transaction the audit interceptor opened for the current save, if any.</summary>
    internal IDbContextTransaction? AuditTransaction { get; set; }

    /// <summary>
    /// Records that personal data was read in full (e.g. an unmasked ID-card number). The entry is
    /// written, chained like any other, by the next <c>SaveChanges</c>.
    /// </summary>
    public void RecordRead(string entityType, string entityId, string what)
    {
        var changes = new System.Text.Json.Nodes.JsonObject { ["read"] = what }.ToJsonString();
        _pendingReads.Add(new AuditDraft(entityType, entityId, AuditAction.Read, changes));
    }

    /// <summary>
    /// Records a change written without the change tracker (a bulk import writes rows with SQL or
    /// COPY): the entry is chained by the next <c>SaveChanges</c>, in that save's transaction.
    /// </summary>
    public void RecordChange(string entityType, string entityId, AuditAction action, string changesJson) =>
        _pendingReads.Add(new AuditDraft(entityType, entityId, action, changesJson));

    internal IReadOnlyList<AuditDraft> TakePendingReads()
    {
        var reads = _pendingReads.ToList();
        _pendingReads.Clear();
        return reads;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        PersonalDataMapping.Configure(builder, _personalData);
        NameMoneyColumns(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        DetectChangesIfAutomatic();
        PersonalDataMapping.UpdateHashes(this, _personalData);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        DetectChangesIfAutomatic();
        PersonalDataMapping.UpdateHashes(this, _personalData);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void DetectChangesIfAutomatic()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in the database and stable when members are
        // reordered (eShop convention).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);

        // Money is stored as a whole number of fen (bigint) on both providers: one converter for
        // every Money property, none per property. A query sums or compares money in SQL through
        // the cast to the stored integer: Sum(c => (long?)c.Amount).
        configurationBuilder.Properties<Money>().HaveConversion<MoneyFenConverter>();
        configurationBuilder.Properties<Money?>().HaveConversion<MoneyFenConverter>();

        if (Database.IsSqlite())
        {
            // SQLite has no date-time-with-offset type and EF Core cannot order or compare
            // DateTimeOffset stored as text. All portal timestamps are UTC, so they are stored as
            // UTC ticks: sortable, comparable and exact.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    /// <summary>
    /// Every Money column is named after its property with the unit appended (Claim.Amount is
    /// stored in "AmountFen"), so that a reader of the database knows the integer is fen.
    /// </summary>
    private static void NameMoneyColumns(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.ClrType == typeof(Money) || property.ClrType == typeof(Money?))
            {
                property.SetColumnName(property.Name + "Fen");
            }
        }
    }

    private sealed class MoneyFenConverter : ValueConverter<Money, long>
    {
        public MoneyFenConverter()
            : base(m => m.Fen, fen => Money.FromStoredFen(fen))
        {
        }
    }

    private sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicksConverter()
            : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
        {
        }
    }
}

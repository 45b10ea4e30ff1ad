using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "BenefitCeilings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Benefit = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BenefitCeilings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CircleStandards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MaxUnemploymentRatePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RequireZeroEmploymentFamiliesCleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinFollowUpCoveragePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    MinOpeningsPerUnemployed = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleStandards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CircleTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobFairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobFairs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LocalParameterValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParameterId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ReferenceDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SetByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalParameterValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PaymentBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClaimCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleEndDates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BasisDocument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Quote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SetByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleEndDates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Streets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Streets_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StreetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StationLatitude = table.Column<double>(type: "REAL", nullable: false),
                    StationLongitude = table.Column<double>(type: "REAL", nullable: false),
                    StationAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Communities_Streets_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Streets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunityAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingAgeResidents = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowedUp = table.Column<int>(type: "INTEGER", nullable: false),
                    ZeroEmploymentFamilies = table.Column<int>(type: "INTEGER", nullable: true),
                    OpeningsWithinRadius = table.Column<int>(type: "INTEGER", nullable: false),
                    RadiusKm = table.Column<double>(type: "REAL", nullable: false),
                    UnemploymentRatePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    FollowUpCoveragePercent = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    OpeningsPerUnemployed = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    MeetsStandard = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityAssessments_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Enterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TotalEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    InsuredEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enterprises_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    OverdueCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpMonths_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsZeroEmployment = table.Column<bool>(type: "INTEGER", nullable: false),
                    ZeroEmploymentSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ZeroEmploymentClearedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClearedByMember = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DifficultyCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DifficultyCertifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DifficultyCertifiedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DifficultyRevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DifficultyRevocationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WantedOccupationGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    WantedOccupation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DesiredWageMinFen = table.Column<long>(type: "INTEGER", nullable: true),
                    DesiredWageMaxFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PreferredWorkTypes = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HukouType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    HukouPlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Education = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    GraduateSchool = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GraduateMajor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    GraduatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftSchoolOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DisabilityCertificateNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    IsVeteran = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    IsRelocatedResident = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    MigrantWorker = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false, defaultValue: "None"),
                    IsPovertyMonitoredHousehold = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    CurrentStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UnemployedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StableKeyGroups = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false, defaultValue: 0),
                    UnemploymentRegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    HomeLatitude = table.Column<double>(type: "REAL", nullable: true),
                    HomeLongitude = table.Column<double>(type: "REAL", nullable: true),
                    HomeGeoCell = table.Column<long>(type: "INTEGER", nullable: true),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdNumberLast4Hash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PhoneLast4Hash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Residents_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobFairParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobFairId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PostsOffered = table.Column<int>(type: "INTEGER", nullable: false),
                    Intentions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobFairParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobFairParticipants_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobFairParticipants_JobFairs_JobFairId",
                        column: x => x.JobFairId,
                        principalTable: "JobFairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Posts = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlySubsidyFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxDurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    HostEnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostProgrammes_Enterprises_HostEnterpriseId",
                        column: x => x.HostEnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OccupationGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Openings = table.Column<int>(type: "INTEGER", nullable: false),
                    WageMinFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WageMaxFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    GeoCell = table.Column<long>(type: "INTEGER", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AcceptsDisabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AcceptsOlderWorkers = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoExperienceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmploymentStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmploymentStatusChanges_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Hires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractTermMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    SocialInsurancePaid = table.Column<bool>(type: "INTEGER", nullable: false),
                    SocialInsuranceFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Facts_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Facts_KeyGroups = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Facts_StatusBeforeHire = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_MonthsRegisteredUnemployed = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts_UnemploymentRegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_Age = table.Column<int>(type: "INTEGER", nullable: false),
                    Facts_Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Facts_ResidentCommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Facts_HukouType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_Education = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseSize = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseIndustry = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Facts_EnterpriseTotalEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    Facts_EnterpriseInsuredEmployees = table.Column<int>(type: "INTEGER", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hires_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Hires_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumberCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AbleToWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    WantsWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsEmployed = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdMembers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OverdueFollowUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpMonthId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverdueFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OverdueFollowUps_FollowUpMonths_FollowUpMonthId",
                        column: x => x.FollowUpMonthId,
                        principalTable: "FollowUpMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OverdueFollowUps_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidentContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Services = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentContacts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidentTransferRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToCommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentTransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Communities_FromCommunityId",
                        column: x => x.FromCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Communities_ToCommunityId",
                        column: x => x.ToCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentTransferRequests_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserCommunityScopes",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserCommunityScopes", x => new { x.UserId, x.CommunityId });
                    table.ForeignKey(
                        name: "FK_UserCommunityScopes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UserCommunityScopes_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostPlacements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtendedMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Retained = table.Column<bool>(type: "INTEGER", nullable: false),
                    WasRelocatedResident = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostPlacements_PostProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "PostProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostPlacements_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobReferrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VacancyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobReferrals_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Benefit = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RuleTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimantKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlacementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimMonth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DistrictId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FactSource = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HireId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatedFactsJson = table.Column<string>(type: "TEXT", nullable: false),
                    FactsJson = table.Column<string>(type: "TEXT", nullable: false),
                    DecisionJson = table.Column<string>(type: "TEXT", nullable: false),
                    CatalogueVersion = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MissingFacts = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RulesAmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    OnceOnlyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PayeeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PayeeAccount = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PayeeBank = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PreparedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PreparedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreparedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstApproverId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FirstApproverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FirstApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondApproverId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SecondApproverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SecondApprovalThresholdFen = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondApprovalRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PaymentBatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentFailure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SupervisionFlag = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupervisionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Hires_HireId",
                        column: x => x.HireId,
                        principalTable: "Hires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_PaymentBatches_PaymentBatchId",
                        column: x => x.PaymentBatchId,
                        principalTable: "PaymentBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_PostPlacements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "PostPlacements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Claims_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimAttachments_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimCoveredMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimCoveredMonths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimCoveredMonths_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClaimEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimEvents_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_EnterpriseId",
                table: "AspNetUsers",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Timestamp",
                table: "AuditEntries",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_BenefitCeilings_Benefit_SetAt",
                table: "BenefitCeilings",
                columns: new[] { "Benefit", "SetAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CircleStandards_EffectiveFrom",
                table: "CircleStandards",
                column: "EffectiveFrom");

            migrationBuilder.CreateIndex(
                name: "IX_CircleTargets_Year",
                table: "CircleTargets",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimAttachments_ClaimId",
                table: "ClaimAttachments",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimCoveredMonths_ClaimId",
                table: "ClaimCoveredMonths",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimCoveredMonths_Key_Month",
                table: "ClaimCoveredMonths",
                columns: new[] { "Key", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimEvents_ClaimId_At",
                table: "ClaimEvents",
                columns: new[] { "ClaimId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ApprovedAt",
                table: "Claims",
                column: "ApprovedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_CommunityId_Status",
                table: "Claims",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_EnterpriseId_Status",
                table: "Claims",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_HireId",
                table: "Claims",
                column: "HireId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Number",
                table: "Claims",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_OnceOnlyKey",
                table: "Claims",
                column: "OnceOnlyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PaymentBatchId",
                table: "Claims",
                column: "PaymentBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PlacementId",
                table: "Claims",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ResidentId_Benefit",
                table: "Claims",
                columns: new[] { "ResidentId", "Benefit" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims_ReviewQueue",
                table: "Claims",
                columns: new[] { "SubmittedAt", "Id" },
                filter: "\"Status\" IN ('Submitted', 'UnderReview', 'AwaitingSecondApproval')");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_SubmittedAt",
                table: "Claims",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communities_Code",
                table: "Communities",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communities_StreetId",
                table: "Communities",
                column: "StreetId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityAssessments_CommunityId_Month",
                table: "CommunityAssessments",
                columns: new[] { "CommunityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityAssessments_Month",
                table: "CommunityAssessments",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_Districts_Code",
                table: "Districts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentStatusChanges_RegistrationNumber",
                table: "EmploymentStatusChanges",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentStatusChanges_ResidentId_EffectiveFrom",
                table: "EmploymentStatusChanges",
                columns: new[] { "ResidentId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CommunityId_Status",
                table: "Enterprises",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_CreditCode",
                table: "Enterprises",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_Status",
                table: "Enterprises",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpMonths_CommunityId_Month",
                table: "FollowUpMonths",
                columns: new[] { "CommunityId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpMonths_Month",
                table: "FollowUpMonths",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_Hires_EnterpriseId_ResidentId_StartDate",
                table: "Hires",
                columns: new[] { "EnterpriseId", "ResidentId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hires_ResidentId",
                table: "Hires",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_HouseholdId",
                table: "HouseholdMembers",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_IdNumberHash",
                table: "HouseholdMembers",
                column: "IdNumberHash");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMembers_ResidentId",
                table: "HouseholdMembers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Households_CommunityId_IsZeroEmployment",
                table: "Households",
                columns: new[] { "CommunityId", "IsZeroEmployment" });

            migrationBuilder.CreateIndex(
                name: "IX_JobFairParticipants_EnterpriseId",
                table: "JobFairParticipants",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_JobFairParticipants_JobFairId_EnterpriseId",
                table: "JobFairParticipants",
                columns: new[] { "JobFairId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobFairs_Date",
                table: "JobFairs",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_CommunityId_ReferredAt",
                table: "JobReferrals",
                columns: new[] { "CommunityId", "ReferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_EnterpriseId_Status",
                table: "JobReferrals",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_ResidentId_VacancyId",
                table: "JobReferrals",
                columns: new[] { "ResidentId", "VacancyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobReferrals_VacancyId",
                table: "JobReferrals",
                column: "VacancyId");

            migrationBuilder.CreateIndex(
                name: "IX_LocalParameterValues_ParameterId_EffectiveFrom",
                table: "LocalParameterValues",
                columns: new[] { "ParameterId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_CommunityId_Month_ResidentId",
                table: "OverdueFollowUps",
                columns: new[] { "CommunityId", "Month", "ResidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_FollowUpMonthId_ResidentId",
                table: "OverdueFollowUps",
                columns: new[] { "FollowUpMonthId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OverdueFollowUps_ResidentId",
                table: "OverdueFollowUps",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_CreatedAt",
                table: "PaymentBatches",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentBatches_Number",
                table: "PaymentBatches",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostPlacements_ProgrammeId_EndedOn",
                table: "PostPlacements",
                columns: new[] { "ProgrammeId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PostPlacements_ResidentId",
                table: "PostPlacements",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PostProgrammes_HostEnterpriseId",
                table: "PostProgrammes",
                column: "HostEnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_PostProgrammes_Year_Kind",
                table: "PostProgrammes",
                columns: new[] { "Year", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentContacts_ResidentId_ContactedOn",
                table: "ResidentContacts",
                columns: new[] { "ResidentId", "ContactedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_BirthDate_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "BirthDate", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_CurrentStatus_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "CurrentStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_LeftSchoolOn",
                table: "Residents",
                columns: new[] { "CommunityId", "LeftSchoolOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CommunityId_Name_Id",
                table: "Residents",
                columns: new[] { "CommunityId", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_CurrentStatus_Id",
                table: "Residents",
                columns: new[] { "CurrentStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_HomeGeoCell",
                table: "Residents",
                column: "HomeGeoCell");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumberHash",
                table: "Residents",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_IdNumberLast4Hash",
                table: "Residents",
                column: "IdNumberLast4Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_Disabled",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 1) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_MigrantWorker",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 8) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_PovertyMonitoredHousehold",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 16) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_RelocatedResident",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 4) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_KeyGroup_Veteran",
                table: "Residents",
                columns: new[] { "CommunityId", "Id" },
                filter: "(\"StableKeyGroups\" & 2) <> 0");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_PhoneHash",
                table: "Residents",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Residents_PhoneLast4Hash",
                table: "Residents",
                column: "PhoneLast4Hash");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_FromCommunityId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "FromCommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_ResidentId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "ResidentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ResidentTransferRequests_ToCommunityId_Status",
                table: "ResidentTransferRequests",
                columns: new[] { "ToCommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleEndDates_RuleId_SetAt",
                table: "RuleEndDates",
                columns: new[] { "RuleId", "SetAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Streets_Code",
                table: "Streets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Streets_DistrictId",
                table: "Streets",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_UserCommunityScopes_CommunityId",
                table: "UserCommunityScopes",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_EndedAt",
                table: "UserSessions",
                columns: new[] { "UserId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_CommunityId",
                table: "Vacancies",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_EnterpriseId_Status",
                table: "Vacancies",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_GeoCell",
                table: "Vacancies",
                columns: new[] { "Status", "GeoCell" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_ValidUntil",
                table: "Vacancies",
                columns: new[] { "Status", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "BenefitCeilings");

            migrationBuilder.DropTable(
                name: "CircleStandards");

            migrationBuilder.DropTable(
                name: "CircleTargets");

            migrationBuilder.DropTable(
                name: "ClaimAttachments");

            migrationBuilder.DropTable(
                name: "ClaimCoveredMonths");

            migrationBuilder.DropTable(
                name: "ClaimEvents");

            migrationBuilder.DropTable(
                name: "CommunityAssessments");

            migrationBuilder.DropTable(
                name: "EmploymentStatusChanges");

            migrationBuilder.DropTable(
                name: "HouseholdMembers");

            migrationBuilder.DropTable(
                name: "JobFairParticipants");

            migrationBuilder.DropTable(
                name: "JobReferrals");

            migrationBuilder.DropTable(
                name: "LocalParameterValues");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OverdueFollowUps");

            migrationBuilder.DropTable(
                name: "ResidentContacts");

            migrationBuilder.DropTable(
                name: "ResidentTransferRequests");

            migrationBuilder.DropTable(
                name: "RuleEndDates");

            migrationBuilder.DropTable(
                name: "UserCommunityScopes");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Claims");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "JobFairs");

            migrationBuilder.DropTable(
                name: "Vacancies");

            migrationBuilder.DropTable(
                name: "FollowUpMonths");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Hires");

            migrationBuilder.DropTable(
                name: "PaymentBatches");

            migrationBuilder.DropTable(
                name: "PostPlacements");

            migrationBuilder.DropTable(
                name: "PostProgrammes");

            migrationBuilder.DropTable(
                name: "Residents");

            migrationBuilder.DropTable(
                name: "Enterprises");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "Streets");

            migrationBuilder.DropTable(
                name: "Districts");
        }
    }
}

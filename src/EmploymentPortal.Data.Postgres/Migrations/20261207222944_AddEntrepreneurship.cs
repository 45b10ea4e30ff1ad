using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddEntrepreneurship : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BusinessStarts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OneTimeSubsidyClaimId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessStarts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessStarts_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessStarts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessStarts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuaranteedLoans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BusinessStartId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ResidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    TermMonths = table.Column<int>(type: "integer", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EligibilityRuleId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EligibilityNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MaximumAmountFen = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    GuaranteeInstitution = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GuaranteeApproved = table.Column<bool>(type: "boolean", nullable: true),
                    GuaranteeDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    GuaranteeNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    GuaranteeRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Bank = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BankApproved = table.Column<bool>(type: "boolean", nullable: true),
                    BankDecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnualRatePercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    BankNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BankRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DisbursedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueSince = table.Column<DateOnly>(type: "date", nullable: true),
                    DefaultedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DefaultNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RepaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionMonths = table.Column<int>(type: "integer", nullable: true),
                    ExtensionSubsidised = table.Column<bool>(type: "boolean", nullable: true),
                    ExtensionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuaranteedLoans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuaranteedLoans_BusinessStarts_BusinessStartId",
                        column: x => x.BusinessStartId,
                        principalTable: "BusinessStarts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuaranteedLoans_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuaranteedLoans_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LoanInstallments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LoanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    OpeningBalanceFen = table.Column<long>(type: "bigint", nullable: false),
                    PrincipalFen = table.Column<long>(type: "bigint", nullable: false),
                    InterestFen = table.Column<long>(type: "bigint", nullable: false),
                    ExtensionInterestFen = table.Column<long>(type: "bigint", nullable: false),
                    OriginalDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoanInstallments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoanInstallments_GuaranteedLoans_LoanId",
                        column: x => x.LoanId,
                        principalTable: "GuaranteedLoans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LoanRepayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LoanId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoanRepayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoanRepayments_GuaranteedLoans_LoanId",
                        column: x => x.LoanId,
                        principalTable: "GuaranteedLoans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStarts_CommunityId",
                table: "BusinessStarts",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStarts_EnterpriseId",
                table: "BusinessStarts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStarts_OneTimeSubsidyClaimId",
                table: "BusinessStarts",
                column: "OneTimeSubsidyClaimId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStarts_RegistrationNumber",
                table: "BusinessStarts",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessStarts_ResidentId",
                table: "BusinessStarts",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_BusinessStartId",
                table: "GuaranteedLoans",
                column: "BusinessStartId");

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_DisbursedOn",
                table: "GuaranteedLoans",
                column: "DisbursedOn");

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_EnterpriseId",
                table: "GuaranteedLoans",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_Number",
                table: "GuaranteedLoans",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_ResidentId",
                table: "GuaranteedLoans",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_GuaranteedLoans_Status_AppliedOn",
                table: "GuaranteedLoans",
                columns: new[] { "Status", "AppliedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LoanInstallments_LoanId_Period",
                table: "LoanInstallments",
                columns: new[] { "LoanId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LoanRepayments_LoanId_PaidOn",
                table: "LoanRepayments",
                columns: new[] { "LoanId", "PaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoanInstallments");

            migrationBuilder.DropTable(
                name: "LoanRepayments");

            migrationBuilder.DropTable(
                name: "GuaranteedLoans");

            migrationBuilder.DropTable(
                name: "BusinessStarts");
        }
    }
}

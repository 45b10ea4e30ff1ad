using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddEnterpriseMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmploymentWarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Before = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    After = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Change = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ChangePercent = table.Column<decimal>(type: "numeric(9,1)", precision: 9, scale: 1, nullable: true),
                    Figures = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Threshold = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgementNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentWarnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LayoffPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    PlannedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PlacementScheme = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayoffPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LayoffPlans_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoredEnterprises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    DesignatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DesignatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoredEnterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoredEnterprises_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyEmploymentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Headcount = table.Column<int>(type: "integer", nullable: false),
                    Hires = table.Column<int>(type: "integer", nullable: false),
                    Separations = table.Column<int>(type: "integer", nullable: false),
                    EconomicLayoffs = table.Column<int>(type: "integer", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyEmploymentReports", x => x.Id);
                    table.CheckConstraint("CK_MonthlyEmploymentReports_Figures", "\"Headcount\" >= 0 AND \"Hires\" >= 0 AND \"Separations\" >= 0 AND \"EconomicLayoffs\" >= 0 AND \"EconomicLayoffs\" <= \"Separations\"");
                    table.ForeignKey(
                        name: "FK_MonthlyEmploymentReports_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WarningThresholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    Basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ConfiguredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConfiguredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningThresholds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentWarnings_AcknowledgedAt",
                table: "EmploymentWarnings",
                column: "AcknowledgedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentWarnings_Kind_SubjectKey_Month",
                table: "EmploymentWarnings",
                columns: new[] { "Kind", "SubjectKey", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LayoffPlans_EnterpriseId_PlannedDate",
                table: "LayoffPlans",
                columns: new[] { "EnterpriseId", "PlannedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoredEnterprises_EnterpriseId_Since",
                table: "MonitoredEnterprises",
                columns: new[] { "EnterpriseId", "Since" });

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyEmploymentReports_EnterpriseId_Month",
                table: "MonthlyEmploymentReports",
                columns: new[] { "EnterpriseId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyEmploymentReports_Month",
                table: "MonthlyEmploymentReports",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_WarningThresholds_Kind",
                table: "WarningThresholds",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmploymentWarnings");

            migrationBuilder.DropTable(
                name: "LayoffPlans");

            migrationBuilder.DropTable(
                name: "MonitoredEnterprises");

            migrationBuilder.DropTable(
                name: "MonthlyEmploymentReports");

            migrationBuilder.DropTable(
                name: "WarningThresholds");
        }
    }
}

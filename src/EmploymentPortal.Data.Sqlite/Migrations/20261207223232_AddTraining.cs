using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EmploymentPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TrainingInstitutionId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TrainingInstitutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DesignatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DesignationExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhoneCipher = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingInstitutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingInstitutions_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingClasses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PlannedHours = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FinishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_TrainingInstitutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "TrainingInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingScopes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingScopes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingScopes_TrainingInstitutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "TrainingInstitutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingEnrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CertificateKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    CertificateLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CertificateIssuingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingEnrolments_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 4, scale: 1, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendance_TrainingEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "TrainingEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TrainingInstitutionId",
                table: "AspNetUsers",
                column: "TrainingInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendance_EnrolmentId_Date",
                table: "TrainingAttendance",
                columns: new[] { "EnrolmentId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_InstitutionId_StartDate",
                table: "TrainingClasses",
                columns: new[] { "InstitutionId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_Status_StartDate",
                table: "TrainingClasses",
                columns: new[] { "Status", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_CertificateNumber",
                table: "TrainingEnrolments",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_ClassId_ResidentId",
                table: "TrainingEnrolments",
                columns: new[] { "ClassId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingEnrolments_ResidentId",
                table: "TrainingEnrolments",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingInstitutions_CommunityId",
                table: "TrainingInstitutions",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingInstitutions_CreditCode",
                table: "TrainingInstitutions",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingScopes_InstitutionId_Occupation_Level",
                table: "TrainingScopes",
                columns: new[] { "InstitutionId", "Occupation", "Level" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_TrainingInstitutions_TrainingInstitutionId",
                table: "AspNetUsers",
                column: "TrainingInstitutionId",
                principalTable: "TrainingInstitutions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_TrainingInstitutions_TrainingInstitutionId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "TrainingAttendance");

            migrationBuilder.DropTable(
                name: "TrainingScopes");

            migrationBuilder.DropTable(
                name: "TrainingEnrolments");

            migrationBuilder.DropTable(
                name: "TrainingClasses");

            migrationBuilder.DropTable(
                name: "TrainingInstitutions");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TrainingInstitutionId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TrainingInstitutionId",
                table: "AspNetUsers");
        }
    }
}

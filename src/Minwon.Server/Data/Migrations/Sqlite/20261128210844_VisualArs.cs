using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VisualArs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArsHandoffs",
                columns: table => new
                {
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PathJson = table.Column<string>(type: "TEXT", nullable: false),
                    FormJson = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsHandoffs", x => x.ConversationId);
                });

            migrationBuilder.CreateTable(
                name: "ArsMenuVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    EditedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsMenuVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProtectedValue = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ArsSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    PhoneLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    LookupToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsVisits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArsMenuVersions_State_Id",
                table: "ArsMenuVersions",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArsSubmissions_CaseId",
                table: "ArsSubmissions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ArsSubmissions_LookupToken",
                table: "ArsSubmissions",
                column: "LookupToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArsSubmissions_ReceiptNumber",
                table: "ArsSubmissions",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArsSubmissions_SessionId_CreatedAt",
                table: "ArsSubmissions",
                columns: new[] { "SessionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArsVisits_At",
                table: "ArsVisits",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ArsVisits_SessionId_At",
                table: "ArsVisits",
                columns: new[] { "SessionId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArsHandoffs");

            migrationBuilder.DropTable(
                name: "ArsMenuVersions");

            migrationBuilder.DropTable(
                name: "ArsSecrets");

            migrationBuilder.DropTable(
                name: "ArsSubmissions");

            migrationBuilder.DropTable(
                name: "ArsUploads");

            migrationBuilder.DropTable(
                name: "ArsVisits");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minwon.Server.Data.Migrations.Postgres
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
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PathJson = table.Column<string>(type: "text", nullable: false),
                    FormJson = table.Column<string>(type: "text", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsHandoffs", x => x.ConversationId);
                });

            migrationBuilder.CreateTable(
                name: "ArsMenuVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    EditedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsMenuVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsSecrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProtectedValue = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsSecrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ArsSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FormId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NodeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    PhoneLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    LookupToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SessionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArsUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArsVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NodeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

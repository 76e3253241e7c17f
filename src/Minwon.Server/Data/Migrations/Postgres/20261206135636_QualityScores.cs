using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minwon.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QualityScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QualityDisputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<long>(type: "bigint", nullable: false),
                    ScoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    CounsellorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ResolvedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityDisputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Item = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Overturned = table.Column<bool>(type: "boolean", nullable: false),
                    TurnIndex = table.Column<int>(type: "integer", nullable: true),
                    MessageSeq = table.Column<int>(type: "integer", nullable: true),
                    Evidence = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityFindings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoreId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Greeting = table.Column<int>(type: "integer", nullable: false),
                    Attitude = table.Column<int>(type: "integer", nullable: false),
                    Handling = table.Column<int>(type: "integer", nullable: false),
                    Reachability = table.Column<int>(type: "integer", nullable: false),
                    Closing = table.Column<int>(type: "integer", nullable: false),
                    AutoGreeting = table.Column<int>(type: "integer", nullable: false),
                    AutoAttitude = table.Column<int>(type: "integer", nullable: false),
                    AutoHandling = table.Column<int>(type: "integer", nullable: false),
                    AutoReachability = table.Column<int>(type: "integer", nullable: false),
                    AutoClosing = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityScorecards",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityScorecards", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "QualityScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CounsellorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CounsellorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Team = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScorecardVersion = table.Column<int>(type: "integer", nullable: false),
                    Greeting = table.Column<int>(type: "integer", nullable: false),
                    Attitude = table.Column<int>(type: "integer", nullable: false),
                    Handling = table.Column<int>(type: "integer", nullable: false),
                    Reachability = table.Column<int>(type: "integer", nullable: false),
                    Closing = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: false),
                    Turns = table.Column<int>(type: "integer", nullable: false),
                    QueueSeconds = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityScores", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QualityDisputes_CounsellorId_CreatedAt",
                table: "QualityDisputes",
                columns: new[] { "CounsellorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityDisputes_FindingId",
                table: "QualityDisputes",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityDisputes_Status_CreatedAt",
                table: "QualityDisputes",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityFindings_ScoreId",
                table: "QualityFindings",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityReviews_ReviewedAt",
                table: "QualityReviews",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_QualityReviews_ScoreId",
                table: "QualityReviews",
                column: "ScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_QualityScores_ClosedAt_Total",
                table: "QualityScores",
                columns: new[] { "ClosedAt", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_QualityScores_ConversationId",
                table: "QualityScores",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityScores_CounsellorId_ClosedAt",
                table: "QualityScores",
                columns: new[] { "CounsellorId", "ClosedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QualityDisputes");

            migrationBuilder.DropTable(
                name: "QualityFindings");

            migrationBuilder.DropTable(
                name: "QualityReviews");

            migrationBuilder.DropTable(
                name: "QualityScorecards");

            migrationBuilder.DropTable(
                name: "QualityScores");
        }
    }
}

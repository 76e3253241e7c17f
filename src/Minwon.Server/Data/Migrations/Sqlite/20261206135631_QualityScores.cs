using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minwon.Server.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<long>(type: "INTEGER", nullable: false),
                    ScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounsellorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ResolvedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityDisputes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Overturned = table.Column<bool>(type: "INTEGER", nullable: false),
                    TurnIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    MessageSeq = table.Column<int>(type: "INTEGER", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityFindings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Greeting = table.Column<int>(type: "INTEGER", nullable: false),
                    Attitude = table.Column<int>(type: "INTEGER", nullable: false),
                    Handling = table.Column<int>(type: "INTEGER", nullable: false),
                    Reachability = table.Column<int>(type: "INTEGER", nullable: false),
                    Closing = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoGreeting = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoAttitude = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoHandling = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoReachability = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoClosing = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualityScorecards",
                columns: table => new
                {
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityScorecards", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "QualityScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CounsellorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CounsellorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ScorecardVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Greeting = table.Column<int>(type: "INTEGER", nullable: false),
                    Attitude = table.Column<int>(type: "INTEGER", nullable: false),
                    Handling = table.Column<int>(type: "INTEGER", nullable: false),
                    Reachability = table.Column<int>(type: "INTEGER", nullable: false),
                    Closing = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: false),
                    Turns = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueSeconds = table.Column<double>(type: "REAL", nullable: true)
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

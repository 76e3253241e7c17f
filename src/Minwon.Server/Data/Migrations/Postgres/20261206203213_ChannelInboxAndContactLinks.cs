using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Minwon.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChannelInboxAndContactLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: true),
                    AcceptedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    UndoneBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UndoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactLinks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelInbox_Channel_ExternalId",
                table: "ChannelInbox",
                columns: new[] { "Channel", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactLinks_ContactId",
                table: "ContactLinks",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactLinks_LinkedContactId",
                table: "ContactLinks",
                column: "LinkedContactId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelInbox");

            migrationBuilder.DropTable(
                name: "ContactLinks");
        }
    }
}

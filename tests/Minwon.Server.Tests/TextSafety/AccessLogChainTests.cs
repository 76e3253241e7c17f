using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Tests.Operations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.TextSafety;

/// <summary>
/// The personal-data access log must verify on every provider: PostgreSQL keeps microseconds where .NET has 100 ns
/// ticks, so a chain that hashed ticks broke on its first genuine reveal. Checked through the API and the real CLI.
/// </summary>
public sealed class AccessLogChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_genuine_reveal_verifies_through_the_api_and_the_command_line(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        // A clock with sub-microsecond ticks, as the system clock has: the part PostgreSQL drops.
        app.Clock!.Advance(TimeSpan.FromTicks(7 - app.Clock.GetUtcNow().UtcTicks % 10 + 10));
        var counsellor = await app.CounsellorAsync();
        using var citizen = app.CitizenClient();
        var chat = await app.ServedChatAsync(counsellor, citizen);
        var message = await citizen.SayAsync(chat.Token, "제 번호는 010-1234-5678 입니다");
        using (var reveal = await counsellor.Http.PostAsync($"/api/conversations/{chat.ConversationId}/messages/{message.Seq}/reveal", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
        }

        var supervisor = await app.StaffAsync("supervisor");
        var verified = await supervisor.Http.GetFromJsonAsync<ChainVerification>("/api/access-log/verify", Ct);
        Assert.True(verified!.Intact, verified.Message);
        Assert.Equal(1, verified.Entries);

        var cli = await RunCliAsync(app, "accesslog", "verify");
        Assert.True(cli.ExitCode == 0, cli.Stdout + cli.Stderr);
        Assert.Contains("1 entries, chain intact", cli.Stdout);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_chain_written_with_the_old_tick_hashes_verifies_and_reseal_rewrites_it_with_its_own_entry(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db);
        await WriteLegacyChainAsync(app, 3);

        var before = await app.DbAsync(d => new AccessLog(d, app.Clock!).VerifyAsync(Ct));
        Assert.True(before.Intact, before.Message);

        var reseal = await RunCliAsync(app, "accesslog", "reseal", "--reason", "upgrade");
        Assert.True(reseal.ExitCode == 0, reseal.Stdout + reseal.Stderr);
        var entries = await app.RowsAsync<AccessLogEntry>(q => q.OrderBy(e => e.Sequence));
        Assert.Equal(4, entries.Count);
        Assert.Equal("reseal", entries[3].Action);
        Assert.Equal("upgrade", entries[3].Reason);
        Assert.All(entries.Take(3), e => Assert.Equal(AccessLog.HashOf(e.Sequence, e.At,
            new AccessRecord(e.ActorId, e.ActorRole, e.Address, e.Record, e.Action, e.Reason), e.PreviousHash), e.Hash));

        var verify = await RunCliAsync(app, "accesslog", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("4 entries, chain intact", verify.Stdout);
    }

    [Fact]
    public async Task Reseal_refuses_a_chain_that_was_tampered_with_and_changes_nothing()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite);
        await WriteLegacyChainAsync(app, 3);
        await app.DbAsync(d => d.Database.ExecuteSqlRawAsync("UPDATE AccessLog SET Action = 'view' WHERE Sequence = 2", Ct));
        var hashes = (await app.RowsAsync<AccessLogEntry>(q => q.OrderBy(e => e.Sequence))).Select(e => e.Hash).ToList();

        var reseal = await RunCliAsync(app, "accesslog", "reseal", "--reason", "upgrade");
        Assert.Equal(1, reseal.ExitCode);
        Assert.Contains("Entry 2", reseal.Stderr);
        Assert.Equal(hashes, (await app.RowsAsync<AccessLogEntry>(q => q.OrderBy(e => e.Sequence))).Select(e => e.Hash).ToList());
        Assert.False((await app.DbAsync(d => new AccessLog(d, app.Clock!).VerifyAsync(Ct))).Intact);
    }

    /// <summary>Entries as the first release wrote them: the hash over 100 ns ticks, the time as the provider kept it.</summary>
    private static async Task WriteLegacyChainAsync(MinwonApp app, int count)
    {
        var previous = AccessLog.Genesis;
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        for (var i = 1; i <= count; i++)
        {
            var at = start.AddSeconds(i).AddTicks(i);
            var kept = app.Db == Db.Postgres ? new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero) : at;
            var canonical = string.Join('\u001f', i.ToString(CultureInfo.InvariantCulture), at.UtcTicks.ToString(CultureInfo.InvariantCulture),
                "u1", "supervisor", "127.0.0.1", $"message:{i}", "reveal", "", previous);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            var entry = new AccessLogEntry
            {
                Sequence = i, At = kept, ActorId = "u1", ActorRole = "supervisor", Address = "127.0.0.1", Record = $"message:{i}",
                Action = "reveal", PreviousHash = previous, Hash = hash,
            };
            await app.DbAsync(async d =>
            {
                d.Add(entry);
                return await d.SaveChangesAsync(Ct);
            });
            previous = hash;
        }
    }

    /// <summary>The real executable on this test app's data directory and database.</summary>
    private static Task<Cli.Result> RunCliAsync(MinwonApp app, params string[] args) =>
        Cli.RunAsync([.. args, "--data-dir", app.DataDir],
            app.Postgres is null ? null : new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = app.Postgres });
}

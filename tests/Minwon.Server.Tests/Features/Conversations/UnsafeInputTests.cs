using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Features.Conversations;

/// <summary>
/// Input meant to break things rather than to talk: control characters, bidi overrides, oversized bodies and hub
/// frames, and floods. Each gets a clear refusal (or is cleaned), nothing broken is stored, and the log stays readable.
/// </summary>
public sealed class UnsafeInputTests(CitizenHubApp fixture) : IClassFixture<CitizenHubApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private MinwonApp App => fixture.App;

    [Theory]
    [InlineData("\0\0\0")]
    [InlineData("\u001b\u0007\u0008\r\n")]
    [InlineData("\u202e\u202d\u2066 \u0000")]
    public async Task A_message_of_only_control_or_bidi_characters_is_empty_and_refused(string body)
    {
        using var citizen = App.CitizenClient();
        var chat = await App.StartChatAsync(http: citizen);
        var before = await App.SnapshotAsync(chat.ConversationId);

        using var response = await citizen.PostAsJsonAsync($"/api/chat/{chat.Token}/messages", new PostMessageRequest(body, null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await App.SnapshotAsync(chat.ConversationId));
    }

    [Fact]
    public async Task Nul_escape_and_bidi_overrides_are_stripped_from_messages_and_names_while_line_breaks_stay()
    {
        using var citizen = App.CitizenClient();
        using var start = await citizen.PostAsJsonAsync("/api/chat/conversations",
            new StartChatRequest("ko", "홍\u202e길동\0\u001b", null, "주차\u0000 문의", Counsellor: true), Ct);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var chat = (await start.Content.ReadFromJsonAsync<StartChatResponse>(Ct))!;

        var sent = await citizen.SayAsync(chat.Token, "안녕\0하세요\u202e\n\u001b[31m차량 견인 문의\u0085입니다");

        Assert.Equal("안녕하세요\n[31m차량 견인 문의입니다", sent.Body);
        var contact = await App.DbAsync(db => db.Set<Contact>().AsNoTracking().FirstAsync(c => c.ExternalKey == chat.ContactKey, Ct));
        Assert.Equal("홍길동", contact.DisplayName);
        var conversation = await App.DbAsync(db => db.Set<Conversation>().AsNoTracking().FirstAsync(c => c.Id == chat.ConversationId, Ct));
        Assert.Equal("주차 문의", conversation.Topic);
    }

    [Fact]
    public async Task A_refused_hub_message_logs_one_warning_without_a_stack_trace()
    {
        var chat = await App.StartChatAsync();
        await using var hub = App.CitizenHub();
        await hub.StartAsync(Ct);
        var logged = App.Logs.Entries.Count;

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<MessageDto>("Send", chat.Token, "empty", "\0", Ct));

        Assert.Contains("메시지가 비어 있습니다", refused.Message);
        var entries = App.Logs.Entries.Skip(logged).ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        var warning = Assert.Single(entries, e => e.Level == LogLevel.Warning);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task A_hub_frame_over_64_kb_closes_the_connection_with_a_message_that_says_so()
    {
        var chat = await App.StartChatAsync();
        await using var hub = App.CitizenHub();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);

        _ = hub.SendAsync("Send", chat.Token, "huge", new string('가', 70_000), Ct);

        var reason = await closed.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.NotNull(reason);
        Assert.Contains("65536", reason.Message);
    }
}

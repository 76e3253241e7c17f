using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>
/// Who may call what. Every /api endpoint the app maps must have a row here (a new endpoint fails the test until
/// someone decides its access), and every row is called by each kind of caller against fresh data.
/// </summary>
public sealed class AccessMatrixTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Callers, in the order of the expectation strings below.</summary>
    private static readonly string[] Callers = ["anonymous", "citizen", "own counsellor", "other counsellor", "supervisor", "admin"];

    // Token routes: only the citizen holds the token; everyone else calls with one they cannot know.
    // Staff routes: "own counsellor" is the one the fresh conversation is offered or assigned to.
    private static readonly Rule[] Rules =
    [
        new("POST", "/api/chat/conversations", Setup.None, _ => "/api/chat/conversations", new StartChatRequest("ko", "시민", null, null),
            "201 201 201 201 201 201"),
        new("GET", "/api/chat/{token}/state", Setup.Queued, w => $"/api/chat/{w.Token}/state", null, "404 200 404 404 404 404"),
        new("GET", "/api/chat/{token}/messages", Setup.Queued, w => $"/api/chat/{w.Token}/messages", null, "404 200 404 404 404 404"),
        new("POST", "/api/chat/{token}/messages", Setup.Queued, w => $"/api/chat/{w.Token}/messages", new PostMessageRequest("안녕하세요", null),
            "404 200 404 404 404 404"),
        new("POST", "/api/chat/{token}/leave", Setup.Queued, w => $"/api/chat/{w.Token}/leave", null, "404 204 404 404 404 404"),
        new("GET", "/api/reference/districts", Setup.None, _ => "/api/reference/districts", null, "200 200 200 200 200 200"),
        new("GET", "/api/reference/categories", Setup.None, _ => "/api/reference/categories", null, "200 200 200 200 200 200"),
        new("GET", "/api/conversations", Setup.Assigned, _ => "/api/conversations", null, "401 401 200 200 200 200"),
        new("GET", "/api/conversations/{id:guid}", Setup.Assigned, w => $"/api/conversations/{w.Id}", null, "401 401 200 404 200 200"),
        new("POST", "/api/conversations/{id:guid}/accept", Setup.Offered, w => $"/api/conversations/{w.Id}/accept", null,
            "401 401 204 409 409 409"),
        new("POST", "/api/conversations/{id:guid}/decline", Setup.Offered, w => $"/api/conversations/{w.Id}/decline", null,
            "401 401 204 409 409 409"),
        new("POST", "/api/conversations/{id:guid}/messages", Setup.Assigned, w => $"/api/conversations/{w.Id}/messages",
            new PostMessageRequest("확인해 드리겠습니다", null), "401 401 200 404 404 404"),
        new("POST", "/api/conversations/{id:guid}/transfer", Setup.Assigned, w => $"/api/conversations/{w.Id}/transfer",
            new TransferRequest(1, null), "401 401 204 409 409 409"),
        new("POST", "/api/conversations/{id:guid}/end", Setup.Assigned, w => $"/api/conversations/{w.Id}/end", null, "401 401 204 409 409 409"),
        new("POST", "/api/conversations/{id:guid}/close", Setup.Assigned, w => $"/api/conversations/{w.Id}/close",
            new { summary = "안내 완료", disposition = "Answered" }, "401 401 200 409 409 409"),
        new("GET", "/api/contacts/{contactId:guid}/cases", Setup.Assigned, w => $"/api/contacts/{w.ContactId}/cases", null,
            "401 401 200 404 200 200"),
        // One citizen across channels: linking is for counsellors serving the contact and supervisors, not administrators; the
        // other contact here is unknown, so those allowed get 404 (success, conflicts and bad input: Channels/ContactLinkTests).
        new("GET", "/api/contacts/{id:guid}/history", Setup.Assigned, w => $"/api/contacts/{w.ContactId}/history", null,
            "401 401 200 404 200 200"),
        new("POST", "/api/contacts/{id:guid}/links", Setup.Assigned, w => $"/api/contacts/{w.ContactId}/links",
            new { otherContactId = Guid.NewGuid(), reason = "생년월일 확인" }, "401 401 404 404 404 403"),
        new("DELETE", "/api/contacts/{id:guid}/links/{otherContactId:guid}", Setup.Assigned,
            w => $"/api/contacts/{w.ContactId}/links/{Guid.NewGuid()}", null, "401 401 404 404 404 403"),
        new("GET", "/api/presence", Setup.None, _ => "/api/presence", null, "401 401 200 200 200 404"),
        new("PUT", "/api/presence", Setup.None, _ => "/api/presence", new { presence = "Offline" }, "401 401 200 200 200 404"),
        new("GET", "/api/agents", Setup.None, _ => "/api/agents", null, "401 401 403 403 200 200"),
        new("GET", "/api/wallboard", Setup.None, _ => "/api/wallboard", null, "401 401 403 403 200 200"),
        new("GET", "/api/queues", Setup.None, _ => "/api/queues", null, "401 401 200 200 200 200"),
        new("POST", "/api/queues", Setup.None, _ => "/api/queues", null, "401 401 403 403 403 201"),
        new("POST", "/api/staff/{userName}/unlock", Setup.None, _ => "/api/staff/nobody-here/unlock", null, "401 401 403 403 403 *"),

        // Other capabilities: "*" = let through (any answer but 401, 403 or a server error), "x" = refused with a 4xx.
        new("GET", "/api/access-log/report", Setup.None, _ => "/api/access-log/report", null, "401 401 403 403 * *"),
        new("GET", "/api/access-log/verify", Setup.None, _ => "/api/access-log/verify", null, "401 401 403 403 * *"),
        new("GET", "/api/assistant/conversations/{id:guid}", Setup.Assigned, w => $"/api/assistant/conversations/{w.Id}", null,
            "401 401 200 404 200 200"),
        new("POST", "/api/assistant/feedback", Setup.Assigned, _ => "/api/assistant/feedback", null, "401 401 * * * *"),
        new("GET", "/api/assistant/report", Setup.None, _ => "/api/assistant/report", null, "401 401 403 403 * *"),
        new("POST", "/api/conversations/{id:guid}/warnings", Setup.Assigned, w => $"/api/conversations/{w.Id}/warnings", null,
            "401 401 * x * *"),
        new("POST", "/api/conversations/{id:guid}/end-abusive", Setup.Assigned, w => $"/api/conversations/{w.Id}/end-abusive",
            new { note = "욕설 반복" }, "401 401 * x * *"),
        new("POST", "/api/conversations/{id:guid}/messages/{seq:int}/reveal", Setup.Assigned, w => $"/api/conversations/{w.Id}/messages/1/reveal",
            null, "401 401 200 404 200 200"),
        new("GET", "/api/issues", Setup.None, _ => "/api/issues", null, "401 401 403 403 * *"),
        new("GET", "/api/issues/{id:guid}", Setup.None, _ => $"/api/issues/{Guid.NewGuid()}", null, "401 401 403 403 * *"),
        new("POST", "/api/issues/{id:guid}/decision", Setup.None, _ => $"/api/issues/{Guid.NewGuid()}/decision", null, "401 401 403 403 * *"),
        new("POST", "/api/issues/{id:guid}/notices", Setup.None, _ => $"/api/issues/{Guid.NewGuid()}/notices", null, "401 401 403 403 * *"),
        new("POST", "/api/issues/replay", Setup.None, _ => "/api/issues/replay", null, "401 401 403 403 * *"),
        new("GET", "/api/notices", Setup.None, _ => "/api/notices", null, "200 200 200 200 200 200"),
        new("POST", "/api/notices", Setup.None, _ => "/api/notices", null, "401 401 403 403 * *"),
        new("GET", "/api/protection/incidents", Setup.None, _ => "/api/protection/incidents", null, "401 401 403 403 * *"),
        new("GET", "/api/protection/incidents/{id:guid}/evidence", Setup.None, _ => $"/api/protection/incidents/{Guid.NewGuid()}/evidence", null,
            "401 401 403 403 * *"),
        new("POST", "/api/protection/incidents/{id:guid}/notes", Setup.None, _ => $"/api/protection/incidents/{Guid.NewGuid()}/notes",
            new { note = "메모" }, "401 401 * * * *"),
        new("GET", "/api/protection/wellbeing", Setup.None, _ => "/api/protection/wellbeing", null, "401 401 403 403 * *"),

        // Knowledge: reading is for staff, editing for supervisors and admins (StaffRoles.KnowledgeEditorPolicy).
        new("GET", "/api/knowledge/articles", Setup.None, _ => "/api/knowledge/articles", null, "401 401 * * * *"),
        new("GET", "/api/knowledge/articles/{id}", Setup.None, _ => "/api/knowledge/articles/none", null, "401 401 * * * *"),
        new("GET", "/api/knowledge/articles/{id}/history", Setup.None, _ => "/api/knowledge/articles/none/history", null, "401 401 * * * *"),
        new("GET", "/api/knowledge/search", Setup.None, _ => "/api/knowledge/search?q=여권", null, "401 401 * * * *"),
        new("GET", "/api/knowledge/synonyms", Setup.None, _ => "/api/knowledge/synonyms", null, "401 401 * * * *"),
        new("POST", "/api/knowledge/articles", Setup.None, _ => "/api/knowledge/articles", null, "401 401 403 403 * *"),
        new("PUT", "/api/knowledge/articles/{id}", Setup.None, _ => "/api/knowledge/articles/none", null, "401 401 403 403 * *"),
        new("POST", "/api/knowledge/articles/{id}/retire", Setup.None, _ => "/api/knowledge/articles/none/retire", null, "401 401 403 403 * *"),
        new("POST", "/api/knowledge/reindex", Setup.None, _ => "/api/knowledge/reindex", null, "401 401 403 403 * *"),
        new("POST", "/api/knowledge/synonyms", Setup.None, _ => "/api/knowledge/synonyms", null, "401 401 403 403 * *"),
        new("PUT", "/api/knowledge/synonyms/{id:int}", Setup.None, _ => "/api/knowledge/synonyms/999999", null, "401 401 403 403 * *"),
        new("DELETE", "/api/knowledge/synonyms/{id:int}", Setup.None, _ => "/api/knowledge/synonyms/999999", null, "401 401 403 403 * *"),
        // Analytics: supervisors and administrators only.
        new("GET", "/api/analytics/dashboard", Setup.None, _ => "/api/analytics/dashboard", null, "401 401 403 403 200 200"),
        new("POST", "/api/analytics/query", Setup.None, _ => "/api/analytics/query", new { dimensions = new[] { "day" }, measure = "count" }, "401 401 403 403 * *"),
        new("GET", "/api/analytics/export", Setup.None, _ => "/api/analytics/export?format=csv", null, "401 401 403 403 * *"),
        new("POST", "/api/analytics/sync", Setup.None, _ => "/api/analytics/sync", null, "401 401 403 403 * *"),
        // Visual ARS: the telephony link API needs its key whoever calls; the published menu is public; editing is admin-only.
        new("POST", "/api/channels/sms/inbound", Setup.None, _ => "/api/channels/sms/inbound",
            new { messageId = "access-1", from = "010-1234-5678", to = "1588-0120", text = "안녕하세요", receivedAt = "2026-12-06T09:00:00Z" },
            "401 401 401 401 401 401"),
        new("POST", "/api/channels/sms/status", Setup.None, _ => "/api/channels/sms/status", new { messageId = "mw-1", status = "delivered" },
            "401 401 401 401 401 401"),
        // Messenger webhooks: a token or an HMAC signature whoever calls (none is configured here, so every call is refused).
        new("POST", "/api/channels/talktalk/webhook", Setup.None, _ => "/api/channels/talktalk/webhook",
            new { @event = "send", user = "u1", textContent = new { text = "안녕하세요" } }, "401 401 401 401 401 401"),
        new("POST", "/api/channels/kakao/webhook", Setup.None, _ => "/api/channels/kakao/webhook",
            new { @event = "message", serial_number = "s1", user_key = "u1", sender_key = "k", type = "text", content = "안녕하세요" }, "401 401 401 401 401 401"),
        new("GET", "/api/channels/x/webhook", Setup.None, _ => "/api/channels/x/webhook?crc_token=abc", null, "401 401 401 401 401 401"),
        new("POST", "/api/channels/x/webhook", Setup.None, _ => "/api/channels/x/webhook", new { for_user_id = "1" }, "401 401 401 401 401 401"),
        // Channel photos: who may see the conversation (a stranger's photo id is 404 to everyone). Channel settings: administrators
        // only (a bad change and a malformed recipient are 400: success is in Channels/ChannelSettingsTests). Volumes: supervisors.
        new("GET", "/api/channels/conversations/{id:guid}/photos", Setup.Assigned, w => $"/api/channels/conversations/{w.Id}/photos", null,
            "401 401 200 404 200 200"),
        new("GET", "/api/channels/photos/{id:long}", Setup.None, _ => "/api/channels/photos/987654321", null, "401 401 404 404 404 404"),
        new("GET", "/api/channels/settings", Setup.None, _ => "/api/channels/settings", null, "401 401 403 403 403 200"),
        new("GET", "/api/channels/settings/{channel}", Setup.None, _ => "/api/channels/settings/sms", null, "401 401 403 403 403 200"),
        new("PUT", "/api/channels/settings/{channel}", Setup.None, _ => "/api/channels/settings/sms", new { values = new Dictionary<string, string> { ["Sms:Nope"] = "1" } },
            "401 401 403 403 403 400"),
        new("POST", "/api/channels/settings/{channel}/test", Setup.None, _ => "/api/channels/settings/sms/test", new { to = "not a number" },
            "401 401 403 403 403 400"),
        new("GET", "/api/channels/volumes", Setup.None, _ => "/api/channels/volumes", null, "401 401 403 403 200 200"),
        new("GET", "/api/channels/volumes/daily", Setup.None, _ => "/api/channels/volumes/daily?date=2026-12-06", null, "401 401 403 403 200 200"),
        new("POST", "/api/ars/links", Setup.None, _ => "/api/ars/links", new { callId = "c1", phoneNumber = "010-1234-5678" }, "401 401 401 401 401 401"),
        new("GET", "/api/ars/menu", Setup.None, _ => "/api/ars/menu", null, "200 200 200 200 200 200"),
        new("GET", "/api/ars/uploads/{id:guid}", Setup.None, _ => $"/api/ars/uploads/{Guid.NewGuid()}", null, "401 401 404 404 404 404"),
        new("GET", "/api/ars/menu/draft", Setup.None, _ => "/api/ars/menu/draft", null, "401 401 403 403 403 *"),
        new("PUT", "/api/ars/menu/draft", Setup.None, _ => "/api/ars/menu/draft", new { }, "401 401 403 403 403 *"),
        new("POST", "/api/ars/menu/publish", Setup.None, _ => "/api/ars/menu/publish", null, "401 401 403 403 403 *"),
        // Voice: the PBX announces calls with its key; citizens start web calls; a call's controls belong to the counsellor
        // holding it (a random id here, so "x" = refused with a 4xx for everyone signed in); supervision and figures to supervisors.
        new("POST", "/api/voice/calls", Setup.None, _ => "/api/voice/calls", new { uuid = Guid.NewGuid().ToString(), from = "01012345678", to = "120" },
            "401 401 401 401 401 401"),
        new("POST", "/api/voice/webcalls", Setup.None, _ => "/api/voice/webcalls", null, "201 201 201 201 201 201"),
        // Interpreter join (issue 16): the counsellor holding the chat adds and removes; the interpreter writes. Success, removal and bad
        // input: Interpreting/InterpreterJoinTests. Here nobody is an interpreter, and "nobody" is not a staff member (400 for the holder).
        new("GET", "/api/conversations/{id:guid}/interpreters", Setup.Assigned, w => $"/api/conversations/{w.Id}/interpreters", null,
            "401 401 200 404 200 200"),
        new("POST", "/api/conversations/{id:guid}/interpreters", Setup.Assigned, w => $"/api/conversations/{w.Id}/interpreters",
            new { interpreterId = "nobody", language = "en" }, "401 401 400 409 409 409"),
        new("DELETE", "/api/conversations/{id:guid}/interpreters/{joinId:guid}", Setup.Assigned,
            w => $"/api/conversations/{w.Id}/interpreters/{Guid.NewGuid()}", null, "401 401 404 404 404 404"),
        new("POST", "/api/conversations/{id:guid}/interpreters/messages", Setup.Assigned, w => $"/api/conversations/{w.Id}/interpreters/messages",
            new PostMessageRequest("Hello", null), "401 401 404 404 404 404"),
        // Sign-language video: the rows' conversation is a web chat, so even its own citizen and counsellor get no TURN
        // credential here (only a video conversation's participants do: Video/VideoCallTests).
        new("POST", "/api/video/calls", Setup.None, _ => "/api/video/calls", new { name = "시민" }, "201 201 201 201 201 201"),
        new("GET", "/api/video/{token}/ice-servers", Setup.Queued, w => $"/api/video/{w.Token}/ice-servers", null, "404 404 404 404 404 404"),
        new("GET", "/api/video/conversations/{id:guid}/ice-servers", Setup.Assigned, w => $"/api/video/conversations/{w.Id}/ice-servers", null,
            "401 401 404 404 404 404"),
        // Video recording is off in these apps and the conversation is a web chat: nobody gets consent or chunks here
        // (consent, chunks and playback with recording on: Video/VideoRecordingTests).
        new("GET", "/api/video/{token}/recording", Setup.Queued, w => $"/api/video/{w.Token}/recording", null, "404 404 404 404 404 404"),
        new("POST", "/api/video/{token}/recording/consent", Setup.Queued, w => $"/api/video/{w.Token}/recording/consent", new { agree = true },
            "404 404 404 404 404 404"),
        new("POST", "/api/video/conversations/{id:guid}/recording/consent-request", Setup.Assigned,
            w => $"/api/video/conversations/{w.Id}/recording/consent-request", null, "401 401 404 404 404 404"),
        new("GET", "/api/video/conversations/{id:guid}/recording/state", Setup.Assigned, w => $"/api/video/conversations/{w.Id}/recording/state", null,
            "401 401 404 404 404 404"),
        new("POST", "/api/video/conversations/{id:guid}/recording/parts", Setup.Assigned,
            w => $"/api/video/conversations/{w.Id}/recording/parts", null, "401 401 404 404 404 404"),
        new("PUT", "/api/video/conversations/{id:guid}/recording/parts/{part:int}/chunks/{seq:long}", Setup.Assigned,
            w => $"/api/video/conversations/{w.Id}/recording/parts/0/chunks/0", null, "401 401 404 404 404 404"),
        // The list is empty (200) for everyone here: the conversation is a web chat with no recording.
        new("GET", "/api/video/conversations/{id:guid}/recording/parts", Setup.Assigned, w => $"/api/video/conversations/{w.Id}/recording/parts", null,
            "401 401 200 200 200 200"),
        new("GET", "/api/video/conversations/{id:guid}/recording/parts/{part:int}", Setup.Assigned,
            w => $"/api/video/conversations/{w.Id}/recording/parts/0", null, "401 401 404 404 404 404"),
        new("GET", "/api/voice/calls", Setup.None, _ => "/api/voice/calls", null, "401 401 200 200 200 200"),
        new("GET", "/api/voice/calls/{id:guid}", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}", null, "401 401 404 404 404 404"),
        new("POST", "/api/voice/calls/{id:guid}/answer", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/answer", null, "401 401 404 404 404 404"),
        new("POST", "/api/voice/calls/{id:guid}/mute", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/mute", new { on = true }, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/hold", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/hold", new { on = true }, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/dtmf", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/dtmf", new { digits = "1" }, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/transfer", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/transfer", new { queueId = 1 }, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/consult", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/consult", new { queueId = 1 }, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/consult/complete", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/consult/complete", null, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/consult/cancel", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/consult/cancel", null, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/hangup", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/hangup", null, "401 401 x x x x"),
        new("POST", "/api/voice/calls/{id:guid}/monitor", Setup.None, _ => $"/api/voice/calls/{Guid.NewGuid()}/monitor", new { mode = "listen" }, "401 401 403 403 404 404"),
        new("GET", "/api/voice/conversations/{id:guid}/recordings", Setup.Assigned, w => $"/api/voice/conversations/{w.Id}/recordings", null, "401 401 200 200 200 200"),
        new("GET", "/api/voice/recordings/{id:guid}", Setup.None, _ => $"/api/voice/recordings/{Guid.NewGuid()}", null, "401 401 404 404 404 404"),
        new("GET", "/api/voice/stats", Setup.None, _ => "/api/voice/stats", null, "401 401 403 403 200 200"),
        // Speech: an outside STT system pushes segments with its key (none set here: refused for everyone); a transcript is read
        // by whoever may see the conversation; searching all transcripts is for supervisors.
        new("POST", "/api/speech/calls/{call}/segments", Setup.None, _ => $"/api/speech/calls/{Guid.NewGuid()}/segments",
            new { speaker = "citizen", text = "안녕하세요" }, "401 401 401 401 401 401"),
        new("GET", "/api/speech/conversations/{id:guid}/transcript", Setup.Assigned, w => $"/api/speech/conversations/{w.Id}/transcript", null,
            "401 401 200 404 200 200"),
        new("GET", "/api/speech/transcripts", Setup.None, _ => "/api/speech/transcripts?q=가로등", null, "401 401 403 403 200 200"),
        new("GET", "/api/ars/menu/export", Setup.None, _ => "/api/ars/menu/export", null, "401 401 403 403 403 *"),
        new("POST", "/api/ars/menu/import", Setup.None, _ => "/api/ars/menu/import", new { }, "401 401 403 403 403 *"),
        // Quality: staff read their own scores and disputes (a score of someone else is not found, see
        // Quality/QualityAccessTests); supervisors resolve, calibrate and read summaries; administrators edit scorecards.
        new("GET", "/api/quality/scores", Setup.None, _ => "/api/quality/scores", null, "401 401 200 200 200 200"),
        new("GET", "/api/quality/scores/{id:guid}", Setup.None, _ => $"/api/quality/scores/{Guid.NewGuid()}", null, "401 401 404 404 404 404"),
        new("GET", "/api/quality/conversations/{id:guid}", Setup.Assigned, w => $"/api/quality/conversations/{w.Id}", null, "401 401 404 404 404 404"),
        new("POST", "/api/quality/findings/{id:long}/disputes", Setup.None, _ => "/api/quality/findings/999999999/disputes", new { reason = "이의" },
            "401 401 404 404 404 404"),
        new("GET", "/api/quality/disputes", Setup.None, _ => "/api/quality/disputes", null, "401 401 200 200 200 200"),
        new("POST", "/api/quality/disputes/{id:guid}/resolution", Setup.None, _ => $"/api/quality/disputes/{Guid.NewGuid()}/resolution",
            new { upheld = true }, "401 401 403 403 404 404"),
        new("POST", "/api/quality/scores/{id:guid}/reviews", Setup.None, _ => $"/api/quality/scores/{Guid.NewGuid()}/reviews",
            new { greeting = 100, attitude = 100, handling = 100, reachability = 100, closing = 100 }, "401 401 403 403 404 404"),
        new("GET", "/api/quality/calibration", Setup.None, _ => "/api/quality/calibration", null, "401 401 403 403 200 200"),
        new("GET", "/api/quality/summary", Setup.None, _ => "/api/quality/summary", null, "401 401 403 403 200 200"),
        new("GET", "/api/quality/scorecards", Setup.None, _ => "/api/quality/scorecards", null, "401 401 403 403 200 200"),
        new("GET", "/api/quality/scorecards/active", Setup.None, _ => "/api/quality/scorecards/active", null, "401 401 200 200 200 200"),
        new("POST", "/api/quality/scorecards", Setup.None, _ => "/api/quality/scorecards", new { version = 1, items = Array.Empty<object>() },
            "401 401 403 403 403 400"),
        new("POST", "/api/quality/preview", Setup.None, _ => "/api/quality/preview", new { id = "p", channel = "chat", queueSeconds = 5, turns = Array.Empty<object>() },
            "401 401 200 200 200 200"),
    ];

    [Fact]
    public async Task Every_api_endpoint_the_app_maps_has_an_access_rule()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        var ruled = Rules.Select(r => $"{r.Method} {r.Route}").ToHashSet();

        Assert.True(mapped.SetEquals(ruled),
            $"Without an access rule: {string.Join(", ", mapped.Except(ruled))}. Rules for unmapped routes: {string.Join(", ", ruled.Except(mapped))}.");
    }

    [Fact]
    public async Task Every_api_endpoint_answers_each_kind_of_caller_as_the_design_says()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var staff = new[]
        {
            await app.CounsellorAsync(),
            await app.CounsellorAsync(),
            await app.StaffAsync("supervisor"),
            await app.StaffAsync("admin"),
        };
        using var anonymous = app.CitizenClient();
        using var citizen = app.CitizenClient();
        var wrong = new List<string>();
        foreach (var rule in Rules)
        {
            var expected = rule.Expect.Split(' ');
            for (var caller = 0; caller < Callers.Length; caller++)
            {
                var world = await PrepareAsync(app, rule.Setup, staff[0]);
                var http = caller switch { 0 => anonymous, 1 => citizen, _ => staff[caller - 2].Http };
                var url = rule.Url(caller == 1 ? world : world with { Token = StartChat.NewSecret(32) });
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url)
                {
                    Content = rule.Body is not null ? JsonContent.Create(rule.Body)
                        : rule.Route == "/api/queues" ? JsonContent.Create(NewQueue()) : null,
                };
                using var response = await http.SendAsync(request, Ct);
                if (!Matches(expected[caller], (int)response.StatusCode))
                {
                    wrong.Add($"{rule.Method} {rule.Route} as {Callers[caller]}: {(int)response.StatusCode}, expected {expected[caller]}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_counsellor_lists_only_their_own_conversations_while_a_supervisor_lists_the_whole_center()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var (mine, theirs) = (await app.CounsellorAsync(), await app.CounsellorAsync());
        var supervisor = await app.StaffAsync("supervisor");
        var myChat = await app.ServedChatAsync(mine);
        var theirChat = await app.ServedChatAsync(theirs);
        var waiting = await app.StartChatAsync();

        Assert.Equal([myChat.ConversationId], (await mine.MyConversationsAsync()).Select(c => c.Id));
        Assert.Equal([theirChat.ConversationId], (await theirs.MyConversationsAsync()).Select(c => c.Id));
        Assert.Superset(new HashSet<Guid> { myChat.ConversationId, theirChat.ConversationId, waiting.ConversationId },
            (await supervisor.MyConversationsAsync()).Select(c => c.Id).ToHashSet());
    }

    [Fact]
    public async Task A_counsellor_sees_a_citizens_earlier_cases_only_while_serving_that_citizen()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        var counsellor = await app.CounsellorAsync();
        var chat = await app.ServedChatAsync(counsellor);
        var contactId = (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.ContactId;
        await counsellor.CloseAsync(chat.ConversationId, null, null, "버스 노선 안내");

        using (var after = await counsellor.Http.GetAsync($"/api/contacts/{contactId}/cases", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        // Their own closed conversation stays readable to them (it was assigned to them), not to a colleague.
        Assert.Equal(chat.ConversationId, (await counsellor.ConversationAsync(chat.ConversationId)).Conversation.Id);
        var colleague = await app.CounsellorAsync();
        using (var other = await colleague.Http.GetAsync($"/api/conversations/{chat.ConversationId}", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        var next = await app.StartChatAsync(contactKey: chat.ContactKey);
        await app.OfferAsync(next.ConversationId, counsellor.Id);
        Assert.Single(await counsellor.CasesOfAsync(contactId));
    }

    private static bool Matches(string expected, int status) => expected switch
    {
        "*" => status is not (401 or 403) and < 500,
        "x" => status is >= 400 and < 500,
        _ => status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<World> PrepareAsync(MinwonApp app, Setup setup, StaffMember owner)
    {
        if (setup == Setup.None)
        {
            return new World(Guid.Empty, "none", Guid.Empty);
        }

        var chat = await app.StartChatAsync();
        if (setup is Setup.Offered or Setup.Assigned)
        {
            await app.OfferAsync(chat.ConversationId, owner.Id);
        }

        if (setup == Setup.Assigned)
        {
            await owner.AcceptAsync(chat.ConversationId);
        }

        var contactId = (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == chat.ConversationId))).Single().ContactId;
        return new World(chat.ConversationId, chat.Token, contactId);
    }

    private static object NewQueue() => new
    {
        name = "테스트 대기열 " + Guid.NewGuid().ToString("N")[..8],
        requiredSkills = "lang:ko",
        priority = 0,
        serviceLevelSeconds = 20,
        maxWaiting = 100,
    };

    private enum Setup { None, Queued, Offered, Assigned }

    private sealed record World(Guid Id, string Token, Guid ContactId);

    private sealed record Rule(string Method, string Route, Setup Setup, Func<World, string> Url, object? Body, string Expect);
}

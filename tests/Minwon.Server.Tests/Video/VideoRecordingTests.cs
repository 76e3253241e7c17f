using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.TextSafety;
using Minwon.Server.Features.Video;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Video;

/// <summary>
/// Consented video recording (Minwon:Video:Recording): consent events on both sides, chunk upload only after the
/// citizen agreed, by the counsellor holding the call, while it lasts; repeated chunks stored once; bad chunks refused
/// with ProblemDetails and nothing stored; playback decrypts to the uploaded bytes and is access-logged.
/// </summary>
public sealed class VideoRecordingTests
{
    private const string Signer = "lang:ko=10,sign:ksl=9,channel:video=9,channel:chat=8,channel:phone=8";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MinwonApp> StartAsync(Db db, bool recording = true) => MinwonApp.StartAsync(db, new Dictionary<string, string?>
    {
        ["Minwon:Video:Recording"] = recording ? "true" : "false",
    });

    private static async Task<(StartVideoCallResponse Call, StaffMember Signer)> AssignedCallAsync(MinwonApp app)
    {
        var signer = await app.CounsellorAsync(Signer);
        using var citizen = app.CitizenClient();
        using var response = await citizen.PostAsJsonAsync("/api/video/calls", new StartVideoCallRequest("홍길동", null), Ct);
        await ChatApi.ExpectAsync(HttpStatusCode.Created, response);
        var call = (await response.Content.ReadFromJsonAsync<StartVideoCallResponse>(Ct))!;
        await app.OfferAsync(call.ConversationId, signer.Id);
        await signer.AcceptAsync(call.ConversationId);
        return (call, signer);
    }

    private static async Task<HttpResponseMessage> PutChunkAsync(HttpClient http, Guid id, long seq, byte[] body, string contentType = "video/webm;codecs=vp8,opus",
        int part = 0)
    {
        using var content = new ByteArrayContent(body);
        // As a browser sends a MediaRecorder blob's type (the codecs list is not a quoted string, so no header parsing).
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await http.PutAsync($"/api/video/conversations/{id}/recording/parts/{part}/chunks/{seq}", content, Ct);
    }

    private static async Task<int> StartPartAsync(HttpClient http, Guid id) =>
        (await OkAsync<VideoRecordingPartStarted>(await http.PostAsync($"/api/video/conversations/{id}/recording/parts", null, Ct))).Part;

    /// <summary>A video call with consent given and part 0 started.</summary>
    private static async Task<(StartVideoCallResponse Call, StaffMember Signer)> RecordingCallAsync(MinwonApp app)
    {
        var (call, signer) = await AssignedCallAsync(app);
        using var citizen = app.CitizenClient();
        await OkAsync<VideoRecordingState>(await signer.Http.PostAsync($"/api/video/conversations/{call.ConversationId}/recording/consent-request", null, Ct));
        await OkAsync<VideoRecordingState>(await citizen.PostAsJsonAsync($"/api/video/{call.Token}/recording/consent", new VideoRecordingConsentRequest(true), Ct));
        Assert.Equal(0, await StartPartAsync(signer.Http, call.ConversationId));
        return (call, signer);
    }

    private static async Task ExpectProblemAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        response.Dispose();
    }

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            await ChatApi.ExpectAsync(HttpStatusCode.OK, response);
            return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
        }
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Recording_starts_only_after_the_citizen_agrees_chunks_are_stored_once_and_playback_is_access_logged(Db db)
    {
        await using var app = await StartAsync(db);
        var (call, signer) = await AssignedCallAsync(app);
        var id = call.ConversationId;
        using var citizen = app.CitizenClient();
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3], second = [4, 5, 6, 7];

        // Before anyone asked: no part, no chunk, and the citizen cannot answer a request that was not made.
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await signer.Http.PostAsync($"/api/video/conversations/{id}/recording/parts", null, Ct));
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await PutChunkAsync(signer.Http, id, 0, first));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await citizen.PostAsJsonAsync($"/api/video/{call.Token}/recording/consent",
            new VideoRecordingConsentRequest(true), Ct));

        Assert.Equal("requested", (await OkAsync<VideoRecordingState>(await signer.Http.PostAsync($"/api/video/conversations/{id}/recording/consent-request", null, Ct))).Consent);
        Assert.Equal("requested", (await citizen.GetFromJsonAsync<VideoRecordingState>($"/api/video/{call.Token}/recording", Ct))!.Consent);
        // Asked but not yet agreed: still refused.
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await PutChunkAsync(signer.Http, id, 0, first));

        // Declined: recorded as an event, and no chunk is taken.
        Assert.Equal("refused", (await OkAsync<VideoRecordingState>(await citizen.PostAsJsonAsync($"/api/video/{call.Token}/recording/consent",
            new VideoRecordingConsentRequest(false), Ct))).Consent);
        await ExpectProblemAsync(HttpStatusCode.Forbidden, await PutChunkAsync(signer.Http, id, 0, first));

        // Asked again and agreed.
        await OkAsync<VideoRecordingState>(await signer.Http.PostAsync($"/api/video/conversations/{id}/recording/consent-request", null, Ct));
        Assert.Equal("given", (await OkAsync<VideoRecordingState>(await citizen.PostAsJsonAsync($"/api/video/{call.Token}/recording/consent",
            new VideoRecordingConsentRequest(true), Ct))).Consent);
        var events = (await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == id && m.Kind == MessageKind.Event).OrderBy(m => m.Seq)))
            .Select(m => m.Body).Where(b => b.Contains("녹화", StringComparison.Ordinal)).ToList();
        Assert.Equal([VideoRecordings.RequestedText, VideoRecordings.RefusedText, VideoRecordings.RequestedText, VideoRecordings.GivenText], events);

        // A chunk before the recorder started a part is refused.
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 0, first));
        Assert.Equal(0, await StartPartAsync(signer.Http, id));
        var stored = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));
        Assert.True(stored.Stored);
        // A retry of chunk 0 (the answer was lost) is not stored twice.
        var again = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, [9, 9, 9]));
        Assert.False(again.Stored);
        Assert.Equal(1, again.Chunks);
        // A gap is refused: chunk 1 must come before 2.
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 2, second));
        Assert.Equal(2, (await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, second))).Chunks);

        // Encrypted at rest: the file does not hold the uploaded bytes in the clear.
        var file = await File.ReadAllBytesAsync(Path.Combine(app.DataDir, "recordings", $"video-{id:N}.mwrec"), Ct);
        Assert.Equal(-1, file.AsSpan().IndexOf(first.AsSpan(0, 4)));

        // Playback: the supervisor gets exactly the uploaded bytes, access-logged; a colleague gets nothing.
        var supervisor = await app.StaffAsync("supervisor");
        var colleague = await app.CounsellorAsync(Signer);
        using (var response = await supervisor.Http.GetAsync($"/api/video/conversations/{id}/recording/parts/0", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("video/webm", response.Content.Headers.ContentType?.MediaType);
            byte[] expected = [.. first, .. second];
            Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync(Ct));
        }

        Assert.Contains(await app.RowsAsync<AccessLogEntry>(), e => e.Record == $"video-recording:{id}" && e.Action == "play" && e.ActorId == supervisor.Id);
        using (var response = await colleague.Http.GetAsync($"/api/video/conversations/{id}/recording/parts/0", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.DoesNotContain(await app.RowsAsync<AccessLogEntry>(), e => e.Record == $"video-recording:{id}" && e.ActorId == colleague.Id);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Bad_chunks_are_refused_with_problem_details_and_nothing_stored_is_lost(Db db)
    {
        await using var app = await StartAsync(db);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        using var citizen = app.CitizenClient();
        byte[] good = [0x1A, 0x45, 0xDF, 0xA3, 42];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, good));

        await ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, await PutChunkAsync(signer.Http, id, 1, [1, 2], "text/plain"));
        await ExpectProblemAsync(HttpStatusCode.UnsupportedMediaType, await PutChunkAsync(signer.Http, id, 1, [1, 2], "audio/wav"));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await PutChunkAsync(signer.Http, id, 1, []));
        await ExpectProblemAsync(HttpStatusCode.RequestEntityTooLarge, await PutChunkAsync(signer.Http, id, 1, new byte[RecordingFile.MaxChunk + 1]));
        await ExpectProblemAsync(HttpStatusCode.BadRequest, await PutChunkAsync(signer.Http, id, VideoRecordings.MaxSeq + 1, [1]));
        using (var negative = await PutChunkAsync(signer.Http, id, -1, [1]))
        {
            Assert.True(negative.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"seq -1 answered {negative.StatusCode}");
        }

        // A colleague (not holding the call), a web chat of the same counsellor, the citizen's own client: refused.
        var colleague = await app.CounsellorAsync(Signer);
        await ExpectProblemAsync(HttpStatusCode.NotFound, await PutChunkAsync(colleague.Http, id, 1, [1]));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await colleague.Http.PostAsync($"/api/video/conversations/{id}/recording/consent-request", null, Ct));
        var chat = await app.ServedChatAsync(signer);
        await ExpectProblemAsync(HttpStatusCode.NotFound, await PutChunkAsync(signer.Http, chat.ConversationId, 0, [1]));
        using (var anonymous = await PutChunkAsync(citizen, id, 1, [1]))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        // After the call ended and its grace (30 s) passed: refused, and what was stored plays back whole.
        using (var ended = await signer.Http.PostAsync($"/api/conversations/{id}/end", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        app.Clock!.Advance(TimeSpan.FromSeconds(31));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 1, [1]));
        var supervisor = await app.StaffAsync("supervisor");
        Assert.Equal(good, await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{id}/recording/parts/0", Ct));
    }

    [Fact]
    public async Task A_torn_chunk_left_by_a_kill_mid_write_is_cut_off_and_the_next_chunk_follows_the_whole_ones()
    {
        await using var app = await StartAsync(Db.Sqlite);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        using var citizen = app.CitizenClient();
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1], second = [2, 2], third = [3, 3, 3];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, second));

        // What a process killed inside a write leaves: a length prefix and part of a sealed chunk after the whole ones.
        var path = Path.Combine(app.Services.GetRequiredService<Minwon.Server.Features.Voice.CallManager>().RecordingsDirectory, $"video-{id:N}.mwrec");
        await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(new byte[] { 200, 0, 0, 0, 9, 9, 9 }, Ct);
        }

        var stored = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 2, third));
        Assert.True(stored.Stored);
        Assert.Equal(3, stored.Chunks);
        var supervisor = await app.StaffAsync("supervisor");
        var played = await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{id}/recording/parts/0", Ct);
        Assert.Equal(first.Concat(second).Concat(third).ToArray(), played);
    }

    [Fact]
    public async Task A_multi_megabyte_recording_streams_whole_and_in_ranges_and_a_tampered_chunk_stops_the_stream()
    {
        await using var app = await StartAsync(Db.Sqlite);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        using var citizen = app.CitizenClient();
        var chunks = Enumerable.Range(0, 4).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(900_000)).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, i, chunks[i]));
        }

        byte[] whole = [.. chunks.SelectMany(c => c)];
        var supervisor = await app.StaffAsync("supervisor");
        var url = $"/api/video/conversations/{id}/recording/parts/0";
        Assert.Equal(whole, await supervisor.Http.GetByteArrayAsync(url, Ct));

        // A player seeking: a window across chunks 1 and 2, the last 500 bytes, and a start past the end.
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1_000_000, 1_999_999);
            using var response = await supervisor.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal($"bytes 1000000-1999999/{whole.Length}", response.Content.Headers.ContentRange?.ToString());
            Assert.Equal(whole.AsSpan(1_000_000, 1_000_000).ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(null, 500);
            using var response = await supervisor.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal(whole.AsSpan(whole.Length - 500).ToArray(), await response.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(whole.Length, null);
            using var response = await supervisor.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
            // RFC 9110 15.5.17: the 416 says how long the representation is.
            Assert.Equal($"bytes */{whole.Length}", response.Content.Headers.ContentRange?.ToString());
        }

        // bytes=0- is the whole part as a 206; several ranges at once are answered with the whole part (200), not multipart.
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, null);
            using var response = await supervisor.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            Assert.Equal($"bytes 0-{whole.Length - 1}/{whole.Length}", response.Content.Headers.ContentRange?.ToString());
            Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
            request.Headers.Range.Ranges.Add(new System.Net.Http.Headers.RangeItemHeaderValue(2_000_000, 2_000_009));
            using var response = await supervisor.Http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync(Ct));
        }

        // One byte of chunk 2 changed on disk: the stream ends before it, with a logged error; none of its bytes are served.
        var path = Path.Combine(app.DataDir, "recordings", $"video-{id:N}.mwrec");
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            var sealedLength = 4 + 900_000 + RecordingFile.TagSize;
            file.Position = RecordingFile.HeaderSize + 2 * sealedLength + 4 + 12_345;
            var b = file.ReadByte();
            file.Position -= 1;
            file.WriteByte((byte)(b ^ 0x01));
        }

        using (var response = await supervisor.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(whole.Length, response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync(Ct);
            using var served = new MemoryStream();
            await Assert.ThrowsAnyAsync<Exception>(() => body.CopyToAsync(served, Ct));
            Assert.True(served.Length <= 1_800_000, $"served {served.Length} bytes, past the tampered chunk");
            Assert.Equal(whole.AsSpan(0, (int)served.Length).ToArray(), served.ToArray());
        }

        Assert.Contains(app.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error
            && e.Message.Contains($"Recording {id} chunk 2 failed authentication", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Each_recorder_start_records_a_part_of_its_own_and_the_parts_play_in_order(Db db)
    {
        await using var app = await StartAsync(db);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        byte[] firstStream = [0x1A, 0x45, 0xDF, 0xA3, 1, 1], firstMore = [1, 2], secondStream = [0x1A, 0x45, 0xDF, 0xA3, 2, 2];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, firstStream));
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, firstMore));

        // The desk reloads: its new recorder starts part 1 from chunk 0, a WebM stream of its own in a file of its own.
        Assert.Equal(1, await StartPartAsync(signer.Http, id));
        // A start whose first chunk never came leaves an empty part, which the next start reuses.
        Assert.Equal(1, await StartPartAsync(signer.Http, id));
        var stored = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, secondStream, part: 1));
        Assert.Equal(1, stored.Chunks);
        // The old page's recorder (part 0) can no longer write; a part never started is refused too.
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 2, [9], part: 0));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 0, [9], part: 2));
        Assert.True(File.Exists(Path.Combine(app.DataDir, "recordings", $"video-{id:N}-1.mwrec")));

        var state = await signer.Http.GetFromJsonAsync<VideoRecordingState>($"/api/video/conversations/{id}/recording/state", Ct);
        Assert.Equal(new VideoRecordingState("given", 1, 2), state);

        var supervisor = await app.StaffAsync("supervisor");
        var parts = (await supervisor.Http.GetFromJsonAsync<List<VideoRecordingPartDto>>($"/api/video/conversations/{id}/recording/parts", Ct))!;
        Assert.Equal([0, 1], parts.Select(p => p.Part));
        Assert.Equal([2L, 1L], parts.Select(p => p.Chunks));
        Assert.Equal([8L, 6L], parts.Select(p => p.Bytes));
        Assert.Equal(firstStream.Concat(firstMore).ToArray(), await supervisor.Http.GetByteArrayAsync(parts[0].Url, Ct));
        Assert.Equal(secondStream, await supervisor.Http.GetByteArrayAsync(parts[1].Url, Ct));
        Assert.Equal(2, (await app.RowsAsync<AccessLogEntry>(q => q.Where(e => e.Record == $"video-recording:{id}" && e.ActorId == supervisor.Id))).Count);

        // A colleague sees no parts and plays none.
        var colleague = await app.CounsellorAsync(Signer);
        Assert.Empty((await colleague.Http.GetFromJsonAsync<List<VideoRecordingPartDto>>($"/api/video/conversations/{id}/recording/parts", Ct))!);
        using var refused = await colleague.Http.GetAsync(parts[1].Url, Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_second_recorder_start_before_any_chunk_on_a_node_without_recordings_reuses_the_empty_part()
    {
        // A fresh node: no recording stored yet, so no recordings directory. The desk reloads before the first chunk came;
        // the empty part 0 is looked up in its file, which is not there (nor is its directory): that is empty, not a 500.
        await using var app = await StartAsync(Db.Sqlite);
        var (call, signer) = await RecordingCallAsync(app);
        Assert.False(Directory.Exists(app.Services.GetRequiredService<Minwon.Server.Features.Voice.CallManager>().RecordingsDirectory));
        Assert.Equal(0, await StartPartAsync(signer.Http, call.ConversationId));
        Assert.True((await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, call.ConversationId, 0, [0x1A, 0x45, 0xDF, 0xA3, 1, 1]))).Stored);
        Assert.Equal(1, await StartPartAsync(signer.Http, call.ConversationId));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_chunk_in_the_file_but_not_in_its_part_row_is_counted_when_the_recorder_sends_it_again(Db db)
    {
        await using var app = await StartAsync(db);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1, 1];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));

        // What a node killed (or a database failing) between the file's append and the row's update leaves: the chunk is
        // in the file, the part's row still says empty. The recorder got no answer and sends the chunk again.
        await app.DbAsync(db => db.Set<VideoRecordingPart>().Where(p => p.ConversationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Chunks, 0L).SetProperty(p => p.Bytes, 0L).SetProperty(p => p.LastChunkAt, (DateTimeOffset?)null), Ct));
        var again = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));
        Assert.False(again.Stored);
        Assert.Equal(1, again.Chunks);

        // The row follows the file: the part is listed and playable, and a desk reload starts part 1 rather than
        // reusing part 0 as empty (which would put a second WebM stream after the first one's chunk 0).
        var supervisor = await app.StaffAsync("supervisor");
        var parts = (await supervisor.Http.GetFromJsonAsync<List<VideoRecordingPartDto>>($"/api/video/conversations/{id}/recording/parts", Ct))!;
        Assert.Equal([(0, 1L, 6L)], parts.Select(p => (p.Part, p.Chunks, p.Bytes)));
        Assert.Equal(first, await supervisor.Http.GetByteArrayAsync(parts[0].Url, Ct));
        Assert.Equal(1, await StartPartAsync(signer.Http, id));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_part_whose_row_is_behind_its_file_is_not_reused_by_the_next_recorder_start(Db db)
    {
        await using var app = await StartAsync(db);
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1, 1], second = [0x1A, 0x45, 0xDF, 0xA3, 2, 2];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));

        // A node killed between the append and the row's update, then the desk reloads (the old recorder never sends again).
        await app.DbAsync(db => db.Set<VideoRecordingPart>().Where(p => p.ConversationId == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Chunks, 0L).SetProperty(p => p.Bytes, 0L).SetProperty(p => p.LastChunkAt, (DateTimeOffset?)null), Ct));
        Assert.Equal(1, await StartPartAsync(signer.Http, id));
        Assert.True((await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, second, part: 1))).Stored);

        // Each stream in a file of its own: part 1 plays the second stream, and part 0's file still holds the first one only.
        var supervisor = await app.StaffAsync("supervisor");
        Assert.Equal(second, await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{id}/recording/parts/1", Ct));
        using var part0 = File.OpenHandle(Path.Combine(app.DataDir, "recordings", $"video-{id:N}.mwrec"));
        Assert.Equal(1, RecordingFile.Index(part0).Chunks);
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task The_last_chunk_is_taken_within_the_grace_after_the_end_from_the_counsellor_only_and_never_after(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Video:Recording"] = "true",
            ["Minwon:Video:RecordingGraceSeconds"] = "20",
        });
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1], last = [2, 2, 2], late = [3];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));
        using (var ended = await signer.Http.PostAsync($"/api/conversations/{id}/end", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        // 19 s after the end: the recorder's last slice is still taken, but a new part is not started and a colleague is refused.
        app.Clock!.Advance(TimeSpan.FromSeconds(19));
        var colleague = await app.CounsellorAsync(Signer);
        await ExpectProblemAsync(HttpStatusCode.NotFound, await PutChunkAsync(colleague.Http, id, 1, last));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await signer.Http.PostAsync($"/api/video/conversations/{id}/recording/parts", null, Ct));
        var stored = await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, last));
        Assert.True(stored.Stored);
        Assert.Equal(2, stored.Chunks);

        // Past the grace: refused, and nothing more is stored.
        app.Clock!.Advance(TimeSpan.FromSeconds(2));
        await ExpectProblemAsync(HttpStatusCode.Conflict, await PutChunkAsync(signer.Http, id, 2, late));
        var supervisor = await app.StaffAsync("supervisor");
        Assert.Equal(first.Concat(last).ToArray(), await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{id}/recording/parts/0", Ct));
        var part = Assert.Single(await app.RowsAsync<VideoRecordingPart>(q => q.Where(p => p.ConversationId == id)));
        Assert.Equal(2, part.Chunks);
        Assert.Equal(8, part.Bytes);
    }

    [Fact]
    public async Task A_grace_setting_outside_0_to_300_seconds_is_refused_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["Minwon:Video:RecordingGraceSeconds"] = "301" });
        });
        Assert.Contains("RecordingGraceSeconds must be between 0 and 300", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_writer_is_dropped_after_it_was_idle_and_when_its_call_ends_and_the_recording_stays_whole()
    {
        await using var app = await StartAsync(Db.Sqlite);
        var store = app.Services.GetRequiredService<VideoRecordingStore>();
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        byte[] first = [0x1A, 0x45, 0xDF, 0xA3, 1], second = [2, 2], third = [3, 3, 3];
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, first));
        Assert.Equal(1, store.WriterCount);

        // Idle longer than Minwon:Video:RecordingWriterIdleMinutes (10): the sweep drops it.
        app.Clock!.Advance(TimeSpan.FromMinutes(11));
        await store.EvictIdleAsync(TimeSpan.FromMinutes(10), Ct);
        Assert.Equal(0, store.WriterCount);

        // The next chunk makes a new writer, which reads the file again and follows the stored chunk.
        Assert.Equal(2, (await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, second))).Chunks);
        Assert.Equal(1, store.WriterCount);
        // A writer in use is not idle.
        Assert.Equal(0, await store.EvictIdleAsync(TimeSpan.FromMinutes(10), Ct));

        // The call ends: its writer goes (the conversation's change reaches VideoRecordingJanitor over the live bus).
        using (var ended = await signer.Http.PostAsync($"/api/conversations/{id}/end", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        }

        for (var i = 0; i < 100 && store.WriterCount > 0; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(0, store.WriterCount);

        // A last chunk within the grace is stored and its writer dropped at once.
        Assert.Equal(3, (await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 2, third))).Chunks);
        Assert.Equal(0, store.WriterCount);
        var supervisor = await app.StaffAsync("supervisor");
        Assert.Equal(first.Concat(second).Concat(third).ToArray(), await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{id}/recording/parts/0", Ct));
    }

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task Retention_removes_old_video_recordings_of_ended_calls_keeps_those_of_open_calls_and_logs_the_purge(Db db)
    {
        await using var app = await MinwonApp.StartAsync(db, new Dictionary<string, string?>
        {
            ["Minwon:Video:Recording"] = "true",
            ["Minwon:Retention:Enabled"] = "false",
            ["Minwon:Retention:VideoRecordingsDays"] = "30",
        });
        var (ended, signer) = await RecordingCallAsync(app);
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, ended.ConversationId, 0, [0x1A, 0x45, 0xDF, 0xA3, 1]));
        Assert.Equal(1, await StartPartAsync(signer.Http, ended.ConversationId));
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, ended.ConversationId, 0, [0x1A, 0x45, 0xDF, 0xA3, 2], part: 1));
        using (var end = await signer.Http.PostAsync($"/api/conversations/{ended.ConversationId}/end", null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        }

        var (open, openSigner) = await RecordingCallAsync(app);
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(openSigner.Http, open.ConversationId, 0, [0x1A, 0x45, 0xDF, 0xA3, 3]));
        var recordings = Path.Combine(app.DataDir, "recordings");
        string[] endedFiles = [$"video-{ended.ConversationId:N}.mwrec", $"video-{ended.ConversationId:N}.key", $"video-{ended.ConversationId:N}-1.mwrec",
            $"video-{ended.ConversationId:N}-1.key"];
        Assert.All(endedFiles, f => Assert.True(File.Exists(Path.Combine(recordings, f)), f));

        app.Clock!.Advance(TimeSpan.FromDays(31));
        var dry = Assert.Single(await RetentionAsync(app, dryRun: true), r => r.Kind == "video-recordings");
        Assert.Equal(2, dry.Count);
        Assert.Equal(30, dry.Days);
        Assert.All(endedFiles, f => Assert.True(File.Exists(Path.Combine(recordings, f)), f));
        Assert.DoesNotContain(await app.RowsAsync<AccessLogEntry>(), e => e.Record == "retention:video-recordings");

        var done = Assert.Single(await RetentionAsync(app, dryRun: false), r => r.Kind == "video-recordings");
        Assert.Equal(2, done.Count);
        Assert.All(endedFiles, f => Assert.False(File.Exists(Path.Combine(recordings, f)), f));
        Assert.True(File.Exists(Path.Combine(recordings, $"video-{open.ConversationId:N}.mwrec")));
        Assert.All(await app.RowsAsync<VideoRecordingPart>(q => q.Where(p => p.ConversationId == ended.ConversationId)), p => Assert.NotNull(p.DeletedAt));
        var purge = Assert.Single(await app.RowsAsync<AccessLogEntry>(), e => e.Record == "retention:video-recordings");
        Assert.Equal(Minwon.Server.Features.Operations.RunRetention.Actor, purge.ActorId);
        Assert.Equal("purge", purge.Action);
        Assert.StartsWith("2 older than 30 days", purge.Reason, StringComparison.Ordinal);

        // Gone for playback and from the list; the open call's recording still plays.
        var supervisor = await app.StaffAsync("supervisor");
        Assert.Empty((await supervisor.Http.GetFromJsonAsync<List<VideoRecordingPartDto>>($"/api/video/conversations/{ended.ConversationId}/recording/parts", Ct))!);
        using (var gone = await supervisor.Http.GetAsync($"/api/video/conversations/{ended.ConversationId}/recording/parts/0", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        Assert.Equal([0x1A, 0x45, 0xDF, 0xA3, 3], await supervisor.Http.GetByteArrayAsync($"/api/video/conversations/{open.ConversationId}/recording/parts/0", Ct));
        Assert.All(await RetentionAsync(app, dryRun: true), r => Assert.Equal(0, r.Count));
    }

    private static async Task<IReadOnlyList<Minwon.Server.Features.Operations.RetentionResult>> RetentionAsync(MinwonApp app, bool dryRun)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Operations.RunRetention>().RunAsync(dryRun, Ct);
    }

    [Fact]
    public async Task The_supervisors_list_shows_a_video_recording_with_its_parts_consent_size_and_retention_date()
    {
        await using var app = await MinwonApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
        {
            ["Minwon:Video:Recording"] = "true",
            ["Minwon:Retention:VideoRecordingsDays"] = "90",
        });
        var (call, signer) = await RecordingCallAsync(app);
        var id = call.ConversationId;
        var started = app.Clock!.GetUtcNow();
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, [0x1A, 0x45, 0xDF, 0xA3, 1, 2]));
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 1, [3, 4, 5, 6]));
        Assert.Equal(1, await StartPartAsync(signer.Http, id));
        await OkAsync<VideoRecordingChunkStored>(await PutChunkAsync(signer.Http, id, 0, [0x1A, 0x45, 0xDF, 0xA3], part: 1));
        // A second call with consent but nothing recorded is not listed.
        await RecordingCallAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<Minwon.Server.Features.Recordings.RecentRecordings>().ListAsync(50, Ct);
        var row = Assert.Single(rows);
        Assert.Equal("video", row.Kind);
        Assert.Equal(Channels.Video, row.Channel);
        Assert.Equal(id, row.ConversationId);
        Assert.Equal(started, row.StartedAt);
        Assert.Equal(5000, row.DurationMs);
        Assert.Equal(14, row.Bytes);
        Assert.Equal("시민 동의 (2개 부분)", row.Consent);
        Assert.Equal(started.AddDays(90), row.DeleteAfter);
        Assert.Equal([$"/api/video/conversations/{id}/recording/parts/0", $"/api/video/conversations/{id}/recording/parts/1"], row.Urls);
        Assert.Equal(signer.DisplayName, row.Counsellor);
        Assert.Equal(signer.Id, (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == id))).Single().AssignedToId);
    }

    [Fact]
    public async Task With_recording_off_nobody_is_asked_and_nothing_is_taken()
    {
        await using var app = await StartAsync(Db.Sqlite, recording: false);
        var (call, signer) = await AssignedCallAsync(app);
        await ExpectProblemAsync(HttpStatusCode.NotFound,
            await signer.Http.PostAsync($"/api/video/conversations/{call.ConversationId}/recording/consent-request", null, Ct));
        await ExpectProblemAsync(HttpStatusCode.NotFound, await PutChunkAsync(signer.Http, call.ConversationId, 0, [1]));
        using var citizen = app.CitizenClient();
        using var state = await citizen.GetAsync($"/api/video/{call.Token}/recording", Ct);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
    }
}

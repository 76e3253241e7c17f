using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Core.Conversations;
using Minwon.Core.Speech;
using Minwon.Core.VisualArs;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Speech.Callbot;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;
using Minwon.Server.Tests.Testing;
using Minwon.Server.Tests.Voice;

namespace Minwon.Server.Tests.Speech;

/// <summary>
/// English callbot prompts: a line set to English (Minwon:Callbot:Lines, "Language": "en") and a web call from a page in
/// English hear the callbot's sentences from its Korean/English table, the tree's English prompts and texts, numbers read
/// digit by digit in English, synthesised with the English voice; other lines keep the Korean default. Assertions are on
/// the prompt text the dialog produced (its caption) and on the voice in the synthesis cache's key, not on audio.
/// </summary>
public sealed class CallbotEnglishTests
{
    private const string Caller = "010-2222-3333";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(AudioSocketTestClient Caller, Guid CallId, CallbotProbe Probe)> CallAsync(MinwonApp app, string dialled, string from = Caller)
    {
        var caller = new AudioSocketTestClient();
        var announced = await app.AnnounceAsync(caller.Uuid, from, dialled);
        await caller.ConnectAsync(await app.AudioSocketAsync());
        return (caller, announced.CallId, await CallbotProbe.AttachAsync(app, announced.CallId));
    }

    private static async Task<Conversation> ConversationAsync(MinwonApp app, Guid callId)
    {
        var call = await app.CallAsync(c => c.Id == callId);
        return (await app.RowsAsync<Conversation>(q => q.Where(c => c.Id == call.ConversationId))).Single();
    }

    /// <summary>Whether the synthesis cache holds this sentence in this voice (the key is engine, voice and spoken text).</summary>
    private static bool Synthesised(MinwonApp app, string voice, string text) =>
        Directory.EnumerateFiles(app.DataDir, CachedTextToSpeech.Key("espeak-ng", voice, SpokenIdentifiers.ForSpeech(text, voice)) + ".wav",
            SearchOption.AllDirectories).Any();

    [Fact]
    public async Task An_english_line_walks_the_menu_by_keys_in_english_reads_the_number_back_in_english_and_other_lines_stay_korean()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Callbot:Enabled", "true"), ("Minwon:Callbot:NoInputSeconds", "30"),
            ("Minwon:Callbot:Lines:0:Number", "1200"), ("Minwon:Callbot:Lines:0:Language", "en"), ("Minwon:Callbot:Lines:1:Number", "*"));

        var (caller, callId, probe) = await CallAsync(app, "1200");
        await using (caller)
        {
            var root = await probe.StartedAsync("callbot:root");
            Assert.StartsWith("Hello, this is the Seoul 120 Dasan Call Center.", root);
            Assert.Contains("Transport: press 1. Water and sewage: press 2", root);
            Assert.Contains("To talk to a counsellor, press 0", root);
            Assert.Contains("To check the status of a request you filed, press 8.", root);
            Assert.EndsWith("To hear this again, press the pound key.", root);
            Assert.DoesNotMatch(new Regex(@"\p{IsHangulSyllables}"), root);
            await VoiceTestKit.UntilAsync(() => Synthesised(app, "en", root), "the menu synthesised with the English voice");
            Assert.False(Synthesised(app, "ko", root), "the English menu was not given to the Korean voice");

            // Keys walk the tree: its English labels, prompts and page text.
            await caller.DtmfAsync('1');
            var transport = await probe.StartedAsync("callbot:transport");
            Assert.StartsWith("Transport menu. Bus and subway information: press 1. Report illegal parking: press 2.", transport);
            Assert.Contains("For the previous menu, press star.", transport);
            await caller.DtmfAsync('1');
            var info = await probe.StartedAsync("callbot:bus-subway");
            Assert.StartsWith("Bus routes and arrival times are on the TOPIS website", info);
            Assert.EndsWith("For more details, press 2. To hear this again, press 1. For the previous menu, press star. To talk to a counsellor, press 0.", info);

            // A wrong key is reprompted in English.
            await caller.DtmfAsync('7');
            Assert.StartsWith("That key is not on this menu. Bus routes", await probe.StartedAsync("callbot:bus-subway", 2));

            // Back to the top and on to a call back: the caller's number is read back digit by digit in English.
            await caller.DtmfAsync('*');
            await probe.StartedAsync("callbot:transport", 2);
            await caller.DtmfAsync('*');
            await probe.StartedAsync("callbot:root", 2);
            await caller.DtmfAsync('9');
            Assert.Equal("We will call you back on zero one zero, two two two two, three three three three. If that is right, press 1. For another number, press 2.",
                await probe.StartedAsync("callbot:confirm"));

            // * leaves the call back; 0 at the top asks for a counsellor.
            await caller.DtmfAsync('*');
            await probe.StartedAsync("callbot:root", 3);
            await caller.DtmfAsync('0');
            Assert.Equal("We will connect you to a counsellor. What you have told us so far will be passed on.", await probe.StartedAsync("callbot:handoff"));
            await VoiceTestKit.UntilAsync(async () => (await ConversationAsync(app, callId)).Status == ConversationStatus.Queued, "the hand-off to the queue");

            // The counsellor's view stays Korean (the path by the entries' Korean labels) and says the caller heard English.
            var conversation = await ConversationAsync(app, callId);
            var handoff = (await app.RowsAsync<ArsHandoff>(q => q.Where(h => h.ConversationId == conversation.Id))).Single();
            Assert.Equal(["교통", "버스·지하철 안내", "콜백 요청", "상담사 연결"], JsonSerializer.Deserialize<List<string>>(handoff.PathJson, ArsJson.Options));
            var form = JsonSerializer.Deserialize<ArsHandoffForm>(handoff.FormJson!, ArsJson.Options)!;
            Assert.Contains(form.Fields, f => f.Label == "안내 언어" && f.Value.Contains("English", StringComparison.Ordinal));
            var bot = await app.RowsAsync<Message>(q => q.Where(m => m.ConversationId == conversation.Id && m.Sender == MessageSender.Bot));
            Assert.Contains(bot, m => m.Body.StartsWith("We will connect you to a counsellor", StringComparison.Ordinal));

            // Issue 16: the English call is an English conversation, waiting for a counsellor with the English skill.
            Assert.Equal("en", conversation.Language);
            var queue = (await app.RowsAsync<Minwon.Server.Features.Routing.ServiceQueue>(q => q.Where(x => x.Id == conversation.QueueId))).Single();
            Assert.Equal(Minwon.Server.Features.Routing.SeedDefaultQueues.EnglishPhoneQueue, queue.Name);
            Assert.Equal(["lang:en", "channel:phone"], queue.Skills());
            var koreanOnly = await app.CounsellorAsync("lang:ko=10,channel:phone=10,channel:chat=9");
            var english = await app.CounsellorAsync("lang:ko=8,lang:en=9,channel:phone=8");
            await koreanOnly.GoAvailableAsync();
            await english.GoAvailableAsync();
            await app.RouteAsync();
            Assert.Equal(english.Id, (await ConversationAsync(app, callId)).OfferedToId);
        }

        // Another line (the "*" rule, no language): the Korean default, unchanged, with the Korean voice.
        var (korean, koreanCallId, koreanProbe) = await CallAsync(app, "120", "010-4444-5555");
        await using (korean)
        {
            var root = await koreanProbe.StartedAsync("callbot:root");
            Assert.Equal("ko", (await ConversationAsync(app, koreanCallId)).Language);
            Assert.StartsWith("안녕하세요. 120 다산콜센터입니다. 교통 관련 문의는 1번, 상하수도 문의는 2번", root);
            Assert.EndsWith("다시 들으시려면 우물 정자를 눌러 주십시오.", root);
            await VoiceTestKit.UntilAsync(() => Synthesised(app, "ko", root), "the Korean menu synthesised with the Korean voice");
            await korean.DtmfAsync('1');
            Assert.StartsWith("교통 메뉴입니다. 버스와 지하철 안내는 1번", await koreanProbe.StartedAsync("callbot:transport"));
        }
    }

    [Fact]
    public async Task A_web_call_from_an_english_page_hears_english_and_a_bad_language_is_refused()
    {
        Assert.SkipUnless(VoiceSignals.HasEspeak, "espeak-ng is not installed (apt-get install espeak-ng): the callbot has no voice");
        await using var app = await VoiceTestKit.StartAsync(Db.Sqlite, ("Minwon:Callbot:Enabled", "true"), ("Minwon:Callbot:NoInputSeconds", "30"));
        using var http = app.CitizenClient();

        using (var bad = await http.PostAsJsonAsync("/api/voice/webcalls", new { language = "english, please; drop table" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(await bad.Content.ReadFromJsonAsync<ProblemDetails>(Ct));
        }

        Assert.Empty(await app.RowsAsync<Call>(q => q.Where(c => c.Transport == CallRecords.WebCall)));

        using var started = await http.PostAsJsonAsync("/api/voice/webcalls", new { phone = (string?)null, language = "en" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var webcall = (await started.Content.ReadFromJsonAsync<StartWebCallResponse>(Ct))!;
        Assert.EndsWith("&lang=en", webcall.MediaPath);
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri("ws://localhost" + webcall.MediaPath), Ct);
        await using var citizen = new BrowserLegTestClient(socket);
        citizen.Start();
        var probe = await CallbotProbe.AttachAsync(app, webcall.CallId);
        var root = await probe.StartedAsync("callbot:root");
        Assert.StartsWith("Hello, this is the Seoul 120 Dasan Call Center.", root);
        Assert.Contains("Transport: press 1", root);
        await VoiceTestKit.UntilAsync(() => Synthesised(app, "en", root), "the menu synthesised with the English voice");
        Assert.Equal(CallbotPhrases.English, app.Services.GetRequiredService<CallbotSessions>().Find((await ConversationAsync(app, webcall.CallId)).Id)?.Language);
    }

    [Fact]
    public void Every_phrase_has_korean_and_english_with_the_same_blanks()
    {
        Assert.Equal(Enum.GetValues<CallbotPhrase>().Length, CallbotPhrases.Table.Count);
        foreach (var (phrase, (ko, en)) in CallbotPhrases.Table)
        {
            Assert.False(string.IsNullOrWhiteSpace(ko), $"{phrase}: Korean missing");
            Assert.False(string.IsNullOrWhiteSpace(en) && phrase != CallbotPhrase.ChoiceSeparator, $"{phrase}: English missing");
            Assert.DoesNotMatch(new Regex(@"\p{IsHangulSyllables}"), en);
            static string Blanks(string s) => string.Join(",", Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order());
            Assert.True(Blanks(ko) == Blanks(en), $"{phrase}: blanks {Blanks(ko)} (ko) vs {Blanks(en)} (en)");
        }

        Assert.Equal("Request 2026-1201-000042 was filed on December 1. It has been answered.", CallbotPhrases.Say(CallbotPhrases.English,
            CallbotPhrase.LookupFound, "2026-1201-000042", CallbotPhrases.Day(CallbotPhrases.English, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9))),
            CallbotPhrases.Say(CallbotPhrases.English, CallbotPhrase.StatusAnswered)));
        Assert.Equal("12월 1일", CallbotPhrases.Day(CallbotPhrases.Korean, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(9))));
    }

    [Fact]
    public void Languages_and_prompts_fall_back_to_korean()
    {
        Assert.Equal("en", CallbotPhrases.Of("en-US"));
        Assert.Equal("ko", CallbotPhrases.Of("zh"));
        Assert.Equal("ko", CallbotPhrases.Of(null));
        Assert.True(CallbotSchedule.Valid(new CallbotLine { Number = "120", Language = "en" }));
        Assert.True(CallbotSchedule.Valid(new CallbotLine { Number = "120" }));
        Assert.False(CallbotSchedule.Valid(new CallbotLine { Number = "120", Language = "fr" }));

        // The tree's English prompt, else its English label and digit, else the Korean prompt.
        Assert.Equal("Water: press 2", CallbotPhrases.PromptOf(new ArsNode { Digit = "2", LabelKo = "수도", LabelEn = "Water", PromptKo = "수도는 2번" }, "en"));
        Assert.Equal("수도는 2번", CallbotPhrases.PromptOf(new ArsNode { Digit = "2", LabelKo = "수도", PromptKo = "수도는 2번" }, "en"));
        Assert.Equal("수도는 2번", CallbotPhrases.PromptOf(new ArsNode { Digit = "2", LabelKo = "수도", PromptKo = "수도는 2번", PromptEn = "For water, press 2" }, "ko"));
    }
}

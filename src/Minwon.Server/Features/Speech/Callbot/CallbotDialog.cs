using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Chatbot;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;
using Minwon.Server.Features.Voice.Speech;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>
/// One caller's talk with the callbot: the published visual ARS menu read aloud (one tree for web and voice), keys and
/// (with a speech engine) speech at every prompt, info read short answer first, free speech answered from the
/// knowledge base, links texted, a callback booked with the number confirmed by keypad, and a hand-off to the phone
/// queue that keeps the path and answers. A key or the caller's voice stops the prompt (barge-in).
/// </summary>
public sealed partial class CallbotDialog
{
    private readonly CallSession session;
    private readonly Guid conversationId;
    private readonly CallbotOptions options;
    private readonly bool listens;
    private readonly PromptLibrary prompts;
    private readonly IServiceScopeFactory scopes;
    private readonly IServiceProvider services;
    private readonly ILogger logger;
    private readonly Channel<CallbotInput> inputs = Channel.CreateUnbounded<CallbotInput>();
    private readonly List<string> path = [];
    private readonly List<CallbotAnswer> answers = [];
    private long speechHeardAt = -1;
    private int promptPlaying;
    private string language = CallbotPhrases.Korean;

    public CallbotDialog(CallSession session, Guid conversationId, CallbotOptions options, bool listens, PromptLibrary prompts,
        IServiceScopeFactory scopes, IServiceProvider services, ILogger logger)
    {
        this.session = session;
        this.conversationId = conversationId;
        this.options = options;
        this.listens = listens;
        this.prompts = prompts;
        this.scopes = scopes;
        this.services = services;
        this.logger = logger;
    }

    /// <summary>Takes keys and speech (STT engine configured) or keys only.</summary>
    public bool Listens => listens;

    /// <summary>"ko" or "en": the line's language, or the web caller's page language (decided when the dialog starts).</summary>
    public string Language => language;

    /// <summary>The menu path so far, by label (for tests and the hand-off).</summary>
    public IReadOnlyList<string> Path => path;

    /// <summary>A key: stops the prompt at once and is the answer to it (or to the next one, when typed ahead).</summary>
    public void OnDigit(char digit)
    {
        session.Speaker.Stop();
        inputs.Writer.TryWrite(CallbotInput.Key(digit));
    }

    /// <summary>The caller started speaking (own detector, or a pushing system's partial line): barge-in.</summary>
    public void OnSpeechStarted()
    {
        Interlocked.Exchange(ref speechHeardAt, Environment.TickCount64);
        if (Volatile.Read(ref promptPlaying) == 1)
        {
            session.Speaker.Stop();
        }
    }

    /// <summary>A final transcript line of the caller (masked, as stored).</summary>
    public void OnHeard(string text)
    {
        Interlocked.Exchange(ref speechHeardAt, Environment.TickCount64);
        inputs.Writer.TryWrite(CallbotInput.Said(text));
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            ArsMenu menu;
            await using (var scope = scopes.CreateAsyncScope())
            {
                menu = (await scope.ServiceProvider.GetRequiredService<ArsMenuStore>().GetPublishedAsync(cancellationToken)).Menu;
                language = await LanguageAsync(scope.ServiceProvider.GetRequiredService<MinwonDbContext>(), cancellationToken);
                if (language != CallbotPhrases.Korean)
                {
                    // An English call is an English conversation: the hand-off waits for a counsellor with the skill.
                    await scope.ServiceProvider.GetRequiredService<CallbotRecords>().SetLanguageAsync(conversationId, language, cancellationToken);
                }
            }

            if (English)
            {
                answers.Add(new CallbotAnswer("안내 언어", "영어 (English)"));
            }

            await ReadNoticesAsync(cancellationToken);
            await WalkAsync(menu, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (CallbotCannotSpeakException)
        {
            LogCannotSpeak(logger, session.CallId);
            answers.Add(new CallbotAnswer("콜봇", "음성 합성을 사용할 수 없어 바로 연결했습니다."));
            await HandOffQuietlyAsync(HandoffReason.LowConfidence, null, cancellationToken);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, session.CallId);
            await HandOffQuietlyAsync(HandoffReason.LowConfidence, null, cancellationToken);
        }
    }

    /// <summary>A web call follows the citizen's page language when the page gave one; otherwise the line's setting.</summary>
    private async Task<string> LanguageAsync(MinwonDbContext db, CancellationToken ct)
    {
        if (session.Transport == CallRecords.WebCall && session.PageLanguage is { } page)
        {
            return CallbotPhrases.Of(page);
        }

        var dialled = await db.Set<Call>().AsNoTracking().Where(c => c.Id == session.CallId).Select(c => c.DialledNumber).FirstOrDefaultAsync(ct);
        return services.GetRequiredService<CallbotSchedule>().LanguageOf(session.Transport, dialled);
    }

    private string Say(CallbotPhrase phrase, params object[] args) => CallbotPhrases.Say(language, phrase, args);

    private bool English => language == CallbotPhrases.English;

    private async Task ReadNoticesAsync(CancellationToken ct)
    {
        if (options.Notices <= 0)
        {
            return;
        }

        var notices = await services.GetRequiredService<IArsNotices>().GetActiveAsync(ct);
        foreach (var notice in notices.Take(options.Notices))
        {
            var (title, body) = English && notice.TitleEn.Length > 0 ? (notice.TitleEn, notice.BodyEn) : (notice.TitleKo, notice.BodyKo);
            var text = Say(CallbotPhrase.Notice, title + (string.IsNullOrWhiteSpace(body) ? "" : ". " + body));
            await RecordLineAsync(text, ct);
            await SayAsync(text, "callbot:notice", ct);
        }
    }

    private async Task WalkAsync(ArsMenu menu, CancellationToken ct)
    {
        var parents = menu.Parents();
        var node = menu.Root ?? throw new InvalidOperationException("The published menu has no root.");
        var misses = 0;
        var greeted = false;
        string? lead = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            switch (node.Kind)
            {
                case ArsNodeKind.Connect when node.Connect == ArsConnectMode.Callback:
                    await VisitAsync(node.Id, ArsVisitKind.View, ct);
                    if (await CallbackAsync(ct))
                    {
                        return;
                    }

                    node = Parent(menu, parents, node);
                    continue;
                case ArsNodeKind.Connect:
                    await HandOffAsync(HandoffReason.Requested, node.Id, ct);
                    return;
                case ArsNodeKind.Link or ArsNodeKind.Form:
                    await VisitAsync(node.Id, ArsVisitKind.View, ct);
                    await TextLinkAsync(node, ct);
                    node = Parent(menu, parents, node);
                    continue;
            }

            await VisitAsync(node.Id, ArsVisitKind.View, ct);
            var text = node.Kind == ArsNodeKind.Info ? await InfoPromptAsync(node, ct) : MenuPrompt(menu, node, greeted);
            greeted = true;
            var input = await AskAsync((lead ?? "") + text, "callbot:" + node.Id, ct);
            lead = null;
            if (input is null)
            {
                if (++misses > options.Retries)
                {
                    await HandOffAsync(HandoffReason.LowConfidence, node.Id, ct);
                    return;
                }

                lead = Say(CallbotPhrase.NoInput);
                continue;
            }

            ArsNode? next = null;
            if (input.Text is { } asked && WantsLookup(asked))
            {
                answers.Add(new CallbotAnswer("말씀하신 내용", asked));
                await LookupAsync(ct);
                misses = 0;
                continue;
            }

            if (input.Text is { } said)
            {
                answers.Add(new CallbotAnswer("말씀하신 내용", said));
                var outcome = await AnswerSpeechAsync(menu, said, ct);
                if (outcome.HandOff is { } reason)
                {
                    await HandOffAsync(reason, node.Id, ct);
                    return;
                }

                next = outcome.Node;
                if (next is null && outcome.Understood)
                {
                    misses = 0;
                    continue;
                }
            }
            else if (input.Digit is { } digit)
            {
                if (digit == '#' || node.Kind == ArsNodeKind.Info && digit == '1')
                {
                    continue;
                }

                if (digit == '*')
                {
                    node = Parent(menu, parents, node);
                    misses = 0;
                    continue;
                }

                if (node.Kind == ArsNodeKind.Info && digit == '2')
                {
                    await SayAsync(await DetailsAsync(node, ct), "callbot:details", ct);
                    continue;
                }

                next = node.Kind == ArsNodeKind.Menu ? menu.ChildrenOf(node).FirstOrDefault(c => c.Digit == digit.ToString()) : null;
                if (next is null && digit == LookupKey && OffersLookup(menu, node))
                {
                    await LookupAsync(ct);
                    misses = 0;
                    continue;
                }

                if (next is null && digit == '0')
                {
                    await HandOffAsync(HandoffReason.Requested, node.Id, ct);
                    return;
                }
            }

            if (next is null)
            {
                if (++misses > options.Retries)
                {
                    await HandOffAsync(HandoffReason.LowConfidence, node.Id, ct);
                    return;
                }

                lead = Say(input.Text is null ? CallbotPhrase.WrongKey : CallbotPhrase.NotUnderstood);
                continue;
            }

            path.Add(next.LabelKo);
            node = next;
            misses = 0;
        }
    }

    private static ArsNode Parent(ArsMenu menu, IReadOnlyDictionary<string, string> parents, ArsNode node) =>
        parents.TryGetValue(node.Id, out var parent) && menu.Find(parent) is { } p ? p : menu.Root!;

    /// <summary>The top menu offers the receipt lookup on <see cref="LookupKey"/> unless one of its entries uses that key.</summary>
    private static bool OffersLookup(ArsMenu menu, ArsNode node) =>
        node.Id == menu.RootId && menu.ChildrenOf(node).All(c => c.Digit != LookupKey.ToString());

    private string MenuPrompt(ArsMenu menu, ArsNode node, bool greeted)
    {
        var root = node.Id == menu.RootId;
        var children = menu.ChildrenOf(node).Where(c => c.Digit is not null && c.PromptKo.Length > 0)
            .Select(c => CallbotPhrases.PromptOf(c, language).TrimEnd('.'));
        return (greeted ? "" : Say(CallbotPhrase.Greeting))
            + (root ? "" : Say(CallbotPhrase.MenuOf, node.Label(language)))
            + Say(CallbotPhrase.Choices, string.Join(Say(CallbotPhrase.ChoiceSeparator), children))
            + (OffersLookup(menu, node) ? Say(CallbotPhrase.LookupOffer, LookupKey) : "")
            + (listens ? Say(CallbotPhrase.SpeakFreely) : "")
            + (root ? "" : Say(CallbotPhrase.Back))
            + Say(CallbotPhrase.Repeat);
    }

    /// <summary>Speaks a prompt and waits for a key or a line of speech; null after <see cref="CallbotOptions.NoInputSeconds"/> of nothing.</summary>
    private async Task<CallbotInput?> AskAsync(string text, string name, CancellationToken ct, bool cache = true)
    {
        if (inputs.Reader.TryRead(out var typedAhead))
        {
            return typedAhead;
        }

        var started = Environment.TickCount64;
        var played = await PlayAsync(text, name, ct, cache);
        var waiting = inputs.Reader.WaitToReadAsync(ct).AsTask();
        await Task.WhenAny(waiting, played);
        if (!waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(options.NoInputSeconds), ct));
        }

        // The caller spoke during or after the prompt: give the engine time to deliver the words.
        if (!waiting.IsCompleted && listens && Interlocked.Read(ref speechHeardAt) >= started)
        {
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(options.SpeechWaitSeconds), ct));
        }

        session.Speaker.Stop();
        ct.ThrowIfCancellationRequested();
        return inputs.Reader.TryRead(out var input) ? input : null;
    }

    /// <summary>Speaks a sentence to its end, or until a key or speech stops it (the key stays for the next prompt).</summary>
    private async Task SayAsync(string text, string name, CancellationToken ct)
    {
        if (inputs.Reader.TryPeek(out _))
        {
            return;
        }

        await (await PlayAsync(text, name, ct)).WaitAsync(ct);
    }

    private async Task<Task<bool>> PlayAsync(string text, string name, CancellationToken ct, bool cache = true)
    {
        var voice = English ? options.EnglishVoice : null;
        var samples = await prompts.SpeakAsync(text, session.Bridge.SampleRate, ct, cache, voice) ?? throw new CallbotCannotSpeakException();
        session.Raise(new CallEvent("prompt", Prompt: name, Text: text));
        Volatile.Write(ref promptPlaying, 1);
        var played = session.Speaker.Play(samples, name);
        _ = played.ContinueWith(_ => Volatile.Write(ref promptPlaying, 0), TaskScheduler.Default);
        return played;
    }

    private async Task RecordLineAsync(string text, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CallbotRecords>().SayAsync(conversationId, text, ct);
    }

    private async Task VisitAsync(string nodeId, ArsVisitKind kind, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CallbotRecords>().VisitAsync(session.CallId, nodeId, kind, ct);
    }

    private async Task HandOffAsync(HandoffReason reason, string? nodeId, CancellationToken ct)
    {
        var text = Say(CallbotPhrase.HandOff);
        try
        {
            await SayAsync(text, "callbot:handoff", ct);
        }
        catch (CallbotCannotSpeakException)
        {
        }

        await RecordLineAsync(text, ct);
        await HandOffQuietlyAsync(reason, nodeId, ct);
    }

    private async Task HandOffQuietlyAsync(HandoffReason reason, string? nodeId, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<CallbotRecords>().HandOffAsync(session.CallId, path, answers, reason, nodeId, ct))
        {
            LogHandedOff(logger, session.CallId, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: the callbot handed the caller to the queue ({Reason})")]
    private static partial void LogHandedOff(ILogger logger, Guid callId, HandoffReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no text-to-speech engine spoke (espeak-ng missing, Tts:Engine none or the endpoint failing); the callbot hands the caller to the queue at once")]
    private static partial void LogCannotSpeak(ILogger logger, Guid callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the callbot failed; the caller goes to the queue")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid callId);
}

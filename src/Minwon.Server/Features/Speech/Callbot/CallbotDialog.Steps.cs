using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Core.Chatbot;
using Minwon.Core.Korean;
using Minwon.Core.Speech;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Chatbot;
using Minwon.Server.Features.Knowledge;
using Minwon.Server.Features.VisualArs;
using Minwon.Server.Features.Voice;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>The callbot's steps beyond the menu: info pages, free speech, links, the callback form.</summary>
public sealed partial class CallbotDialog
{
    private sealed record SpeechOutcome(bool Understood, ArsNode? Node = null, HandoffReason? HandOff = null);

    /// <summary>An info page: its short answer first (the article's, or the page's first paragraph), then the choices.</summary>
    private async Task<string> InfoPromptAsync(ArsNode node, CancellationToken ct)
    {
        var (brief, _) = await InfoTextAsync(node, ct);
        answers.Add(new CallbotAnswer("안내: " + node.LabelKo, brief));
        await RecordLineAsync(brief, ct);
        return brief + Say(CallbotPhrase.InfoChoices);
    }

    private async Task<string> DetailsAsync(ArsNode node, CancellationToken ct)
    {
        var (_, details) = await InfoTextAsync(node, ct);
        await RecordLineAsync(details, ct);
        return details;
    }

    private async Task<(string Brief, string Details)> InfoTextAsync(ArsNode node, CancellationToken ct)
    {
        // An English call reads the page's English text where the tree has one (articles are Korean).
        if (English && !string.IsNullOrWhiteSpace(node.TextEn))
        {
            return Paragraphs(node.TextEn);
        }

        if (node.ArticleId is { } articleId)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
            if (await db.Set<Article>().AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.ShortAnswer, a.Body }).FirstOrDefaultAsync(ct) is { } article)
            {
                var shortAnswer = string.IsNullOrWhiteSpace(article.ShortAnswer) ? Core.Knowledge.ShortAnswer.FromBody(article.Body) : article.ShortAnswer;
                return (shortAnswer, Core.Knowledge.ShortAnswer.FromBody(article.Body, 600));
            }
        }

        return !string.IsNullOrWhiteSpace(node.TextKo)
            ? Paragraphs(node.TextKo)
            : (Say(CallbotPhrase.InfoMissing, node.Label(language)), node.Label(language));
    }

    private static (string Brief, string Details) Paragraphs(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (paragraphs[0], string.Join(" ", paragraphs.Skip(paragraphs.Length > 1 ? 1 : 0)));
    }

    /// <summary>
    /// Free speech: a request for a person hands off; otherwise the chatbot's knowledge search answers with the
    /// article's short answer and asks whether it helped; failing that, a menu entry whose words were said is opened.
    /// </summary>
    private async Task<SpeechOutcome> AnswerSpeechAsync(ArsMenu menu, string said, CancellationToken ct)
    {
        if (WantsPerson(said))
        {
            return new SpeechOutcome(true, HandOff: HandoffReason.Requested);
        }

        KnowledgeHit? hit;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var minScore = scope.ServiceProvider.GetRequiredService<IOptions<ChatbotOptions>>().Value.MinScore;
            var hits = await scope.ServiceProvider.GetRequiredService<KnowledgeSearch>().SearchAsync(said, 3, ct);
            hit = hits.FirstOrDefault(h => h.Score >= minScore);
        }

        if (hit is not null)
        {
            var answer = string.IsNullOrWhiteSpace(hit.ShortAnswer) ? hit.Title : hit.ShortAnswer;
            answers.Add(new CallbotAnswer("콜봇 답변: " + hit.Title, answer));
            await RecordLineAsync(answer, ct);
            await RecordAnsweredAsync(hit.ArticleId, helped: null, ct);
            var reply = await AskAsync(answer + Say(CallbotPhrase.DidItHelp), "callbot:answer", ct);
            if (reply is { Digit: '1' } || reply?.Text is { } yes && Yes(yes))
            {
                answers.Add(new CallbotAnswer("도움이 되었나요", "네"));
                await RecordAnsweredAsync(hit.ArticleId, helped: true, ct);
                await SayAsync(Say(CallbotPhrase.Helped), "callbot:helped", ct);
                return new SpeechOutcome(true);
            }

            if (reply is { Digit: '0' or '2' } || reply?.Text is { } no && (No(no) || WantsPerson(no)))
            {
                answers.Add(new CallbotAnswer("도움이 되었나요", "아니요"));
                return new SpeechOutcome(true, HandOff: HandoffReason.NotHelpful);
            }

            return new SpeechOutcome(true);
        }

        if (ArsSearch.Find(menu, said, 1) is [var entry, ..])
        {
            return new SpeechOutcome(true, Node: entry.Node);
        }

        return new SpeechOutcome(false);
    }

    private static bool WantsPerson(string text) => text.Contains("상담사", StringComparison.Ordinal) || text.Contains("상담원", StringComparison.Ordinal)
        || text.Contains("사람", StringComparison.Ordinal) && text.Contains("연결", StringComparison.Ordinal)
        || text.Contains("counsellor", StringComparison.OrdinalIgnoreCase) || text.Contains("counselor", StringComparison.OrdinalIgnoreCase)
        || text.Contains("operator", StringComparison.OrdinalIgnoreCase) || text.Contains("agent", StringComparison.OrdinalIgnoreCase);

    private static bool Yes(string text) => text.TrimStart().StartsWith('네') || text.TrimStart().StartsWith('예')
        || text.Contains("도움이 됐", StringComparison.Ordinal) || text.Contains("도움이 되었", StringComparison.Ordinal) || text.Contains("감사", StringComparison.Ordinal)
        || text.TrimStart().StartsWith("yes", StringComparison.OrdinalIgnoreCase) || text.Contains("thank", StringComparison.OrdinalIgnoreCase);

    private static bool No(string text) => text.Contains("아니", StringComparison.Ordinal) || text.Contains("아뇨", StringComparison.Ordinal)
        || text.TrimStart().StartsWith("no", StringComparison.OrdinalIgnoreCase) && !text.TrimStart().StartsWith("now", StringComparison.OrdinalIgnoreCase);

    private async Task RecordAnsweredAsync(string articleId, bool? helped, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CallbotRecords>().AnsweredAsync(conversationId, articleId, helped, ct);
    }

    /// <summary>A link or form entry: the visual ARS link for this call is texted (signed, as for the PBX's request).</summary>
    private async Task TextLinkAsync(ArsNode node, CancellationToken ct)
    {
        var number = await CallerNumberAsync(ct);
        string text;
        if (number is null || !number.StartsWith("01", StringComparison.Ordinal) || session.Transport == CallRecords.WebCall)
        {
            text = Say(CallbotPhrase.LinkNoMobile, node.Label(language));
            answers.Add(new CallbotAnswer("문자 링크: " + node.LabelKo, "휴대전화 번호가 없어 보내지 못함"));
        }
        else
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var baseUrl = scope.ServiceProvider.GetRequiredService<IOptions<ArsOptions>>().Value.PublicBaseUrl;
                if (string.IsNullOrWhiteSpace(baseUrl))
                {
                    baseUrl = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
                }

                await scope.ServiceProvider.GetRequiredService<SendArsLink>().HandleAsync(
                    new SendArsLinkRequest(session.CallId.ToString("N"), number, language), baseUrl, ct);
                text = Say(CallbotPhrase.LinkSent, node.Label(language));
                answers.Add(new CallbotAnswer("문자 링크: " + node.LabelKo, "보냄"));
                await VisitAsync(node.Id, ArsVisitKind.Complete, ct);
            }
            catch (ProblemException)
            {
                text = Say(CallbotPhrase.LinkFailed);
                answers.Add(new CallbotAnswer("문자 링크: " + node.LabelKo, "발송 실패"));
            }
        }

        await RecordLineAsync(text, ct);
        await SayAsync(text, "callbot:link", ct);
    }

    private async Task<string?> CallerNumberAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var raw = await scope.ServiceProvider.GetRequiredService<MinwonDbContext>().Set<Call>().AsNoTracking()
            .Where(c => c.Id == session.CallId).Select(c => c.CallerNumber).FirstOrDefaultAsync(ct);
        return raw is not null && KoreanPhone.TryNormalize(raw, out var phone) ? phone : null;
    }

    /// <summary>
    /// The callback form by voice: the caller's number read back digit by digit and confirmed with 1, or keyed in and
    /// ended with #, read back and confirmed. True when the callback was booked (the call then ends).
    /// </summary>
    private async Task<bool> CallbackAsync(CancellationToken ct)
    {
        var number = await CallerNumberAsync(ct);
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            if (number is null)
            {
                number = await KeyNumberAsync(ct);
                if (number is null)
                {
                    continue;
                }
            }

            // Personal data: spoken uncached, and kept out of the prompt's caption name.
            var spoken = SpokenIdentifiers.PhoneNumber(number, language);
            var confirm = await AskUncachedAsync(Say(CallbotPhrase.CallbackConfirm, spoken), ct);
            if (confirm is { Digit: '1' } || confirm?.Text is { } yes && Yes(yes))
            {
                string? receipt;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    receipt = await scope.ServiceProvider.GetRequiredService<CallbotRecords>().BookCallbackAsync(session.CallId, number, path, ct);
                }

                if (receipt is null)
                {
                    return true;
                }

                answers.Add(new CallbotAnswer("콜백 예약", receipt));
                var text = Say(CallbotPhrase.CallbackBooked, receipt);
                await RecordLineAsync(text, ct);
                var played = await PlayAsync(text, "callbot:callback-booked", ct, cache: false);
                await Task.WhenAny(played, Task.Delay(TimeSpan.FromSeconds(20), ct));
                await services.GetRequiredService<CallManager>().HangUpAsync(session, "callback-booked", fromCaller: false);
                return true;
            }

            if (confirm is { Digit: '*' })
            {
                return false;
            }

            number = null;
        }

        await SayAsync(Say(CallbotPhrase.CallbackFailed), "callbot:callback-failed", ct);
        return false;
    }

    private async Task<string?> KeyNumberAsync(CancellationToken ct)
    {
        var first = await AskAsync(Say(CallbotPhrase.CallbackNumber), "callbot:callback-number", ct);
        // A phone number has at most 11 digits; a twelfth key ends the number as # does, and makes it invalid.
        return KoreanPhone.TryNormalize(await CollectDigitsAsync(first, 11, ct), out var phone) ? phone : null;
    }

    private Task<CallbotInput?> AskUncachedAsync(string text, CancellationToken ct) => AskAsync(text, "callbot:confirm", ct, cache: false);
}

using System.Text;
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
        return brief + " 자세한 안내는 2번, 다시 들으시려면 1번, 이전 메뉴는 별표, 상담사 연결은 0번을 눌러 주십시오.";
    }

    private async Task<string> DetailsAsync(ArsNode node, CancellationToken ct)
    {
        var (_, details) = await InfoTextAsync(node, ct);
        await RecordLineAsync(details, ct);
        return details;
    }

    private async Task<(string Brief, string Details)> InfoTextAsync(ArsNode node, CancellationToken ct)
    {
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

        var paragraphs = node.TextKo.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Length == 0
            ? (node.LabelKo + " 안내는 상담사에게 문의해 주십시오.", node.LabelKo)
            : (paragraphs[0], string.Join(" ", paragraphs.Skip(paragraphs.Length > 1 ? 1 : 0)));
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
            var reply = await AskAsync(answer + " 도움이 되셨나요? 도움이 되셨으면 1번을 누르시거나 네라고 말씀해 주시고, 상담사 연결을 원하시면 0번을 눌러 주십시오.",
                "callbot:answer", ct);
            if (reply is { Digit: '1' } || reply?.Text is { } yes && Yes(yes))
            {
                answers.Add(new CallbotAnswer("도움이 되었나요", "네"));
                await RecordAnsweredAsync(hit.ArticleId, helped: true, ct);
                await SayAsync("도움이 되어 기쁩니다. 다른 문의는 메뉴에서 골라 주십시오.", "callbot:helped", ct);
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
        || text.Contains("사람", StringComparison.Ordinal) && text.Contains("연결", StringComparison.Ordinal);

    private static bool Yes(string text) => text.TrimStart().StartsWith('네') || text.TrimStart().StartsWith('예')
        || text.Contains("도움이 됐", StringComparison.Ordinal) || text.Contains("도움이 되었", StringComparison.Ordinal) || text.Contains("감사", StringComparison.Ordinal);

    private static bool No(string text) => text.Contains("아니", StringComparison.Ordinal) || text.Contains("아뇨", StringComparison.Ordinal);

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
            text = $"{node.LabelKo}은 휴대전화 문자로만 보내 드릴 수 있습니다. 보이는 ARS 누리집에서 이용해 주십시오.";
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
                    new SendArsLinkRequest(session.CallId.ToString("N"), number, "ko"), baseUrl, ct);
                text = $"{node.LabelKo} 화면으로 가는 링크를 문자로 보내 드렸습니다.";
                answers.Add(new CallbotAnswer("문자 링크: " + node.LabelKo, "보냄"));
                await VisitAsync(node.Id, ArsVisitKind.Complete, ct);
            }
            catch (ProblemException)
            {
                text = "죄송합니다. 문자를 보내지 못했습니다.";
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
            var spoken = SpokenIdentifiers.PhoneNumber(number);
            var confirm = await AskUncachedAsync($"콜백 받으실 번호가 {spoken} 맞으면 1번, 다른 번호로 받으시려면 2번을 눌러 주십시오.", ct);
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
                var text = $"콜백 예약이 접수되었습니다. 접수번호는 {receipt}입니다. 상담사가 곧 전화드리겠습니다. 감사합니다.";
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

        await SayAsync("콜백 번호를 확인하지 못했습니다. 이전 메뉴로 돌아갑니다.", "callbot:callback-failed", ct);
        return false;
    }

    private async Task<string?> KeyNumberAsync(CancellationToken ct)
    {
        var first = await AskAsync("콜백 받으실 전화번호를 누르신 뒤 우물 정자를 눌러 주십시오.", "callbot:callback-number", ct);
        var digits = new StringBuilder();
        var key = first?.Digit;
        while (key is { } k && k != '#' && digits.Length < 12)
        {
            if (char.IsAsciiDigit(k))
            {
                digits.Append(k);
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(options.NoInputSeconds));
            try
            {
                key = (await inputs.Reader.ReadAsync(wait.Token)).Digit;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                key = null;
            }
        }

        return KoreanPhone.TryNormalize(digits.ToString(), out var phone) ? phone : null;
    }

    private Task<CallbotInput?> AskUncachedAsync(string text, CancellationToken ct) => AskAsync(text, "callbot:confirm", ct, cache: false);
}

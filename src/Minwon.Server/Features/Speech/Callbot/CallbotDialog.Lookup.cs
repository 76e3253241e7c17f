using System.Text;
using Minwon.Core.Speech;
using Minwon.Server.Features.Cases;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>The callbot's receipt-number lookup (접수 조회): keyed in, read back digit by digit, confirmed by keypad.</summary>
public sealed partial class CallbotDialog
{
    /// <summary>The key at the top menu that starts the lookup, when no menu entry uses it.</summary>
    public const char LookupKey = '8';

    private const int ReceiptDigits = 14;

    /// <summary>Whether what the caller said asks for the lookup ("접수번호로 조회", "처리 상태 알고 싶어요").</summary>
    private static bool WantsLookup(string text) => text.Contains("접수번호", StringComparison.Ordinal)
        || text.Contains("접수 번호", StringComparison.Ordinal)
        || (text.Contains("처리", StringComparison.Ordinal) || text.Contains("접수", StringComparison.Ordinal))
            && (text.Contains("조회", StringComparison.Ordinal) || text.Contains("상태", StringComparison.Ordinal) || text.Contains("어떻게 됐", StringComparison.Ordinal));

    /// <summary>
    /// Asks for the 14 digits of a receipt number (2026-1206-000123 keyed as 20261206000123#), reads them back digit by
    /// digit (uncached: an identifier) for a 1 to confirm, then tells the request's state when the case was filed from
    /// the calling number. Spoken digits are not taken: the transcript masks long digit runs before the callbot hears
    /// them. Returns to the menu afterwards.
    /// </summary>
    private async Task LookupAsync(CancellationToken ct)
    {
        answers.Add(new CallbotAnswer("접수 조회", "시작"));
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            var first = await AskAsync("접수번호 열네 자리를 누르신 뒤 우물 정자를 눌러 주십시오.", "callbot:lookup-number", ct);
            var digits = await CollectDigitsAsync(first, ReceiptDigits, ct);
            if (digits.Length != ReceiptDigits)
            {
                await SayAsync("접수번호는 열네 자리입니다.", "callbot:lookup-invalid", ct);
                continue;
            }

            var receipt = $"{digits[..4]}-{digits[4..8]}-{digits[8..]}";
            var confirm = await AskUncachedAsync($"접수번호 {SpokenIdentifiers.ForSpeech(receipt)} 맞으면 1번, 다시 누르시려면 2번을 눌러 주십시오.", ct);
            if (confirm is { Digit: '*' })
            {
                return;
            }

            if (confirm is not { Digit: '1' } && !(confirm?.Text is { } yes && Yes(yes)))
            {
                continue;
            }

            CallbotCaseStatus? status;
            await using (var scope = scopes.CreateAsyncScope())
            {
                status = await scope.ServiceProvider.GetRequiredService<CallbotLookup>().ByReceiptAsync(session.CallId, receipt, ct);
            }

            var filed = status is null ? default : services.GetRequiredService<CityClock>().Local(status.CreatedAt);
            var text = status is null
                ? "죄송합니다. 전화하신 번호로 접수된 해당 민원을 찾을 수 없습니다. 접수하신 전화번호로 다시 걸어 주시거나 상담사 연결은 0번을 눌러 주십시오."
                : $"접수번호 {receipt} 민원은 {filed.Month}월 {filed.Day}일에 접수되었고, {StatusText(status)}";
            answers.Add(new CallbotAnswer("접수 조회 " + receipt, status is null ? "찾지 못함" : StatusText(status)));
            await RecordLineAsync(text, ct);
            var played = await PlayAsync(text, "callbot:lookup-status", ct, cache: false);
            await played.WaitAsync(ct);
            return;
        }

        await SayAsync("접수번호를 확인하지 못했습니다. 이전 메뉴로 돌아갑니다.", "callbot:lookup-failed", ct);
    }

    private static string StatusText(CallbotCaseStatus status) => status.Disposition switch
    {
        CaseDisposition.ForwardedToDistrict => "담당 구청으로 전달되어 처리 중입니다.",
        CaseDisposition.ForwardedToDepartment => "담당 부서로 전달되어 처리 중입니다.",
        CaseDisposition.CallbackNeeded when status.ClosedAt is null => "상담사가 다시 전화드릴 예정입니다.",
        CaseDisposition.Abandoned or CaseDisposition.AbuseEnded => "상담이 종료되었습니다.",
        _ => "답변이 완료되었습니다.",
    };

    /// <summary>Keys up to # (or <paramref name="max"/> digits, or a pause of <see cref="CallbotOptions.NoInputSeconds"/>).</summary>
    private async Task<string> CollectDigitsAsync(CallbotInput? first, int max, CancellationToken ct)
    {
        var digits = new StringBuilder();
        var key = first?.Digit;
        while (key is { } k && k != '#' && digits.Length < max + 1)
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

        return digits.ToString();
    }
}

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
            && (text.Contains("조회", StringComparison.Ordinal) || text.Contains("상태", StringComparison.Ordinal) || text.Contains("어떻게 됐", StringComparison.Ordinal))
        || text.Contains("receipt number", StringComparison.OrdinalIgnoreCase) || text.Contains("status of my", StringComparison.OrdinalIgnoreCase);

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
            var first = await AskAsync(Say(CallbotPhrase.LookupNumber), "callbot:lookup-number", ct);
            var digits = await CollectDigitsAsync(first, ReceiptDigits, ct);
            if (digits.Length != ReceiptDigits)
            {
                await SayAsync(Say(CallbotPhrase.LookupInvalid), "callbot:lookup-invalid", ct);
                continue;
            }

            var receipt = $"{digits[..4]}-{digits[4..8]}-{digits[8..]}";
            var confirm = await AskUncachedAsync(Say(CallbotPhrase.LookupConfirm, SpokenIdentifiers.ForSpeech(receipt, language)), ct);
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
                ? Say(CallbotPhrase.LookupNotFound)
                : Say(CallbotPhrase.LookupFound, receipt, CallbotPhrases.Day(language, filed), Say(StatusOf(status)));
            answers.Add(new CallbotAnswer("접수 조회 " + receipt, status is null ? "찾지 못함" : CallbotPhrases.Say(CallbotPhrases.Korean, StatusOf(status))));
            await RecordLineAsync(text, ct);
            var played = await PlayAsync(text, "callbot:lookup-status", ct, cache: false);
            await played.WaitAsync(ct);
            return;
        }

        await SayAsync(Say(CallbotPhrase.LookupFailed), "callbot:lookup-failed", ct);
    }

    private static CallbotPhrase StatusOf(CallbotCaseStatus status) => status.Disposition switch
    {
        CaseDisposition.ForwardedToDistrict => CallbotPhrase.StatusDistrict,
        CaseDisposition.ForwardedToDepartment => CallbotPhrase.StatusDepartment,
        CaseDisposition.CallbackNeeded when status.ClosedAt is null => CallbotPhrase.StatusCallback,
        CaseDisposition.Abandoned or CaseDisposition.AbuseEnded => CallbotPhrase.StatusEnded,
        _ => CallbotPhrase.StatusAnswered,
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

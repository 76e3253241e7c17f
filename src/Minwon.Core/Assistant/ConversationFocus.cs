using Minwon.Core.Chatbot;
using Minwon.Core.Korean;

namespace Minwon.Core.Assistant;

/// <summary>A citizen message as the assistant sees it: the (masked) text and whether it was flagged as abusive.</summary>
public sealed record CitizenLine(string Text, bool Abusive);

/// <summary>A message the assistant takes into account, with how much it counts (1 for the latest).</summary>
public sealed record FocusLine(string Text, double Weight);

/// <summary>
/// What the counsellor assistant looks at in a conversation (issue 9 item 9): the citizen's substantive messages,
/// newest first, each counting half as much as the one after it. Courtesy ("네 감사합니다", "수고하세요"), requests
/// for a counsellor and abusive messages say nothing about the topic, so they are skipped: the suggestions for a parking
/// case stay on parking when the citizen thanks the counsellor or swears at them.
/// </summary>
public static class ConversationFocus
{
    public const double Decay = 0.5;

    /// <summary>Longer lines that ask for a counsellor usually also say what about, so they stay in.</summary>
    private const int MaxHandoffRequestLength = 12;

    // Longest first, so 감사합니다 goes before 감사 and 네네 before 네.
    private static readonly string[] Courtesy = new[]
    {
        "안녕히계세요", "안녕히가세요", "수고하셨습니다", "수고하세요", "수고많으세요", "감사드립니다", "감사합니다", "감사해요", "고맙습니다",
        "고마워요", "고마워", "감사", "안녕하세요", "안녕", "알겠습니다", "알겠어요", "알겠어", "그렇군요", "그렇구나", "그렇네요",
        "잠시만요", "잠깐만요", "여보세요", "좋습니다", "좋아요", "괜찮아요", "괜찮습니다", "됐습니다", "됐어요", "확인했습니다",
        "확인했어요", "대단히", "정말", "진짜", "너무", "많이", "아하", "네네", "넵", "넹", "네", "예", "응",         "thankyou", "thanks", "thank", "okay", "ok", "bye", "hello", "hi",
    }.OrderByDescending(p => p.Length).ToArray();

    /// <param name="newestFirst">The citizen's messages, the latest first.</param>
    public static IReadOnlyList<FocusLine> Select(IEnumerable<CitizenLine> newestFirst, int max = 4)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var result = new List<FocusLine>();
        var weight = 1.0;
        foreach (var line in newestFirst)
        {
            if (line.Abusive || IsCourtesy(line.Text) || IsHandoffRequest(line.Text))
            {
                continue;
            }

            result.Add(new FocusLine(line.Text, weight));
            weight *= Decay;
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>True when nothing but greetings, thanks and acknowledgements is left of the message.</summary>
    public static bool IsCourtesy(string text)
    {
        var rest = BotPolicy.Compact(text);
        if (rest.Length == 0)
        {
            return true;
        }

        foreach (var phrase in Courtesy)
        {
            rest = rest.Replace(phrase, "", StringComparison.Ordinal);
        }

        // Laughter and tears typed as bare consonants (ㅎㅎ, ㅋㅋ, ㅠㅠ); Compact's NFKC turns them into conjoining jamo.
        rest = new string(rest.Where(c => !Hangul.IsHangul(c) || Hangul.IsSyllable(c)).ToArray());

        return rest.Length <= 1;
    }

    public static bool IsHandoffRequest(string text)
    {
        var compact = BotPolicy.Compact(text);
        return compact.Length <= MaxHandoffRequestLength && BotPolicy.WantsCounsellor(compact);
    }
}

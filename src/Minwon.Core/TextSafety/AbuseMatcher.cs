using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>Finds lexicon terms in normalised text and drops the ones that context shows to be innocent.</summary>
internal static class AbuseMatcher
{
    private const int MaxSkips = 2;

    /// <param name="raw">The line <paramref name="text"/> was normalised from (for <see cref="ComplaintGuard.IsReportedSpeech"/>).</param>
    public static List<AbuseEvidence> Match(NormalizedText text, AbuseLexicon lexicon, string raw)
    {
        var candidates = new List<(int Start, int End, AbuseTerm Term)>();
        var chars = text.Chars;
        var allowEnd = AllowedRanges(text, lexicon);
        for (var p = 0; p < text.Length; p++)
        {
            if (char.IsAsciiDigit(chars[p]) && p > 0 && char.IsAsciiDigit(chars[p - 1]) && !text.WordStart[p])
            {
                continue;
            }

            if (Longest(text, lexicon.Terms, p) is { } match
                && !Innocent(text, lexicon, match.End, match.Term, p, allowEnd))
            {
                candidates.Add((p, match.End, match.Term));
            }
        }

        return Select(text, candidates, raw);
    }

    private static (int End, AbuseTerm Term)? Longest(NormalizedText text, TermTrie trie, int start)
    {
        (int End, AbuseTerm Term)? best = null;
        Walk(text, trie, 0, start, 0, ref best);
        return best;
    }

    /// <summary>
    /// Follows the trie from <paramref name="q"/>; a stray digit or letter after a Hangul character ("시1발", "ㅆ1ㅂ")
    /// is tried both as part of a term (18놈, ㅆ1발 are spellings in the list) and as noise, at most twice per match.
    /// The heaviest term reached wins, then the longest: a weak raw spelling must not hide a strong prefix.
    /// </summary>
    private static void Walk(NormalizedText text, TermTrie trie, int node, int q, int skips, ref (int End, AbuseTerm Term)? best)
    {
        for (; q < text.Length; q++)
        {
            var c = text.Chars[q];
            var noise = node != 0 && skips < MaxSkips && Hangul.IsHangul(text.Chars[q - 1]) && (char.IsAsciiDigit(c) || char.IsAsciiLetter(c));
            if (noise)
            {
                Walk(text, trie, node, q + 1, skips + 1, ref best);
            }

            if (!trie.TryStep(node, c, out node))
            {
                return;
            }

            if (trie.TermAt(node) is { } term && (best is not { } b || term.Weight > b.Term.Weight || term.Weight == b.Term.Weight && q + 1 > b.End))
            {
                best = (q + 1, term);
            }
        }
    }

    private static bool Innocent(NormalizedText text, AbuseLexicon lexicon, int end, AbuseTerm term, int start, int[] allowEnd)
    {
        var chars = text.Chars;
        // After a digit counts as inside a word too: "2023년 아깝네요" holds no 년아.
        var midWord = start > 0 && !text.WordStart[start] && (Hangul.IsSyllable(chars[start - 1]) || char.IsAsciiDigit(chars[start - 1]) && !char.IsAsciiDigit(chars[start]));

        // Raw web-list spellings inside a word are mostly coincidences (공사가지고 holds 사가지).
        if (midWord && (lexicon.WordStartOnly.Contains(term.Text) || term.Raw))
        {
            return true;
        }

        var crosses = false;
        for (var k = start + 1; k < end && !crosses; k++)
        {
            crosses = text.WordStart[k];
        }

        // "수박씨 발라", "하시 발표": a match that begins inside one word and runs into the next is a coincidence;
        // so is a short one whose second half is the start of a longer word ("시 바꿔주세요").
        if (crosses && (midWord || end - start <= 2 && end < text.Length && !text.WordStart[end] && Hangul.IsSyllable(chars[end])))
        {
            return true;
        }

        // 아저씨, 아가씨, 날씨, 솜씨 + 발...: 씨/시 inside a word starts no swear word, except after an interjection (아씨발).
        if (midWord && term.Text[0] is '씨' or '시' or '쒸' or '쉬')
        {
            var interjection = chars[start - 1] is '아' or '어' or '에' or '으' or '이' && (start == 1 || text.WordStart[start - 1]);
            if (!interjection)
            {
                return true;
            }
        }

        for (var a = Math.Max(0, start - lexicon.MaxAllowedLength + 1); a < end; a++)
        {
            var b = allowEnd[a];
            if (b > start && b > a && !(a >= start && b <= end && b - a < end - start))
            {
                return true;
            }
        }

        return false;
    }

    private static int[] AllowedRanges(NormalizedText text, AbuseLexicon lexicon)
    {
        var ends = new int[text.Length];
        for (var p = 0; p < text.Length; p++)
        {
            ends[p] = -1;
            var node = 0;
            // An allow-word that starts inside one word and runs into the next ("시발 전화" holds 발전) proves nothing.
            var startsMidWord = p > 0 && !text.WordStart[p] && Hangul.IsSyllable(text.Chars[p - 1]);
            for (var q = p; q < text.Length && lexicon.Allowed.TryStep(node, text.Chars[q], out node); q++)
            {
                if (startsMidWord && q > p && text.WordStart[q])
                {
                    break;
                }

                if (lexicon.Allowed.TermAt(node) is not null)
                {
                    ends[p] = q + 1;
                }
            }
        }

        return ends;
    }

    /// <summary>
    /// Heaviest first, then longest; overlapping weaker matches are dropped so one word counts once. An insult or swear
    /// word followed at once by a quoting ending in a line that reports and addresses nobody
    /// (<see cref="ComplaintGuard.IsReportedSpeech"/>: "옆집 사람이 저한테 병신이라고 욕했어요") is no evidence; it still
    /// covers its characters. The report is read once, for the first such term.
    /// </summary>
    private static List<AbuseEvidence> Select(NormalizedText text, List<(int Start, int End, AbuseTerm Term)> candidates, string raw)
    {
        var evidence = new List<AbuseEvidence>();
        if (candidates.Count == 0)
        {
            return evidence;
        }

        candidates.Sort(static (x, y) => x.Term.Weight != y.Term.Weight
            ? y.Term.Weight.CompareTo(x.Term.Weight)
            : (y.End - y.Start).CompareTo(x.End - x.Start));
        var covered = new bool[text.Length];
        bool? reported = null;
        foreach (var (start, end, term) in candidates)
        {
            if (covered.AsSpan(start, end - start).Contains(true))
            {
                continue;
            }

            covered.AsSpan(start, end - start).Fill(true);
            var rest = text.Chars.AsSpan(end, text.Length - end);
            if ((term.Label is AbuseLabel.Insult or AbuseLabel.Profanity && ComplaintGuard.QuotesAt(rest) || term.Label is AbuseLabel.Threat && ComplaintGuard.QuotesNear(rest))
                && (reported ??= ComplaintGuard.IsReportedSpeech(text.ToString(), raw)))
            {
                continue;
            }

            evidence.Add(new AbuseEvidence(text.Starts[start], text.Ends[end - 1], term.Label, term.Weight));
        }

        evidence.Sort(static (x, y) => x.Start.CompareTo(y.Start));
        return evidence;
    }
}

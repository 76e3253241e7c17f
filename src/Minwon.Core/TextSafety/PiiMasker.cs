namespace Minwon.Core.TextSafety;

/// <summary>
/// Finds and masks personal data in one message: registration, phone, card, account, passport and licence numbers,
/// e-mail addresses, vehicle plates and address details, including numbers read out in Korean in transcripts.
/// Stateless and thread-safe: build one and share it.
/// </summary>
/// <remarks>
/// Masking keeps the length and shape: each letter or digit inside a span becomes '*', separators (- . @ space ( ) +)
/// stay, and nothing outside a span changes, so offsets into the original are valid in the masked text too.
/// Counsellors see "***-****-****" and know a phone number was given without seeing it.
/// </remarks>
public sealed class PiiMasker
{
    public const char MaskChar = '*';

    public IReadOnlyList<PiiSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        // Full-width digits and hyphens (９３０５０２－…) fold to ASCII one for one, so offsets stay valid.
        var scan = FoldFullWidth(text);
        var found = new List<PiiSpan>();
        EmailFinder.Find(scan, found);
        PassportFinder.Find(scan, found);
        PlateFinder.Find(scan, found);
        NumberRuns.Find(scan, found);
        SpokenDigits.Find(scan, found);
        AddressFinder.Find(scan, found);
        ReadBack(scan, found);

        // Numbers read out in words, dictated or corrected: the same recognisers on the written form, mapped back.
        if (SpokenNumbers.Normalize(scan) is { } spoken)
        {
            FindRewritten(scan, spoken, found);

            // "구십이요" (90 and the copula, or 92), "이 구 아니고 오 사" (one digit corrected, or two): the other reading too.
            // Where both readings find the number the longer span wins, so an ambiguous 이 is masked either way.
            var ambiguities = spoken.Ambiguities;
            for (var reading = ambiguities; reading != SpokenNumbers.Readings.Usual; reading = (reading - 1) & ambiguities)
            {
                if (SpokenNumbers.Normalize(scan, reading) is { } other)
                {
                    FindRewritten(scan, other, found);
                }
            }
        }

        // E-mail read aloud word by word ("jun 언더스코어 lee 골뱅이 naver dot com"): rewritten on its own, so the numbers'
        // rewriting above is not changed by it.
        if (SpokenNumbers.SpokenEmail(scan) is { } mail)
        {
            var rewritten = new List<PiiSpan>();
            EmailFinder.Find(mail.Text, rewritten);
            foreach (var span in rewritten)
            {
                found.Add(mail.MapBack(span));
            }
        }

        return found.Count == 0 ? [] : Resolve(found);
    }

    private static void FindRewritten(string scan, SpokenNumbers spoken, List<PiiSpan> found)
    {
        var rewritten = new List<PiiSpan>();
        EmailFinder.Find(spoken.Text, rewritten);
        PlateFinder.Find(spoken.Text, rewritten);
        NumberRuns.Find(spoken.Text, rewritten);
        SpokenDigits.Find(spoken.Text, rewritten, spoken, scan);
        AddressFinder.Find(spoken.Text, rewritten);
        ReadBack(spoken.Text, rewritten);
        foreach (var span in rewritten)
        {
            if (span.End > span.Start)
            {
                found.Add(spoken.MapBack(span));
            }
        }
    }

    public MaskResult Mask(string text)
    {
        var spans = Find(text);
        return new MaskResult(Apply(text, spans), spans);
    }

    /// <summary>Masks the given spans (sorted, not overlapping) in place of a fresh copy of the text.</summary>
    public static string Apply(string text, IReadOnlyList<PiiSpan> spans)
    {
        if (spans.Count == 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, spans), static (buffer, state) =>
        {
            state.text.AsSpan().CopyTo(buffer);
            foreach (var span in state.spans)
            {
                for (var i = span.Start; i < span.End; i++)
                {
                    if (char.IsLetterOrDigit(buffer[i]))
                    {
                        buffer[i] = MaskChar;
                    }
                }
            }
        });
    }

    /// <summary>
    /// A number read back in the same line ("… 다시 2223334 요, 맞아요 2223334"): a run of digits equal to a found
    /// registration, phone, card or account number, or to a half of a registration number, is that number again.
    /// One pass over the line's digit runs, so a long line with many numbers stays linear.
    /// </summary>
    private static void ReadBack(string text, List<PiiSpan> spans)
    {
        Dictionary<string, PiiKind>? numbers = null;
        var count = spans.Count;
        for (var s = 0; s < count; s++)
        {
            var span = spans[s];
            if (span.Kind is not (PiiKind.Rrn or PiiKind.Phone or PiiKind.Card or PiiKind.Account))
            {
                continue;
            }

            var digits = new System.Text.StringBuilder(span.End - span.Start);
            foreach (var c in text.AsSpan(span.Start, span.End - span.Start))
            {
                if (char.IsAsciiDigit(c))
                {
                    digits.Append(c);
                }
            }

            var number = digits.ToString();
            if (number.Length < 6)
            {
                continue;
            }

            numbers ??= [];
            numbers.TryAdd(number, span.Kind);
            if (span.Kind == PiiKind.Rrn && number.Length == 13)
            {
                numbers.TryAdd(number[..6], span.Kind);
                numbers.TryAdd(number[6..], span.Kind);
            }

            // Only the kinds the set knows come back: capping it keeps a line of many numbers cheap.
            if (numbers.Count > 64)
            {
                break;
            }
        }

        if (numbers is null)
        {
            return;
        }

        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i - start >= 6 && lookup.TryGetValue(text.AsSpan(start, i - start), out var kind))
            {
                spans.Add(new PiiSpan(start, i, kind));
            }
        }
    }

    private static string FoldFullWidth(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uFF01', '\uFF5E') < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (buffer, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                buffer[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    /// <summary>Earliest start wins; at the same start the longer span wins (a plate with its region over the bare plate).</summary>
    private static List<PiiSpan> Resolve(List<PiiSpan> found)
    {
        found.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<PiiSpan>(found.Count);
        var end = 0;
        foreach (var span in found)
        {
            if (span.Start >= end && span.End > span.Start)
            {
                kept.Add(span);
                end = span.End;
            }
        }

        return kept;
    }
}

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

        // Numbers read out in words, dictated or corrected: the same recognisers on the written form, mapped back.
        if (SpokenNumbers.Normalize(scan) is { } spoken)
        {
            var rewritten = new List<PiiSpan>();
            EmailFinder.Find(spoken.Text, rewritten);
            PlateFinder.Find(spoken.Text, rewritten);
            NumberRuns.Find(spoken.Text, rewritten);
            SpokenDigits.Find(spoken.Text, rewritten, spoken, scan);
            AddressFinder.Find(spoken.Text, rewritten);
            foreach (var span in rewritten)
            {
                if (span.End > span.Start)
                {
                    found.Add(spoken.MapBack(span));
                }
            }
        }

        return found.Count == 0 ? [] : Resolve(found);
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

using System.Buffers;
using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Hashed features of one line for the abuse classifier: character 2-4-grams and jamo 3-4-grams of the lightly cleaned text, 2-3-grams of
/// the de-obfuscated text (ㅅㅂ, 시.발, tlqkf already undone by <see cref="TextNormalizer"/>), 2-3-grams of its leading
/// consonants (초성, so 시발, 씨발 and ㅅㅂ meet), word unigrams and bigrams, and the lexicon's evidence per label.
/// Indexes are FNV-1a hashes (stable across processes and machines) folded into the model's table.
/// </summary>
internal static class AbuseFeatures
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;
    private const int MaxChars = 1024;

    /// <summary>Feature groups, in the order <see cref="Extract"/> writes them (a stacked model's views pick groups).</summary>
    public const int Chars = 0, Jamo = 1, Normalised = 2, Leads = 3, Words = 4, Stems = 5, Lexicon = 6, GroupCount = 7;

    /// <param name="groupEnds">When not empty (length <see cref="GroupCount"/>), receives the end of each group in <paramref name="features"/>.</param>
    /// <param name="stems">Also add word stems (particles and endings stripped) and stem bigrams (the stacked model's features).</param>
    public static void Extract(
        string text, NormalizedText normalized, List<AbuseEvidence> evidence, int mask, List<(int Index, float Value)> features,
        Span<int> groupEnds = default, bool stems = false)
    {
        features.Clear();
        var record = !groupEnds.IsEmpty;
        Span<char> clean = stackalloc char[Math.Min(text.Length, MaxChars) + 2];
        var length = Clean(text, clean);
        var cleaned = clean[..length];

        var start = features.Count;
        for (var n = 2; n <= 4; n++)
        {
            AddGrams(cleaned, n, (uint)n, mask, features);
        }

        if (record)
        {
            groupEnds[Chars] = features.Count;
        }

        // Jamo 3-4-grams (syllables split into lead, vowel and tail): misspellings that keep most sounds
        // (씨빨, 씨바, 쉬발) share them, where they share no whole syllable.
        Span<char> jamo = stackalloc char[cleaned.Length * 3];
        var jamoLength = 0;
        foreach (var c in cleaned)
        {
            if (Hangul.TryDecompose(c, out var lead, out var vowel, out var tail))
            {
                jamo[jamoLength++] = (char)(0x1100 + lead);
                jamo[jamoLength++] = (char)(0x1161 + vowel);
                if (tail > 0)
                {
                    jamo[jamoLength++] = (char)(0x11A7 + tail);
                }
            }
            else
            {
                jamo[jamoLength++] = c;
            }
        }

        AddGrams(jamo[..jamoLength], 3, 51, mask, features);
        AddGrams(jamo[..jamoLength], 4, 52, mask, features);
        if (record)
        {
            groupEnds[Jamo] = features.Count;
        }

        var flat = normalized.Chars.AsSpan(0, Math.Min(normalized.Length, MaxChars));
        AddGrams(flat, 2, 11, mask, features);
        AddGrams(flat, 3, 12, mask, features);
        if (record)
        {
            groupEnds[Normalised] = features.Count;
        }

        Span<char> leads = stackalloc char[flat.Length];
        for (var i = 0; i < flat.Length; i++)
        {
            leads[i] = Lead(flat[i]);
        }

        AddGrams(leads, 2, 21, mask, features);
        AddGrams(leads, 3, 22, mask, features);
        if (record)
        {
            groupEnds[Leads] = features.Count;
        }

        AddWords(cleaned, mask, features);
        AddAddressed(cleaned, mask, features);
        if (record)
        {
            groupEnds[Words] = features.Count;
        }

        if (stems)
        {
            AddStems(cleaned, mask, features);
        }

        if (record)
        {
            groupEnds[Stems] = features.Count;
        }

        // Scale the n-grams so a long comment does not outweigh a short insult by length alone.
        var scale = (float)(1 / Math.Sqrt(Math.Max(1, features.Count - start) / 16.0));
        for (var i = start; i < features.Count; i++)
        {
            features[i] = (features[i].Index, scale);
        }

        features.Add((Index(31, 0, mask), 1));
        Span<double> keep = stackalloc double[5];
        keep.Fill(1);
        foreach (var e in evidence)
        {
            keep[(int)e.Label] *= 1 - e.Weight;
        }

        for (var label = 1; label < 5; label++)
        {
            var score = 1 - keep[label];
            if (score > 0)
            {
                var band = score >= 0.9 ? 3u : score >= 0.7 ? 2u : score >= 0.4 ? 1u : 0u;
                features.Add((Index(32, (uint)(label * 4) + band, mask), 1));
                features.Add((Index(33, (uint)label, mask), (float)score));
            }
        }

        if (record)
        {
            groupEnds[Lexicon] = features.Count;
        }
    }

    /// <summary>
    /// Word stems (<see cref="KoreanSuffixStripper"/>: 멍청한, 멍청해서 and 멍청이가 all give 멍청) and stem bigrams, so an insult
    /// inflected in a way the comments never showed still meets its stem.
    /// </summary>
    private static void AddStems(ReadOnlySpan<char> text, int mask, List<(int, float)> features)
    {
        var previous = 0u;
        var i = 1;
        while (i < text.Length)
        {
            var end = text[i..].IndexOf(' ');
            if (end <= 0)
            {
                break;
            }

            var word = text.Slice(i, end);
            var stem = word.Length > KoreanSuffixStripper.MinStemLength && Hangul.IsSyllable(word[^1])
                ? KoreanSuffixStripper.Default.Strip(word.ToString()).AsSpan()
                : word;
            var h = unchecked((Offset ^ 61u) * Prime);
            foreach (var c in stem)
            {
                h = unchecked((h ^ c) * Prime);
            }

            features.Add((unchecked((int)(Finish(h) & (uint)mask)), 1));
            if (previous != 0)
            {
                features.Add((unchecked((int)(Finish((previous * 37) ^ h ^ 0x7F4A7C15u) & (uint)mask)), 1));
            }

            previous = h;
            i += end + 1;
        }
    }

    /// <summary>
    /// Words said to someone (issue 13, session 9): when the line addresses a person (너, 니가, 당신, 상담원, 그쪽, 아가씨 ...),
    /// each of its other words is a feature again, crossed with that fact, so "당신 + 모자란" can weigh more than
    /// "모자란" in a comment about a policy. Contempt without a swear word is mostly aimed at the one spoken to.
    /// </summary>
    private static void AddAddressed(ReadOnlySpan<char> text, int mask, List<(int, float)> features)
    {
        if (!IsAddressed(text))
        {
            return;
        }

        features.Add((unchecked((int)(Finish((Offset ^ 71u) * Prime) & (uint)mask)), 1));
        var i = 1;
        while (i < text.Length)
        {
            var end = text[i..].IndexOf(' ');
            if (end <= 0)
            {
                break;
            }

            var word = text.Slice(i, end);
            var stem = word.Length > 2 && Hangul.IsSyllable(word[^1]) ? word[..^1] : word;
            var h = unchecked((Offset ^ 72u) * Prime);
            foreach (var c in stem)
            {
                h = unchecked((h ^ c) * Prime);
            }

            features.Add((unchecked((int)(Finish(h) & (uint)mask)), 1));
            i += end + 1;
        }
    }

    /// <summary>
    /// The second-person words (the complaint guard's test, session 13); a bare 니 is left out, as the guard's substrings
    /// left it (니 말고 팀장 바꿔 is said about the service).
    /// </summary>
    private static readonly string[] SecondPerson =
    [
        "당신", "너희", "너네", "니네", "니가", "네가", "너가", "너는", "너도", "너를", "너한테", "넌", "널", "너", "니들", "너들",
    ];

    /// <summary>The second-person words, a bare 니, and the words that address the counsellor (상담원, 그쪽, 아가씨 …).</summary>
    private static readonly string[] Addressees = [.. SecondPerson, "니", "상담원", "상담사", "그쪽", "댁", "아가씨", "자네"];

    /// <summary>
    /// <see cref="IsAddressed"/> of a raw line, cleaned as <see cref="Extract"/> cleans it for the addressee features
    /// (spaces single, tabs and line breaks spaces), into a buffer on the stack.
    /// </summary>
    /// <param name="wholeLine">
    /// Read past the features' first <see cref="MaxChars"/> characters (the reported-abuse rule: an addressee late in a
    /// long line still makes "너 병신이라고 …" said to someone); a long line is cleaned into a pooled buffer.
    /// </param>
    /// <param name="secondPersonOnly">Only the second-person words (너, 니가, 당신 …), not 상담원, 그쪽 or 아가씨 (the complaint guard).</param>
    internal static bool IsAddressedLine(string text, bool wholeLine = false, bool secondPersonOnly = false)
    {
        var size = (wholeLine ? text.Length : Math.Min(text.Length, MaxChars)) + 2;
        var addressees = secondPersonOnly ? SecondPerson : Addressees;
        if (size <= MaxChars + 2)
        {
            Span<char> clean = stackalloc char[size];
            return IsAddressed(clean[..Clean(text, clean)], addressees);
        }

        var rented = ArrayPool<char>.Shared.Rent(size);
        try
        {
            var clean = rented.AsSpan(0, size);
            return IsAddressed(clean[..Clean(text, clean)], addressees);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A word of the cleaned line (padded with single spaces) is a second-person or addressing word (너무, 너머 and 니다 are
    /// not: 무, 머 and 다 begin no particle of <see cref="ParticleStarts"/>).
    /// </summary>
    internal static bool IsAddressed(ReadOnlySpan<char> text) => IsAddressed(text, Addressees);

    private static bool IsAddressed(ReadOnlySpan<char> text, string[] addressees)
    {
        var i = 1;
        while (i < text.Length)
        {
            var end = text[i..].IndexOf(' ');
            if (end <= 0)
            {
                break;
            }

            var word = text.Slice(i, end);
            foreach (var a in addressees)
            {
                if (word.StartsWith(a) && IsParticleAfter(word[a.Length..], a.Length))
                {
                    return true;
                }
            }

            i += end + 1;
        }

        return false;
    }

    /// <summary>
    /// The rest of a word after an addressing word is a particle, a suffix or an ending (너도, 너같은, 당신들은, 상담원님):
    /// its first syllable is one those begin with (issue 13, session 13). A noun that merely begins with the syllables is
    /// not an addressee: 너도밤나무, 너도나도, 너구리, 너비, 너울, 니트, 댁내. After a one-syllable word (너, 니, 넌, 널, 댁)
    /// the rest is at most two syllables, so 너도밤나무 is not 너 + 도….
    /// </summary>
    private static bool IsParticleAfter(ReadOnlySpan<char> rest, int addresseeLength) =>
        rest.IsEmpty
        || (addresseeLength > 1 || rest.Length <= 2) && ParticleStarts.Contains(rest[0]);

    /// <summary>First syllables of particles, plural and honorific suffixes and copula endings after a person word.</summary>
    private static readonly SearchValues<char> ParticleStarts = SearchValues.Create(
        "은는이가을를도만의에께한랑하같처보들님분야요아따뿐밖까네희더마와과으로씨인며조?!.,~…ㅋㅎ");

    /// <summary>Lower case, full-width folded, runs of one character cut to two (ㅋㅋㅋㅋ, 아아아), spaces single, padded with spaces.</summary>
    private static int Clean(string text, Span<char> output)
    {
        var n = 0;
        output[n++] = ' ';
        var limit = output.Length - 1;
        for (var i = 0; i < text.Length && n < limit; i++)
        {
            var c = text[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }

            c = char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
            if (c == ' ' && output[n - 1] == ' ' || n >= 2 && c == output[n - 1] && c == output[n - 2])
            {
                continue;
            }

            output[n++] = c;
        }

        if (output[n - 1] != ' ')
        {
            output[n++] = ' ';
        }

        return n;
    }

    private static char Lead(char c)
    {
        if (Hangul.TryDecompose(c, out var lead, out _, out _))
        {
            return Hangul.Leads[lead];
        }

        return Hangul.IsCompatibilityJamo(c) ? c : '·';
    }

    private static void AddGrams(ReadOnlySpan<char> text, int n, uint kind, int mask, List<(int, float)> features)
    {
        for (var i = 0; i + n <= text.Length; i++)
        {
            var h = unchecked((Offset ^ kind) * Prime);
            for (var k = 0; k < n; k++)
            {
                h = unchecked((h ^ text[i + k]) * Prime);
            }

            features.Add((unchecked((int)(Finish(h) & (uint)mask)), 1));
        }
    }

    private static void AddWords(ReadOnlySpan<char> text, int mask, List<(int, float)> features)
    {
        var previous = 0u;
        var i = 1;
        while (i < text.Length)
        {
            var end = text[i..].IndexOf(' ');
            if (end <= 0)
            {
                break;
            }

            var h = unchecked((Offset ^ 41u) * Prime);
            foreach (var c in text.Slice(i, end))
            {
                h = unchecked((h ^ c) * Prime);
            }

            features.Add((unchecked((int)(Finish(h) & (uint)mask)), 1));
            if (previous != 0)
            {
                features.Add((unchecked((int)(Finish((previous * 31) ^ h ^ 0x9E3779B9u) & (uint)mask)), 1));
            }

            previous = h;
            i += end + 1;
        }
    }

    private static int Index(uint kind, uint value, int mask) => unchecked((int)(Finish(((Offset ^ kind) * Prime ^ value) * Prime) & (uint)mask));

    /// <summary>Murmur3's finaliser: spreads FNV's weak low bits before masking.</summary>
    private static uint Finish(uint h)
    {
        unchecked
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h;
        }
    }
}

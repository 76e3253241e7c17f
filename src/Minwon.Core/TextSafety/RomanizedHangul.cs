using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Reads Latin letters as Korean sounds (Revised Romanization plus the usual chat spellings): "byung" is 븅, "sae"
/// 새, "jot" 좃, "ssibal" 씨발. Used for Latin written into a Korean word to dodge a filter (byung신, 개sae끼, jot같은),
/// where reading the letters as keyboard keys (<see cref="KeyboardHangul"/>) gives nothing. A run converts only when
/// every letter falls into a syllable (onset, vowel, optional coda); consonants between vowels go to the next onset
/// first, as Korean pronounces them (sibal is 시발, not 십알).
/// </summary>
internal static class RomanizedHangul
{
    private const int MaxRun = 24;

    // Longest spellings first inside each table; index into Hangul.Leads / Vowels / Tails.
    private static readonly (string Spelling, char Jamo)[] Onsets =
    [
        ("kk", 'ㄲ'), ("gg", 'ㄲ'), ("tt", 'ㄸ'), ("dd", 'ㄸ'), ("pp", 'ㅃ'), ("bb", 'ㅃ'), ("ss", 'ㅆ'), ("jj", 'ㅉ'), ("ch", 'ㅊ'),
        ("sh", 'ㅅ'), ("g", 'ㄱ'), ("k", 'ㄱ'), ("n", 'ㄴ'), ("d", 'ㄷ'), ("t", 'ㅌ'), ("r", 'ㄹ'), ("l", 'ㄹ'), ("m", 'ㅁ'),
        ("b", 'ㅂ'), ("p", 'ㅍ'), ("s", 'ㅅ'), ("j", 'ㅈ'), ("z", 'ㅈ'), ("c", 'ㅊ'), ("h", 'ㅎ'), ("f", 'ㅍ'), ("v", 'ㅂ'),
    ];

    private static readonly (string Spelling, char Jamo)[] Nuclei =
    [
        ("yae", 'ㅒ'), ("yeo", 'ㅕ'), ("wae", 'ㅙ'), ("ae", 'ㅐ'), ("ya", 'ㅑ'), ("eo", 'ㅓ'), ("ye", 'ㅖ'), ("wa", 'ㅘ'), ("oe", 'ㅚ'),
        ("yo", 'ㅛ'), ("wo", 'ㅝ'), ("we", 'ㅞ'), ("wi", 'ㅟ'), ("yu", 'ㅠ'), ("eu", 'ㅡ'), ("ui", 'ㅢ'), ("ee", 'ㅣ'), ("oo", 'ㅜ'),
        ("a", 'ㅏ'), ("e", 'ㅔ'), ("o", 'ㅗ'), ("u", 'ㅜ'), ("i", 'ㅣ'),
    ];

    private static readonly (string Spelling, char Jamo)[] Codas =
    [
        ("ng", 'ㅇ'), ("ss", 'ㅆ'), ("k", 'ㄱ'), ("g", 'ㄱ'), ("n", 'ㄴ'), ("t", 'ㅅ'), ("d", 'ㄷ'), ("l", 'ㄹ'), ("r", 'ㄹ'),
        ("m", 'ㅁ'), ("p", 'ㅂ'), ("b", 'ㅂ'), ("s", 'ㅅ'),
    ];

    /// <summary>The syllables of <paramref name="letters"/>, or null when some letter fits no syllable.</summary>
    public static string? TryRead(ReadOnlySpan<char> letters)
    {
        if (letters.Length is 0 or > MaxRun)
        {
            return null;
        }

        Span<char> lower = stackalloc char[letters.Length];
        for (var i = 0; i < letters.Length; i++)
        {
            if (!char.IsAsciiLetter(letters[i]))
            {
                return null;
            }

            lower[i] = char.ToLowerInvariant(letters[i]);
        }

        // best[i]: fewest cost to read lower[i..]; choice[i]: the syllable taken there.
        var n = lower.Length;
        Span<int> best = stackalloc int[n + 1];
        Span<int> next = stackalloc int[n + 1];
        Span<char> syllable = stackalloc char[n + 1];
        best[n] = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            best[i] = int.MaxValue;
            // Onset: none (ㅇ) or a spelling.
            for (var o = -1; o < Onsets.Length; o++)
            {
                var onset = o < 0 ? "" : Onsets[o].Spelling;
                if (!lower[i..].StartsWith(onset))
                {
                    continue;
                }

                var v0 = i + onset.Length;
                foreach (var (vowelSpelling, vowel) in Nuclei)
                {
                    if (!lower[v0..].StartsWith(vowelSpelling))
                    {
                        continue;
                    }

                    var c0 = v0 + vowelSpelling.Length;
                    for (var c = -1; c < Codas.Length; c++)
                    {
                        var coda = c < 0 ? "" : Codas[c].Spelling;
                        if (!lower[c0..].StartsWith(coda) || best[c0 + coda.Length] == int.MaxValue)
                        {
                            continue;
                        }

                        // Each syllable costs 10; a coda 3 (onsets come first); no onset 4; a shorter vowel spelling 1.
                        var cost = 10 + (coda.Length > 0 ? 3 : 0) + (onset.Length == 0 ? 4 : 0) + (vowelSpelling.Length == 1 ? 1 : 0)
                            + best[c0 + coda.Length];
                        if (cost < best[i])
                        {
                            best[i] = cost;
                            next[i] = c0 + coda.Length;
                            var lead = Hangul.Leads.IndexOf(o < 0 ? 'ㅇ' : Onsets[o].Jamo);
                            var tail = c < 0 ? 0 : Hangul.Tails.IndexOf(Codas[c].Jamo);
                            syllable[i] = Hangul.Compose(lead, Hangul.Vowels.IndexOf(vowel), tail);
                        }
                    }
                }
            }
        }

        if (best[0] == int.MaxValue)
        {
            return null;
        }

        Span<char> output = stackalloc char[n];
        var length = 0;
        for (var i = 0; i < n; i = next[i])
        {
            output[length++] = syllable[i];
        }

        return new string(output[..length]);
    }
}

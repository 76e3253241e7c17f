using Minwon.Core.Korean;

namespace Minwon.Core.TextSafety;

/// <summary>
/// Reads Latin letters as keys of the standard Korean (2-set, 두벌식) keyboard: "tlqkf" is 시발 typed with the
/// input method off. A run converts only when every key falls into a complete syllable, so English words stay English.
/// </summary>
internal static class KeyboardHangul
{
    private const string Lower = "ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ";

    private static char Jamo(char key) => key switch
    {
        'Q' => 'ㅃ',
        'W' => 'ㅉ',
        'E' => 'ㄸ',
        'R' => 'ㄲ',
        'T' => 'ㅆ',
        'O' => 'ㅒ',
        'P' => 'ㅖ',
        _ => Lower[char.ToLowerInvariant(key) - 'a'],
    };

    /// <summary>Converts letters [start, end) of <paramref name="text"/>; each syllable comes with the index of its first key.</summary>
    public static bool TryConvert(ReadOnlySpan<char> keys, List<(char Syllable, int Offset, int Length)> output)
    {
        output.Clear();
        Span<char> jamo = keys.Length <= 256 ? stackalloc char[keys.Length] : new char[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            jamo[k] = Jamo(keys[k]);
        }

        var i = 0;
        while (i < jamo.Length)
        {
            var start = i;
            var lead = Hangul.Leads.IndexOf(jamo[i]);
            if (lead < 0 || i + 1 >= jamo.Length || !IsVowel(jamo[i + 1]))
            {
                return false;
            }

            var vowel = Hangul.Vowels.IndexOf(jamo[i + 1]);
            i += 2;
            if (i < jamo.Length && IsVowel(jamo[i]) && CompoundVowel(jamo[i - 1], jamo[i]) is var cv and >= 0)
            {
                vowel = cv;
                i++;
            }

            var tail = 0;
            if (i < jamo.Length && !IsVowel(jamo[i]) && !(i + 1 < jamo.Length && IsVowel(jamo[i + 1])))
            {
                var single = Hangul.Tails.IndexOf(jamo[i]);
                if (single > 0)
                {
                    tail = single;
                    i++;
                    if (i < jamo.Length && !IsVowel(jamo[i]) && !(i + 1 < jamo.Length && IsVowel(jamo[i + 1]))
                        && CompoundTail(jamo[i - 1], jamo[i]) is var ct and > 0)
                    {
                        tail = ct;
                        i++;
                    }
                }
            }

            output.Add((Hangul.Compose(lead, vowel, tail), start, i - start));
        }

        return output.Count > 0;
    }

    private static bool IsVowel(char jamo) => jamo is >= 'ㅏ' and <= 'ㅣ';

    private static int CompoundVowel(char first, char second) => (first, second) switch
    {
        ('ㅗ', 'ㅏ') => Hangul.Vowels.IndexOf('ㅘ'),
        ('ㅗ', 'ㅐ') => Hangul.Vowels.IndexOf('ㅙ'),
        ('ㅗ', 'ㅣ') => Hangul.Vowels.IndexOf('ㅚ'),
        ('ㅜ', 'ㅓ') => Hangul.Vowels.IndexOf('ㅝ'),
        ('ㅜ', 'ㅔ') => Hangul.Vowels.IndexOf('ㅞ'),
        ('ㅜ', 'ㅣ') => Hangul.Vowels.IndexOf('ㅟ'),
        ('ㅡ', 'ㅣ') => Hangul.Vowels.IndexOf('ㅢ'),
        _ => -1,
    };

    private static int CompoundTail(char first, char second) => (first, second) switch
    {
        ('ㄱ', 'ㅅ') => Hangul.Tails.IndexOf('ㄳ'),
        ('ㄴ', 'ㅈ') => Hangul.Tails.IndexOf('ㄵ'),
        ('ㄴ', 'ㅎ') => Hangul.Tails.IndexOf('ㄶ'),
        ('ㄹ', 'ㄱ') => Hangul.Tails.IndexOf('ㄺ'),
        ('ㄹ', 'ㅁ') => Hangul.Tails.IndexOf('ㄻ'),
        ('ㄹ', 'ㅂ') => Hangul.Tails.IndexOf('ㄼ'),
        ('ㄹ', 'ㅅ') => Hangul.Tails.IndexOf('ㄽ'),
        ('ㄹ', 'ㅌ') => Hangul.Tails.IndexOf('ㄾ'),
        ('ㄹ', 'ㅍ') => Hangul.Tails.IndexOf('ㄿ'),
        ('ㄹ', 'ㅎ') => Hangul.Tails.IndexOf('ㅀ'),
        ('ㅂ', 'ㅅ') => Hangul.Tails.IndexOf('ㅄ'),
        _ => -1,
    };
}

namespace Minwon.Core.Korean;

/// <summary>
/// Hangul syllable arithmetic (Unicode 15, section 3.12): composing and decomposing precomposed
/// syllables into leading consonant, vowel and optional trailing consonant, and mapping the
/// compatibility jamo that people type (ㅅㅂ) to the same units.
/// </summary>
public static class Hangul
{
    public const char SyllableFirst = '\uAC00';
    public const char SyllableLast = '\uD7A3';
    private const int VowelCount = 21;
    private const int TailCount = 28;

    /// <summary>Compatibility jamo for the 19 leading consonants, in syllable order.</summary>
    public const string Leads = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

    /// <summary>Compatibility jamo for the 21 vowels, in syllable order.</summary>
    public const string Vowels = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";

    /// <summary>Compatibility jamo for the 27 trailing consonants, in syllable order (index 0 is "none").</summary>
    public const string Tails = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";

    public static bool IsSyllable(char c) => c is >= SyllableFirst and <= SyllableLast;

    /// <summary>True for the compatibility jamo block (U+3131..U+318E) that keyboards produce.</summary>
    public static bool IsCompatibilityJamo(char c) => c is >= '\u3131' and <= '\u318E';

    public static bool IsHangul(char c) => IsSyllable(c) || IsCompatibilityJamo(c) || c is >= '\u1100' and <= '\u11FF';

    /// <summary>Splits a syllable into lead, vowel and tail indexes; returns false for anything else.</summary>
    public static bool TryDecompose(char syllable, out int lead, out int vowel, out int tail)
    {
        if (!IsSyllable(syllable))
        {
            lead = vowel = tail = -1;
            return false;
        }

        var index = syllable - SyllableFirst;
        lead = index / (VowelCount * TailCount);
        vowel = index % (VowelCount * TailCount) / TailCount;
        tail = index % TailCount;
        return true;
    }

    public static char Compose(int lead, int vowel, int tail = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lead);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lead, Leads.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(vowel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vowel, Vowels.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(tail);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(tail, TailCount);
        return (char)(SyllableFirst + (lead * VowelCount + vowel) * TailCount + tail);
    }

    /// <summary>True when the syllable has a trailing consonant (받침), which picks particle forms such as 은/는.</summary>
    public static bool HasTail(char syllable) => TryDecompose(syllable, out _, out _, out var tail) && tail != 0;

    /// <summary>The leading consonant as compatibility jamo (초성), or the character itself when it is not a syllable.</summary>
    public static char LeadOf(char c) => TryDecompose(c, out var lead, out _, out _) ? Leads[lead] : c;

    /// <summary>
    /// Writes each syllable as its compatibility jamo (강 → ㄱㅏㅇ) and copies everything else.
    /// Typo-tolerant matching works on this form, where one wrong key costs one edit, not a syllable.
    /// </summary>
    public static string ToJamo(ReadOnlySpan<char> text)
    {
        var buffer = new System.Text.StringBuilder(text.Length * 3);
        foreach (var c in text)
        {
            if (TryDecompose(c, out var lead, out var vowel, out var tail))
            {
                buffer.Append(Leads[lead]).Append(Vowels[vowel]);
                if (tail != 0)
                {
                    buffer.Append(Tails[tail]);
                }
            }
            else
            {
                buffer.Append(c);
            }
        }

        return buffer.ToString();
    }

    /// <summary>Writes each syllable as its leading consonant only (서울시청 → ㅅㅇㅅㅊ), the way people abbreviate.</summary>
    public static string ToLeads(ReadOnlySpan<char> text)
    {
        var buffer = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            buffer.Append(LeadOf(c));
        }

        return buffer.ToString();
    }
}

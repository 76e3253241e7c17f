using System.Text;
using System.Text.RegularExpressions;

namespace Minwon.Core.Speech;

/// <summary>
/// Rewrites identifiers in a sentence for text-to-speech so they are read digit by digit ("공 일 공, 일 이 삼 사, …"),
/// the way a counsellor reads a receipt or phone number, instead of as a quantity (espeak-ng says 01012345678 as
/// "일억 …"). Identifiers: digit groups joined by hyphens (2026-1206-000123, 010-1234-5678, 02-123-4567), a number
/// starting with 0 of 9 to 11 digits (01012345678), and any run of 7 or more digits. Counts, ordinals and amounts
/// ("3번째", "약 4분", "10,000원") are left for the engine.
/// </summary>
public static partial class SpokenIdentifiers
{
    private static readonly string[] Korean = ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"];
    private static readonly string[] English = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public static string ForSpeech(string text, string language = "ko")
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var words = language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Korean;
        return Identifier().Replace(text, m => ReadOut(m.Value, words));
    }

    /// <summary>One identifier as digit words: groups (split at hyphens, dots or spaces) separated by a comma pause.</summary>
    public static string ReadOut(string identifier, IReadOnlyList<string> words)
    {
        var builder = new StringBuilder();
        foreach (var group in identifier.Split(['-', '.', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.AppendJoin(' ', group.Where(char.IsAsciiDigit).Select(d => words[d - '0']));
        }

        return builder.ToString();
    }

    /// <summary>Digits of a phone number as spoken groups (010 1234 5678 → "공 일 공, 일 이 삼 사, 오 육 칠 팔").</summary>
    public static string PhoneNumber(string digits, string language = "ko")
    {
        var only = new string(digits.Where(char.IsAsciiDigit).ToArray());
        var groups = only.Length switch
        {
            11 => [only[..3], only[3..7], only[7..]],
            10 when only.StartsWith("02", StringComparison.Ordinal) => [only[..2], only[2..6], only[6..]],
            10 => [only[..3], only[3..6], only[6..]],
            9 when only.StartsWith("02", StringComparison.Ordinal) => [only[..2], only[2..5], only[5..]],
            _ => new[] { only },
        };
        return ReadOut(string.Join('-', groups), language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Korean);
    }

    [GeneratedRegex(@"(?<![\d,.])(?:\d+(?:-\d+)+|0\d{8,10}|\d{7,})(?![\d,])")]
    private static partial Regex Identifier();
}

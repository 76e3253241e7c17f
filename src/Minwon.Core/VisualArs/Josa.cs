using Minwon.Core.Korean;

namespace Minwon.Core.VisualArs;

/// <summary>
/// Attaches the right Korean particle to a label (주소를, 품목을, 연락처는, 희망일은), since labels are data and
/// "을(를)" reads like a machine. Labels ending in anything but Hangul keep the paired form.
/// </summary>
public static class Josa
{
    public static string Object(string word) => Attach(word, "을", "를");

    public static string Topic(string word) => Attach(word, "은", "는");

    public static string Subject(string word) => Attach(word, "이", "가");

    private static string Attach(string word, string afterConsonant, string afterVowel)
    {
        var last = word.TrimEnd().LastOrDefault();
        return Hangul.IsSyllable(last)
            ? word + (Hangul.HasTail(last) ? afterConsonant : afterVowel)
            : $"{word}{afterConsonant}({afterVowel})";
    }
}

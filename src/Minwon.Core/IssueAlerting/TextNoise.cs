namespace Minwon.Core.IssueAlerting;

/// <summary>Makes a template read like a real first message: greetings, dropped spaces, colloquial endings and typos.</summary>
internal static class TextNoise
{
    private static readonly string[] Openings = ["안녕하세요 ", "저기요 ", "문의드립니다 ", "네 ", "여보세요 ", "수고하세요 ", "급해요 "];
    private static readonly string[] Closings = [" ㅠㅠ", "!!", "??", " 빨리 좀요", " 확인 부탁드립니다", "...", " 감사합니다", " ㅡㅡ"];
    private static readonly (string From, string To)[] Typos =
    [
        ("요", "여"), ("어요", "어여"), ("돼", "되"), ("됐", "됬"), ("습니다", "슴다"), ("는데", "는대"), ("해주세요", "해주셈"),
        ("안나와", "안나와"), ("몇시", "몇 시"), ("있어요", "잇어요"), ("없어요", "업어요"), ("주세요", "주세용"),
    ];

    public static string Apply(string text, Random random)
    {
        if (random.NextDouble() < 0.3)
        {
            text = Openings[random.Next(Openings.Length)] + text;
        }

        if (random.NextDouble() < 0.3)
        {
            text += Closings[random.Next(Closings.Length)];
        }

        if (random.NextDouble() < 0.25)
        {
            var (from, to) = Typos[random.Next(Typos.Length)];
            var at = text.IndexOf(from, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
            }
        }

        if (random.NextDouble() < 0.08 && text.Length > 6)
        {
            var at = random.Next(1, text.Length - 1);
            text = text.Remove(at, 1);
        }

        if (random.NextDouble() < 0.3)
        {
            text = text.Replace(" ", "", StringComparison.Ordinal);
        }

        return text;
    }
}

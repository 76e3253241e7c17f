using System.Text;
using System.Text.Json;
using Minwon.Core.TextSafety;

namespace Minwon.Core.Tests.TextSafety;

/// <summary>Issue 13, session 9: the de-obfuscation mechanisms, each on its own.</summary>
public sealed class DeobfuscatorTests
{
    private static readonly AbuseDetector Detector = new();

    [Theory]
    [InlineData("tlqkf", "시발")]
    [InlineData("qudtls", "병신")]
    [InlineData("rotoRl", "개새끼")]
    [InlineData("wlfkf", "지랄")]
    [InlineData("Rjwu", "꺼져")]
    [InlineData("dkssudgktpdy", "안녕하세요")]
    public void Reads_latin_keys_on_the_korean_keyboard(string keys, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(keys).ToString());

    [Theory]
    [InlineData("sibal", "시발")]
    [InlineData("sae", "새")]
    [InlineData("byung", "븅")]
    [InlineData("jot", "좃")]
    [InlineData("ssibal", "씨발")]
    [InlineData("gaesaekki", "개새끼")]
    [InlineData("byeongsin", "병신")]
    public void Reads_romanised_syllables(string letters, string expected) =>
        Assert.Equal(expected, RomanizedHangul.TryRead(letters));

    [Theory]
    [InlineData("xyz")]
    [InlineData("str")]
    public void Refuses_letters_that_make_no_syllable(string letters) => Assert.Null(RomanizedHangul.TryRead(letters));

    [Theory]
    [InlineData("담당자가 byung신인가", "담당자가븅신인가")]
    [InlineData("개sae끼야", "개새끼야")]
    [InlineData("jot같은 행정", "좃같은행정")]
    [InlineData("c8 진짜", "씨팔진짜")]
    [InlineData("시8 진짜", "시팔진짜")]
    [InlineData("5시8분 도착", "5시8분도착")]
    [InlineData("18놈", "18놈")]
    [InlineData("hello 안녕", "hello안녕")]
    public void Normalises_latin_and_digits_inside_korean_words(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text).ToString());

    [Theory]
    [InlineData("ㄲㅈ 다른 사람 바꿔", "꺼져 다른 사람 바꿔")]
    [InlineData("ㅅㅂ 또 대기야", "시발 또 대기야")]
    [InlineData("ㄴㄱㅁ 상담원아", "느금마 상담원아")]
    [InlineData("ㅈ같네 이 동네", "좆같네 이 동네")]
    [InlineData("개 새 끼 야", "개새끼야")]
    [InlineData("s e x 한번", "sex 한번")]
    [InlineData("ㅅ ㅂ 뭐야", "시발 뭐야")]
    [InlineData("병.신 같은", "병신 같은")]
    [InlineData("시1발 뭐야", "시발 뭐야")]
    [InlineData("씨이이발 진짜", "씨발 진짜")]
    [InlineData("개sae끼야 끊지 마", "개새끼야 끊지 마")]
    [InlineData("ㅋㅋ ㄲㅈ", "ㅋㅋ 꺼져")]
    [InlineData("ㅠㅠ ㅅㅂ 또 대기야", "ㅠㅠ 시발 또 대기야")]
    public void Decodes_the_line_as_it_is_said(string text, string expected)
    {
        var surface = Deobfuscator.Decode(text, TextNormalizer.Normalize(text));
        Assert.NotNull(surface);
        Assert.Equal(expected, surface.Text);
    }

    [Theory]
    [InlineData("주차 단속 문의드립니다")]
    [InlineData("오늘 몇 시에 문 닫아요?")]
    [InlineData("ㄱㅅ 합니다")]
    [InlineData("2024-03-15 접수 1 2 3 번")]
    [InlineData("Where is the nearest health center?")]
    public void Leaves_an_ordinary_line_alone(string text) =>
        Assert.Null(Deobfuscator.Decode(text, TextNormalizer.Normalize(text)));

    [Fact]
    public void Maps_the_decoded_line_back_to_the_original()
    {
        const string text = "ㄲㅈ 좀";
        var surface = Deobfuscator.Decode(text, TextNormalizer.Normalize(text));
        Assert.NotNull(surface);
        Assert.Equal("꺼져 좀", surface.Text);
        Assert.Equal(0, surface.Starts[0]);
        Assert.Equal(2, surface.Ends[1]);
        Assert.Equal(3, surface.Starts[3]);
    }

    [Theory]
    [InlineData("담당자가 byung신인가 서류를 또 잃어버려")]
    [InlineData("개sae끼야 전화 끊지 마")]
    [InlineData("jot같은 행정 처리")]
    [InlineData("홈페이지 c8 로그인 왜 안 돼")]
    [InlineData("ㄲㅈ 다른 사람 바꿔")]
    [InlineData("ㄴㄱㅁ 상담원아")]
    [InlineData("너 쥭는다 진짜 기다려")]
    [InlineData("너 주거볼래?")]
    [InlineData("한 번 더 끊으면 디질 줄 알아")]
    [InlineData("개 새 끼 야 전화 받아")]
    [InlineData("ㅈ같네 이 동네 행정")]
    public void Flags_obfuscated_abuse(string text) => Assert.True(Detector.Classify(text).IsAbusive, text);

    [Theory]
    [InlineData("1956년 병신생 어머니 기초연금 신청하려고요")]
    [InlineData("갑자기 닥쳐온 한파에 보일러가 얼었어요")]
    [InlineData("발소리 죽여 다니는데도 아랫집이 계속 항의해요")]
    [InlineData("5시8분에 도착하는 버스 있나요")]
    [InlineData("ㄱㅅ 합니다 수고하세요")]
    public void Leaves_look_alikes_unflagged(string text) => Assert.False(Detector.Classify(text).IsAbusive, text);
    [Theory]
    [InlineData("시\u200B발 뭐야", "시발 뭐야")]
    [InlineData("개😀새😀끼", "개새끼")]
    [InlineData("ㅅ\u0000ㅂ", "시발")]
    public void Decodes_through_zero_width_emoji_and_control_characters(string text, string expected)
    {
        var surface = Deobfuscator.Decode(text, TextNormalizer.Normalize(text));
        Assert.NotNull(surface);
        Assert.Equal(expected, surface.Text);
        Assert.All(surface.Starts, start => Assert.InRange(start, 0, text.Length - 1));
        Assert.All(surface.Ends, end => Assert.InRange(end, 1, text.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000")]
    [InlineData("ㅋㅋㅋㅋㅋ")]
    [InlineData("ㅎㅎ 네")]
    [InlineData("0101234567")]
    [InlineData("😀😀😀")]
    [InlineData("\uD800\uDC00\uD800")]
    [InlineData("네 알겠습니다")]
    public void Leaves_empty_and_undisguised_lines_alone(string text) =>
        Assert.Null(Deobfuscator.Decode(text, TextNormalizer.Normalize(text)));

    [Fact]
    public void Decodes_a_one_megabyte_line_of_spaced_letters()
    {
        var text = string.Concat(Enumerable.Repeat("개 새 끼 ㅅㅂ 민원 ", 1_000_000 / 13));
        var surface = Deobfuscator.Decode(text, TextNormalizer.Normalize(text));
        Assert.NotNull(surface);
        Assert.StartsWith("개새끼 시발 민원 개새끼", surface.Text, StringComparison.Ordinal);
        Assert.Equal(surface.Text.Length, surface.Starts.Length);
        Assert.InRange(surface.Ends[^1], 1, text.Length);
    }

    /// <summary>Each bare consonant of a run used to rescan the rest of the run and of its word: quadratic in the run.</summary>
    [Theory]
    [InlineData("ㅅ")]
    [InlineData("ㅅ ")]
    [InlineData("ㅅ 가 ")]
    [InlineData("ㅈㅋ")]
    public void Decodes_a_one_megabyte_run_of_bare_consonants(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length)) + " 네요 ㅅㅂ";
        var surface = Deobfuscator.Decode(text, TextNormalizer.Normalize(text));
        Assert.NotNull(surface);
        Assert.EndsWith(" 네요 시발", surface.Text, StringComparison.Ordinal);
        Assert.Equal(surface.Text.Length, surface.Ends.Length);
    }

    [Fact]
    public void Refuses_a_run_longer_than_a_word() =>
        Assert.Null(RomanizedHangul.TryRead(string.Concat(Enumerable.Repeat("sa", 13))));

    /// <summary>
    /// The allocation-free check may only skip lines the full decoding leaves unchanged: every line of the evaluation and
    /// training sets, and random lines of jamo, Latin, digits, symbols, spaces and control characters.
    /// </summary>
    [Fact]
    public void The_quick_check_lets_through_every_line_the_decoding_changes()
    {
        var lines = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "eval", "text-safety")))
            {
                foreach (var folder in new[] { Path.Combine("eval", "text-safety"), Path.Combine("eval", "held-out", "text-safety"), Path.Combine("data-seed", "abuse-training") })
                {
                    foreach (var file in Directory.EnumerateFiles(Path.Combine(dir.FullName, folder), "*.jsonl", SearchOption.AllDirectories))
                    {
                        lines.AddRange(File.ReadLines(file).Where(l => l.Length > 0)
                            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString() ?? ""));
                    }
                }

                break;
            }
        }

        Assert.True(lines.Count > 10_000, $"{lines.Count} lines read");
        var random = new Random(20261207);
        const string alphabet = "가개새끼시발병신민원들이ㅅㅂㄲㅈㄴㄱㅁㅋㅎㅏabcsexzo0189 .-*,/\n\u200B\u0000\uD800\uDC00😀ａＳ";
        for (var k = 0; k < 20_000; k++)
        {
            var line = new StringBuilder();
            for (var c = random.Next(0, 24); c > 0; c--)
            {
                line.Append(alphabet[random.Next(alphabet.Length)]);
            }

            lines.Add(line.ToString());
        }

        var decoded = 0;
        foreach (var line in lines)
        {
            var normalized = TextNormalizer.Normalize(line);
            if (Deobfuscator.Build(line, normalized) is { } surface && normalized.Length > 0 && line.Any(Minwon.Core.Korean.Hangul.IsHangul))
            {
                decoded++;
                Assert.True(Deobfuscator.MayHoldDisguise(line, normalized), $"skipped \"{line}\" that decodes to \"{surface.Text}\"");
            }
        }

        Assert.True(decoded > 1_000, $"{decoded} lines decoded");
    }
}

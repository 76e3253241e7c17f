using Minwon.Server.Features.Knowledge;

namespace Minwon.Bench.Knowledge;

/// <summary>
/// Grows the labelled articles into a large base: each copy is moved to a district, gets a sentence from another
/// article and reshuffled keywords, the way a real base holds near-duplicates per district and per year.
/// </summary>
internal static class SyntheticArticles
{
    private static readonly string[] Districts =
    [
        "종로구", "중구", "용산구", "성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구", "은평구", "서대문구",
        "마포구", "양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구", "서초구", "강남구", "송파구", "강동구",
    ];

    private static readonly string[] Years = ["2022년", "2023년", "2024년", "2025년", "2026년"];

    public static IEnumerable<Article> Generate(IReadOnlyList<Article> seeds, int count, int seed = 120)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var source = seeds[i % seeds.Count];
            var other = seeds[random.Next(seeds.Count)];
            var district = Districts[random.Next(Districts.Length)];
            var year = Years[random.Next(Years.Length)];
            var sentences = source.Body.Split(". ", StringSplitOptions.RemoveEmptyEntries).OrderBy(_ => random.Next()).ToList();
            sentences.Insert(random.Next(sentences.Count + 1), other.Body.Split(". ")[0]);
            yield return new Article
            {
                Id = $"{source.Id}-{i}",
                Title = $"{district} {source.Title} ({year})",
                Body = $"{district} 안내입니다. " + string.Join(". ", sentences),
                Category = source.Category,
                Keywords = [.. source.Keywords.OrderBy(_ => random.Next()).Take(Math.Max(1, source.Keywords.Count - 1)), district],
                Questions = [.. source.Questions.Select(q => random.Next(2) == 0 ? q : $"{district} {q}")],
            };
        }
    }
}

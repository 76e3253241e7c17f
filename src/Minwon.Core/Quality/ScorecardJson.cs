using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Minwon.Core.Platform;

namespace Minwon.Core.Quality;

/// <summary>Reads, writes and validates scorecards as JSON; the default one ships inside this assembly.</summary>
public static class ScorecardJson
{
    public const int MaxItems = 100;
    public const int MaxPhrases = 200;
    public const int MaxPhraseLength = 60;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly Lazy<Scorecard> DefaultCard = new(() =>
        Parse(string.Join('\n', EmbeddedData.ReadLines("quality.default-scorecard.json"))));

    /// <summary>The shipped KSQI scorecard (docs/quality.md explains its items and weights).</summary>
    public static Scorecard Default => DefaultCard.Value;

    /// <summary>Parses and validates; throws <see cref="ScorecardException"/> with every problem found.</summary>
    public static Scorecard Parse(string json)
    {
        Scorecard? card;
        try
        {
            card = JsonSerializer.Deserialize<Scorecard>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScorecardException([$"JSON 형식 오류: {e.Message}"]);
        }

        if (card is null)
        {
            throw new ScorecardException(["평가표가 비어 있습니다."]);
        }

        var problems = Validate(card);
        return problems.Count > 0 ? throw new ScorecardException(problems) : card;
    }

    public static string Write(Scorecard card) => JsonSerializer.Serialize(card, Options);

    /// <summary>Every problem with the scorecard, in Korean for the administrator's editor; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(Scorecard card)
    {
        var problems = new List<string>();
        if (card.Version < 1)
        {
            problems.Add("버전은 1 이상이어야 합니다.");
        }

        if (card.Items.Count is 0 or > MaxItems)
        {
            problems.Add($"항목은 1~{MaxItems}개여야 합니다.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in card.Items)
        {
            ValidateItem(item, seen, problems);
        }

        foreach (var area in QualityAreas.All)
        {
            if (!card.ActiveItems.Any(i => i.Area == area && i.Weight > 0))
            {
                problems.Add($"{area.KoreanName()} 영역에 가중치가 있는 사용 항목이 하나 이상 있어야 합니다.");
            }
        }

        foreach (var (name, weight) in card.AreaWeights)
        {
            if (!QualityAreas.TryParse(name, out _))
            {
                problems.Add($"알 수 없는 영역 가중치: {name}");
            }
            else if (weight is < 0 or > 1000 || double.IsNaN(weight))
            {
                problems.Add($"영역 가중치 {name}는 0~1000이어야 합니다.");
            }
        }

        if (QualityAreas.All.Sum(card.AreaWeight) <= 0)
        {
            problems.Add("영역 가중치의 합이 0보다 커야 합니다.");
        }

        ValidateChannel("전화", card.Phone, problems);
        ValidateChannel("채팅", card.Chat, problems);
        if (card.MaxTransfers is < 0 or > 20)
        {
            problems.Add("허용 전환 횟수는 0~20이어야 합니다.");
        }

        return problems;
    }

    private static void ValidateItem(ScorecardItem item, HashSet<string> seen, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(item.Id) || item.Id.Length > 60 || !item.Id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
        {
            problems.Add($"항목 id '{item.Id}'는 영문 소문자, 숫자, _ 로 60자 이하여야 합니다.");
            return;
        }

        if (!seen.Add(item.Id))
        {
            problems.Add($"항목 id '{item.Id}'가 중복되었습니다.");
        }

        if (item.Weight is < 0 or > 1000 || double.IsNaN(item.Weight))
        {
            problems.Add($"항목 '{item.Id}'의 가중치는 0~1000이어야 합니다.");
        }

        if (item.Label.Length > 100)
        {
            problems.Add($"항목 '{item.Id}'의 이름은 100자 이하여야 합니다.");
        }

        if (item.Kind == ItemKind.BuiltIn)
        {
            if (!BuiltInItems.TryGet(item.Id, out var area))
            {
                problems.Add($"기본 항목 '{item.Id}'는 없습니다. 사용자 항목은 kind를 Forbidden 또는 Required로 지정하세요.");
            }
            else if (area != item.Area)
            {
                problems.Add($"기본 항목 '{item.Id}'는 {area.KoreanName()} 영역에만 속할 수 있습니다.");
            }

            return;
        }

        if (BuiltInItems.Catalogue.ContainsKey(item.Id))
        {
            problems.Add($"사용자 항목 id '{item.Id}'가 기본 항목과 같습니다.");
        }

        if (item.Phrases.Count is 0 or > MaxPhrases)
        {
            problems.Add($"사용자 항목 '{item.Id}'에는 표현이 1~{MaxPhrases}개 있어야 합니다.");
        }

        foreach (var phrase in item.Phrases)
        {
            if (phrase.Length > MaxPhraseLength || PhraseMatcher.Compact(phrase).Length == 0)
            {
                problems.Add($"사용자 항목 '{item.Id}'의 표현 '{phrase}'는 글자가 있어야 하고 {MaxPhraseLength}자 이하여야 합니다.");
            }
        }
    }

    private static void ValidateChannel(string name, ChannelSettings settings, List<string> problems)
    {
        double[] values = [settings.QueueTargetSeconds, settings.QueueLimitSeconds, settings.SilenceSeconds, settings.HoldLimitSeconds];
        if (values.Any(v => v is <= 0 or > 86_400 || double.IsNaN(v)))
        {
            problems.Add($"{name} 기준 시간은 0초보다 크고 하루 이하여야 합니다.");
        }
        else if (settings.QueueTargetSeconds > settings.QueueLimitSeconds)
        {
            problems.Add($"{name} 목표 연결 시간이 장시간 대기 기준보다 깁니다.");
        }
    }
}

/// <summary>A scorecard that cannot be used; <see cref="Problems"/> lists why, in Korean.</summary>
public sealed class ScorecardException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

using BenchmarkDotNet.Attributes;
using Minwon.Core.Knowledge;
using Minwon.Core.Korean;

namespace Minwon.Bench.Knowledge;

/// <summary>
/// The per-text cost of our Korean analysis (what indexing pays per article and search per query).
/// `dotnet run -c Release --project bench/Minwon.Bench -- --filter '*KoreanAnalysis*' --job short`
/// </summary>
[MemoryDiagnoser]
public class KoreanAnalysisBenchmarks
{
    private const string Query = "주차위반과태료어디서내요 고지서 잃어버렸는데 어케 내나요";

    private const string Body = "불법 주정차 과태료는 고지서의 가상계좌, 위택스(wetax.go.kr), 서울시 ETAX, 가까운 은행 ATM과 편의점에서 "
        + "낼 수 있습니다. 사전통지 기간 안에 자진 납부하면 20% 감경됩니다. 고지서를 잃어버렸다면 차량번호로 조회해 납부할 수 있습니다.";

    // A question in the words of session 11's loanword voices, and the longest question a search reads (512 characters).
    private const string LoanwordQuery = "불법 파킹한 차 리포트하려면 어디에 해요 디파짓도 안 돌려줘요";

    private static readonly string LongQuery = KoreanNormalizer.NormalizeQuery(string.Concat(Enumerable.Repeat("어제부터 골목에 물이 안 나와요 관리비는 냈는데 ", 40)));

    private static readonly SynonymExpander Synonyms = SynonymExpander.WithDefaults([]);

    [Benchmark]
    public int FoldLoanwordsOfQuery() => LoanwordFolding.Fold(LoanwordQuery).Length;

    [Benchmark]
    public int FoldLoanwordsOfLongQuery() => LoanwordFolding.Fold(LongQuery).Length;

    [Benchmark]
    public int ExpandQuery() => Synonyms.Expand(LoanwordQuery).Count;

    [Benchmark]
    public int NormalizeBody() => KoreanNormalizer.Normalize(Body).Length;

    [Benchmark]
    public int BigramsOfBody() => KoreanTokens.Bigrams(Body).Count;

    [Benchmark]
    public int StemsOfBody() => KoreanTokens.Stems(Body).Count;

    [Benchmark]
    public int JamoGramsOfQuery() => KoreanTokens.JamoGrams(Query).Count;

    [Benchmark]
    public int StemsOfQuery() => KoreanTokens.Stems(Query).Count;
}

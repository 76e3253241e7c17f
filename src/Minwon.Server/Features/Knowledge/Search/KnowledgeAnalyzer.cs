using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;
using Minwon.Core.Korean;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>Analysis per field by name suffix (see <see cref="KnowledgeFields"/>); the Korean logic itself lives in Minwon.Core.</summary>
public sealed class KnowledgeAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        if (fieldName.EndsWith("_w", StringComparison.Ordinal))
        {
            var standard = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(standard, new LowerCaseFilter(Version, standard));
        }

        Func<string, IReadOnlyList<KoreanToken>> view = fieldName switch
        {
            _ when fieldName.EndsWith("_s", StringComparison.Ordinal) => text => KoreanTokens.Stems(text),
            _ when fieldName.EndsWith("_j", StringComparison.Ordinal) => text => KoreanTokens.JamoGrams(text),
            _ when fieldName.EndsWith("_h", StringComparison.Ordinal) => KoreanTokens.HighlightGrams,
            _ => KoreanTokens.Bigrams,
        };
        return new TokenStreamComponents(new KoreanLuceneTokenizer(reader, view));
    }

    /// <summary>The terms <paramref name="text"/> yields in <paramref name="field"/>, as the index saw them.</summary>
    public IReadOnlyList<string> Terms(string field, string text)
    {
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

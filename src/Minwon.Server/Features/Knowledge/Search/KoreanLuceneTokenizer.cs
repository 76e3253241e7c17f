using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Minwon.Core.Korean;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>Feeds the terms of a Minwon.Core view (bigrams, stems or jamo grams) to Lucene, offsets included.</summary>
public sealed class KoreanLuceneTokenizer : Tokenizer
{
    private readonly Func<string, IReadOnlyList<KoreanToken>> view;
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private IReadOnlyList<KoreanToken> tokens = [];
    private int next;
    private int finalOffset;

    public KoreanLuceneTokenizer(TextReader input, Func<string, IReadOnlyList<KoreanToken>> view) : base(input)
    {
        this.view = view;
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        if (next >= tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        var token = tokens[next++];
        term.SetEmpty().Append(token.Term);
        offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        tokens = view(text);
        finalOffset = CorrectOffset(text.Length);
        next = 0;
    }

    public override void End()
    {
        base.End();
        offset.SetOffset(finalOffset, finalOffset);
    }
}

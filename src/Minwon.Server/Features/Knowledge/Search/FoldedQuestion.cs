namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>
/// A citizen's question as <see cref="KnowledgeQueryBuilder.Fold"/> gives it (normalised, cut, spoken and dialect
/// spellings and loanwords folded). <see cref="KnowledgeQueryBuilder.Build"/> and <see cref="ArticleQuestionModel.Rerank"/>
/// take only this type, so a raw question cannot reach them unfolded and it is folded once per search.
/// </summary>
public readonly struct FoldedQuestion
{
    private readonly string? text;

    internal FoldedQuestion(string text) => this.text = text;

    /// <summary>The folded text; empty for a default value.</summary>
    public string Text => text ?? "";

    public override string ToString() => Text;
}

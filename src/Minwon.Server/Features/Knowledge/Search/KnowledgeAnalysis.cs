namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>How an index analyses Korean: ours, or plain whitespace tokens (the baseline the evaluation compares with).</summary>
public enum KnowledgeAnalysis
{
    Korean,
    Whitespace,
}

using Lucene.Net.Search;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>One raw hit from the index; stored fields only when asked for.</summary>
public sealed record IndexHit(string Id, float Score, string? Title, string? Body, string? ShortAnswer, Query Query);

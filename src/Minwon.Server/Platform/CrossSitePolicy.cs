namespace Minwon.Server.Platform;

/// <summary>Which other sites may send a state-changing or real-time request to an endpoint (see <see cref="CrossSiteRequestGuard"/>).</summary>
public enum CrossSitePolicy
{
    /// <summary>The default: only pages served by Minwon itself.</summary>
    SameOrigin,

    /// <summary>Minwon's own pages and the city sites in Minwon:Chat:AllowedOrigins (the embedded citizen chat).</summary>
    EmbeddingSites,

    /// <summary>Any origin: the endpoint authenticates every call itself (an API key), never by cookie.</summary>
    AnyOrigin,
}

/// <summary>Endpoint metadata that widens <see cref="CrossSitePolicy.SameOrigin"/>.</summary>
public sealed record CrossSiteMetadata(CrossSitePolicy Policy);

public static class CrossSiteEndpointExtensions
{
    public static TBuilder AllowCrossSite<TBuilder>(this TBuilder builder, CrossSitePolicy policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CrossSiteMetadata(policy));
}

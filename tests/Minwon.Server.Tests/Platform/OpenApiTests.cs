using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Platform;

/// <summary>The OpenAPI document is the integrators' contract: every public endpoint is in it, nothing internal is.</summary>
public sealed partial class OpenApiTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_lists_every_api_endpoint_with_its_methods_and_no_sign_in_routes()
    {
        var app = await apps.GetAsync(Db.Sqlite);
        using var http = app.CreateDefaultClient();
        using var response = await http.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToHashSet();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => $"{method} {Constraint().Replace(e.RoutePattern.RawText!, "}").TrimEnd('/')}"))
            .ToHashSet();

        Assert.NotEmpty(mapped);
        Assert.Empty(mapped.Except(documented));
        Assert.DoesNotContain(documented, d => d.Contains("/account/", StringComparison.Ordinal) || d.Contains("/hubs/", StringComparison.Ordinal));
    }

    // Route constraints ({id:guid}) are not part of an OpenAPI path template ({id}).
    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}

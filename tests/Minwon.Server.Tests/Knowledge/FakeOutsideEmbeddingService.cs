using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>
/// FAKE of an outside embedding model: a real HTTP server on a free loopback port answering the OpenAI-compatible
/// <c>POST /v1/embeddings</c> ({model, input: string or [string], encoding_format float or base64}) with deterministic
/// vectors: one dimension per concept the test gives it (how many of the concept's cue words the text contains), plus one
/// more dimension set only for a text with no concept, so no vector is zero. It understands nothing; it stands at the seam where Minwon talks to
/// an embedding model run outside it, and can misbehave on demand.
/// </summary>
public sealed class FakeOutsideEmbeddingService : IAsyncDisposable
{
    private WebApplication app = null!;

    /// <summary>Each concept is a dimension; a text scores on it once for each cue it contains.</summary>
    public List<string[]> Concepts { get; } = [];

    /// <summary>(model, input count) of every request.</summary>
    public ConcurrentQueue<(string Model, int Inputs)> Requests { get; } = new();

    /// <summary>"ok", "slow" (no answer for a minute), "500", "malformed" (200 with a body that is not JSON) or "wrong-dimension".</summary>
    public string Mode { get; set; } = "ok";

    /// <summary>The API base, as Minwon's setting takes it (ends in /v1).</summary>
    public string Url { get; private set; } = "";

    public static async Task<FakeOutsideEmbeddingService> StartAsync()
    {
        var service = new FakeOutsideEmbeddingService();
        service.app = await LoopbackWebApp.StartAsync(app => app.MapPost("/v1/embeddings", (Delegate)service.EmbeddingsAsync));
        service.Url = service.app.Urls.Single() + "/v1";
        return service;
    }

    public float[] VectorOf(string text)
    {
        var vector = new float[Concepts.Count + 1];
        for (var i = 0; i < Concepts.Count; i++)
        {
            vector[i] = Concepts[i].Count(cue => text.Contains(cue, StringComparison.Ordinal));
        }

        vector[^1] = vector.Any(v => v > 0) ? 0 : 1;
        return vector;
    }

    private async Task<IResult> EmbeddingsAsync(HttpContext http)
    {
        using var doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var root = doc.RootElement;
        var inputs = root.GetProperty("input") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
            : [root.GetProperty("input").GetString() ?? ""];
        var model = root.GetProperty("model").GetString() ?? "";
        var base64 = root.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        Requests.Enqueue((model, inputs.Count));
        switch (Mode)
        {
            case "500":
                return Results.StatusCode(500);
            case "malformed":
                return Results.Content("{\"data\":[{\"embedding\":[0.1,", "application/json");
            case "slow":
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // Minwon gave up waiting, as it should.
                }

                return Results.Empty;
        }

        var data = inputs.Select((text, i) =>
        {
            var vector = VectorOf(text);
            if (Mode == "wrong-dimension")
            {
                vector = [.. vector, 1f, 1f];
            }

            object embedding = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index = i, embedding };
        }).ToList();
        return Results.Json(new { @object = "list", model, data, usage = new { prompt_tokens = inputs.Count, total_tokens = inputs.Count } });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

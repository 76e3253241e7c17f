using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Sms;

/// <summary>The SMS gateway's webhooks: inbound messages and delivery receipts, both with X-Api-Key = Minwon:Channels:Sms:ApiKey.</summary>
public static class SmsEndpoints
{
    public static RouteGroupBuilder MapSmsWebhooks(this RouteGroupBuilder channels)
    {
        var sms = channels.MapGroup("/sms").AllowAnonymous().AllowCrossSite(CrossSitePolicy.AnyOrigin);
        sms.MapPost("/inbound", async Task<Accepted<SmsAccepted>> (HttpContext http, ReceiveSms handler, IOptions<ChannelOptions> options, CancellationToken ct) =>
        {
            RequireKey(http, options);
            var result = await handler.HandleAsync(await ReceiveSms.ReadAsync<SmsInboundRequest>(http.Request, ct), ct);
            return TypedResults.Accepted((string?)null, new SmsAccepted(result.ToString().ToLowerInvariant()));
        }).Accepts<SmsInboundRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("An SMS/LMS/MMS from the gateway (X-Api-Key); the same messageId is stored once");

        sms.MapPost("/status", async Task<Accepted> (HttpContext http, SmsDeliveryReceipt handler, IOptions<ChannelOptions> options, CancellationToken ct) =>
        {
            RequireKey(http, options);
            await handler.HandleAsync(await ReceiveSms.ReadAsync<SmsStatusRequest>(http.Request, ct), ct);
            return TypedResults.Accepted((string?)null);
        }).Accepts<SmsStatusRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A delivery receipt for a reply Minwon sent (X-Api-Key)");
        return channels;
    }

    private static void RequireKey(HttpContext http, IOptions<ChannelOptions> options)
    {
        if (!Platform.SharedKey.Matches(options.Value.Sms.ApiKey, http.Request.Headers["X-Api-Key"].ToString()))
        {
            throw new ProblemException(StatusCodes.Status401Unauthorized, "API 키가 올바르지 않습니다.", "X-Api-Key가 Minwon:Channels:Sms:ApiKey와 맞지 않습니다.");
        }
    }
}

/// <param name="Result">stored, duplicate (stored before) or optedout.</param>
public sealed record SmsAccepted(string Result);

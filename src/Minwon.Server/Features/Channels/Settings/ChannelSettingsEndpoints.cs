using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Features.ChannelAdapters.Settings;

/// <summary>The channel settings screen's API, for administrators only (docs/channels.md, "Channel settings").</summary>
public static class ChannelSettingsEndpoints
{
    public static void Map(RouteGroupBuilder channels)
    {
        var settings = channels.MapGroup("/settings").RequireAuthorization(StaffRoles.AdminPolicy);
        settings.MapGet("", async Task<Ok<List<ChannelSettingsDto>>> (ChannelSettingsAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ReadAsync(ct)))
            .WithSummary("Every adapter's settings (secrets only as set or not), whether it is on, and its health");
        settings.MapGet("/{channel}", async Task<Ok<ChannelSettingsDto>> (string channel, ChannelSettingsAdmin admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ReadAsync(channel, ct)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One adapter's settings, state and health");
        settings.MapPut("/{channel}", async Task<Ok<ChannelSettingsDto>> (string channel, UpdateChannelSettingsRequest request, ChannelSettingsAdmin admin,
            HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.UpdateAsync(channel, request, http.User, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change settings (values) or take them back to the configuration (clear); written to the access log");
        settings.MapPost("/{channel}/test", async Task<Ok<ChannelTestSendResult>> (string channel, ChannelTestSendRequest request,
            ChannelSettingsAdmin admin, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await admin.TestSendAsync(channel, request, http.User, http.Connection.RemoteIpAddress?.ToString(), ct)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Send a test message through the adapter to the given number or address; the provider's answer is the result");
    }
}

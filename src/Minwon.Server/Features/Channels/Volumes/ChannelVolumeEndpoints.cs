using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.ChannelAdapters.Volumes;

/// <summary>Channel volumes for supervisors: today live (the wallboard's figures) and any day from the rollups (/analytics).</summary>
public static class ChannelVolumeEndpoints
{
    public static void Map(RouteGroupBuilder channels)
    {
        var volumes = channels.MapGroup("/volumes").RequireAuthorization(StaffRoles.SupervisorPolicy);
        volumes.MapGet("", async Task<Ok<ChannelVolumesView>> (ChannelVolumes query, CancellationToken ct) => TypedResults.Ok(await query.TodayAsync(ct)))
            .WithSummary("Today's inbound conversations per channel and hour (city time), with the service level where it applies");
        volumes.MapGet("/daily", async Task<Ok<ChannelVolumesView>> (string? date, ChannelVolumes query, CityClock clock, CancellationToken ct) =>
        {
            var day = clock.Today;
            if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                throw ProblemException.Invalid("date: yyyy-MM-dd 형식의 날짜여야 합니다.");
            }

            return TypedResults.Ok(await query.DayAsync(day, ct));
        }).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("One day's contacts per channel and hour from the analytics rollups (counted when each contact ends)");
    }
}

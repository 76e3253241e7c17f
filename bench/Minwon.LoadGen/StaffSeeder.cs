using System.Diagnostics;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.LoadGen;

/// <summary>
/// Creates the simulated counsellors in the fresh database before the server starts, through the server's own
/// <see cref="CreateStaffUser"/> (one CLI process per counsellor would take minutes on two cores).
/// </summary>
public static class StaffSeeder
{
    public const string Password = "loadgen-pass-2026";

    public static string UserName(int i) => $"lg{i:D4}";

    public static async Task<TimeSpan> SeedAsync(IReadOnlyList<string> hostArgs, int counsellors, int chatsPerCounsellor, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        // Hosted as the server runs (issue 17): the application is Minwon.Server, so its static asset manifest (copied
        // next to this program under the server's name) is found; the caller passes the server's folder as content root.
        await using var app = MinwonHost.Build([.. hostArgs, "--applicationName=Minwon.Server"], commandLine: true);
        await MinwonCli.PrepareDatabaseAsync(app.Services, ct);
        for (var i = 0; i < counsellors; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<CreateStaffUser>().HandleAsync(
                new StaffUserRequest(UserName(i), Password, StaffRoles.Counsellor, $"부하상담{i:D4}", CreateStaffUser.DefaultSkills,
                    chatsPerCounsellor), updateIfExists: false, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Seeding counsellor failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }
}

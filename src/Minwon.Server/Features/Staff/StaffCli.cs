using System.CommandLine;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Staff;

/// <summary>`minwon user add NAME --role counsellor|supervisor|admin [--password P] [--display-name N] [--skills S]`;
/// `minwon user unlock NAME`.</summary>
public static class StaffCli
{
    public static Command Create()
    {
        var user = new Command("user", "Staff accounts.");
        var add = new Command("add", "Create a staff account. The password is read from --password or MINWON_PASSWORD.");
        var name = new Argument<string>("username");
        var role = new Option<string>("--role") { Description = "counsellor, supervisor or admin", Required = true };
        var password = new Option<string?>("--password") { Description = "at least 10 characters; default: MINWON_PASSWORD" };
        var display = new Option<string?>("--display-name") { Description = "name shown to citizens and colleagues" };
        var skills = new Option<string?>("--skills") { Description = "routing skills, e.g. \"lang:ko=10,channel:chat=8,cat:교통=5\"" };
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(password);
        add.Options.Add(display);
        add.Options.Add(skills);
        add.SetAction(async (parse, ct) =>
        {
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("MINWON_PASSWORD");
            if (string.IsNullOrEmpty(secret))
            {
                await Console.Error.WriteLineAsync("minwon: give --password or set MINWON_PASSWORD.");
                return 2;
            }

            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var userName = parse.GetValue(name)!;
            var result = await scope.ServiceProvider.GetRequiredService<CreateStaffUser>().HandleAsync(
                new StaffUserRequest(userName, secret, parse.GetValue(role)!, parse.GetValue(display) ?? userName, parse.GetValue(skills)),
                updateIfExists: false, ct);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync("minwon: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                return 1;
            }

            await Console.Out.WriteLineAsync($"Created {parse.GetValue(role)} '{userName}'.");
            return 0;
        });
        user.Subcommands.Add(add);

        var unlock = new Command("unlock", "Lift an account's sign-in lockout (the running server's per-address waits expire by themselves; "
            + "POST /api/staff/NAME/unlock lifts those too).");
        var unlockName = new Argument<string>("username");
        unlock.Arguments.Add(unlockName);
        unlock.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var userName = parse.GetValue(unlockName)!;
            if (!await scope.ServiceProvider.GetRequiredService<UnlockStaff>().HandleAsync(userName))
            {
                await Console.Error.WriteLineAsync($"minwon: no account '{userName}'.");
                return 1;
            }

            await Console.Out.WriteLineAsync($"Unlocked '{userName}'.");
            return 0;
        });
        user.Subcommands.Add(unlock);
        return user;
    }
}

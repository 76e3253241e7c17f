using System.CommandLine;
using Minwon.Server.Features.IssueAlerting;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Demo;

/// <summary>`minwon demo seed` (demo staff and data) and `minwon demo generate` (traffic, owned by the issue alerter).</summary>
public static class DemoCli
{
    /// <summary>Demo logins, printed at start in Development. Never used outside a demo.</summary>
    public static readonly StaffUserRequest[] DemoStaff =
    [
        new("counsellor1", "minwon-demo-1", StaffRoles.Counsellor, "김민지", "lang:ko=10,channel:chat=9,channel:phone=8,cat:교통=8,cat:상하수도=6"),
        new("counsellor2", "minwon-demo-2", StaffRoles.Counsellor, "이준호", "lang:ko=10,lang:en=7,channel:chat=8,channel:phone=8,team:protection=7"),
        new("counsellor3", "minwon-demo-5", StaffRoles.Counsellor, "왕리 (Wang Li)", "lang:ko=8,lang:zh=10,lang:en=5,channel:chat=9"),
        new("counsellor4", "minwon-demo-6", StaffRoles.Counsellor, "응우옌 티 마이 (Nguyễn Thị Mai)", "lang:ko=8,lang:vi=10,channel:chat=9"),
        new("supervisor", "minwon-demo-3", StaffRoles.Supervisor, "박서연", "lang:ko=10,channel:chat=10,channel:phone=6,team:protection=9"),
        new("admin", "minwon-demo-4", StaffRoles.Admin, "관리자"),
        new("signer1", "minwon-demo-7", StaffRoles.Counsellor, "최수아", "lang:ko=10,sign:ksl=9,channel:video=9,channel:chat=7"),
        // An interpreter (issue 16): language skills and no channel skill, so the router offers them nothing; counsellors add them to chats.
        new("interpreter1", "minwon-demo-8", StaffRoles.Counsellor, "바트 (Bat-Erdene)", "lang:ko=8,lang:mn=10,lang:ru=9"),
    ];

    public static Command Create()
    {
        var demo = new Command("demo", "Demo data.");
        var seed = new Command("seed", "Create demo staff accounts and sample data (idempotent).");
        seed.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await SeedAsync(app.Services, ct);
            PrintLogins(Console.Out);
            return 0;
        });
        demo.Subcommands.Add(seed);
        demo.Subcommands.Add(IssueAlertingCli.CreateGenerateCommand());
        return demo;
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateStaffUser>();
        foreach (var staff in DemoStaff)
        {
            await create.HandleAsync(staff, updateIfExists: true, cancellationToken);
        }

        // Sample knowledge so the bot and the assistant have something to say in a demo; never over real articles.
        var db = scope.ServiceProvider.GetRequiredService<Data.MinwonDbContext>();
        var sample = Path.Combine(Reference.SeedReferenceData.SeedDirectory, "demo-knowledge.jsonl");
        if (File.Exists(sample) && !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Knowledge.Article>(), cancellationToken))
        {
            using var reader = new StreamReader(sample, System.Text.Encoding.UTF8);
            await scope.ServiceProvider.GetRequiredService<Knowledge.ImportArticles>().RunAsync(reader, cancellationToken);
        }

        // A few translated articles (issue 16), so a Chinese, Japanese or Vietnamese chat gets answers in a demo.
        var translations = Path.Combine(Reference.SeedReferenceData.SeedDirectory, "demo-knowledge-translations.jsonl");
        if (File.Exists(translations) && !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Languages.ArticleTranslation>(), cancellationToken)
            && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Set<Knowledge.Article>(), a => a.Id == "traffic-001", cancellationToken))
        {
            using var reader = new StreamReader(translations, System.Text.Encoding.UTF8);
            await scope.ServiceProvider.GetRequiredService<Languages.ImportTranslations>().RunAsync(reader, cancellationToken);
        }
    }

    public static void PrintLogins(TextWriter output)
    {
        output.WriteLine("Demo logins (user / password / role):");
        foreach (var staff in DemoStaff)
        {
            output.WriteLine($"  {staff.UserName} / {staff.Password} / {staff.Role}");
        }
    }
}

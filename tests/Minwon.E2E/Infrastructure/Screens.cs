using System.Text;
using Microsoft.Playwright;

namespace Minwon.E2E.Infrastructure;

/// <summary>
/// Pictures of the product for people who evaluate it before installing (issue 9 item 18): a test that reaches a screen
/// saves it into the repository's <c>docs/screens/</c> and keeps its one line in <c>docs/screens.md</c> current. A run of
/// only some tests rewrites only their pictures; the other lines stay. Viewport only (never the full page), at CSS pixel
/// scale, so the PNGs stay small: citizen pages on the 390×844 phone, staff pages on the 1440×860 desktop.
/// </summary>
public static class Screens
{
    private const string Header = """
        # Screens

        Every screen of Minwon as the browser suite (`tests/Minwon.E2E`) last saw it: citizen pages on a 390×844 phone,
        staff pages on a 1440×860 desktop, Korean locale, demo data of a fresh Development server. The pictures are
        written by the tests themselves (`Screens.CaptureAsync`), so they stay current: run the suite and commit
        `docs/screens/`. One line per screen.

        | screen | page | what it shows |
        |---|---|---|

        """;

    private static readonly Lock Gate = new();

    /// <summary>Screenshots other tests already take at the right moment (<see cref="E2EFixture.ScreenshotAsync"/>) that
    /// also go into the catalog: name → (page, one line).</summary>
    public static readonly IReadOnlyDictionary<string, (string Route, string Line)> Known = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["citizen-chat-phone"] = ("/chat (phone)", "A live chat: messages in order with times, the counsellor's name in the status line."),
        ["citizen-chat-closed-phone"] = ("/chat (phone)", "The chat after the counsellor closed it, with the new-chat button."),
        ["citizen-chat-english-phone"] = ("/chat?lang=en (phone)", "The chat in English."),
        ["citizen-closed-phone"] = ("/chat (phone)", "Outside opening hours: the refusal says when the center opens."),
        ["embed-phone"] = ("a city web site (phone)", "The chat embedded on a city site by one script tag (embed.js)."),
        ["knowledge-citizen-bot-phone"] = ("/chat (phone)", "The chatbot answers from the knowledge base and hands over to a counsellor on request."),
        ["issues-chat-greeting-phone"] = ("/chat (phone)", "The bot's greeting carries the notice of a current issue."),
        ["issues-ars-notice-phone"] = ("/ars (phone)", "The visual ARS with an issue notice on top."),
        ["protection-citizen-ended-phone"] = ("/chat (phone)", "A chat ended under the abuse protocol: three warnings, the closing notice, the status line."),
        ["webcall-notice"] = ("/call (phone)", "A web call: the recording notice is played and captioned."),
        ["webcall-ended"] = ("/call (phone)", "The web call after the citizen hung up."),
        ["webcall-microphone-refused"] = ("/call (phone)", "A refused microphone gets a clear message and starts no call."),
        ["login"] = ("/login (desktop)", "Staff sign-in."),
        ["desk-offer"] = ("/desk (desktop)", "A chat offered to the counsellor, to accept or decline."),
        ["desk-conversation"] = ("/desk (desktop)", "The counsellor desk in a conversation: list, chat, 상담도우미 and the case form."),
        ["desk-after-close"] = ("/desk (desktop)", "After closing: the case's receipt number."),
        ["desk-returning-citizen"] = ("/desk (desktop)", "A returning citizen: the earlier case is shown with the new chat."),
        ["desk-bot-messages"] = ("/desk (desktop)", "Bot messages carry a 챗봇 label and a bubble of their own."),
        ["knowledge-desk-assistant"] = ("/desk (desktop)", "상담도우미: the article with its passage highlighted, the answer inserted, the case form prefilled."),
        ["issues-desk-notice"] = ("/desk (desktop)", "The notice of a current issue on the desk."),
        ["protection-desk-blurred"] = ("/desk (desktop)", "An abusive message blurred, the protection bar with warnings and end."),
        ["protection-desk-rest"] = ("/desk (desktop)", "After a protective end the counsellor is on 보호 휴식."),
        ["softphone-ringing"] = ("/desk (desktop)", "The softphone rings with the caller's number."),
        ["softphone-talking"] = ("/desk (desktop)", "A call in progress: hold, transfer, keypad, live transcript."),
        ["softphone-case-recording"] = ("/desk (desktop)", "The closed call's case with its recording."),
        ["phone-desk"] = ("/desk (phone)", "The desk on a 390 px phone: the header navigation keeps its words."),
        ["wallboard"] = ("/wallboard (desktop)", "The live wallboard: queues with service level and each counsellor's state and connection."),
        ["wallboard-monitoring"] = ("/wallboard (desktop)", "A supervisor listening to a live call from the wallboard."),
        ["phone-wallboard"] = ("/wallboard (phone)", "The wallboard on a 390 px phone."),
        ["issues-supervisor-alert"] = ("/issues (desktop)", "An emerging issue by topic and district, with its drafted public notice."),
        ["protection-supervisor-incidents"] = ("/protection (desktop)", "Abuse incidents live, with the evidence download."),
        ["recordings-list"] = ("/recordings (desktop)", "Supervisors' list of call and video recordings (consent, retention date) with a video recording's parts playing in order."),
        ["quality-list"] = ("/quality (desktop)", "Every consultation scored (KSQI-style)."),
        ["quality-detail"] = ("/quality/scores/{id} (desktop)", "One score with its evidence per item."),
        ["quality-calibration"] = ("/quality/calibration (desktop)", "Calibration: scorer against supervisors."),
        ["quality-dispute"] = ("/quality/scores/{id} (desktop)", "A counsellor disputes one finding."),
    };

    /// <summary>Also writes the docs picture when <paramref name="name"/> is one of <see cref="Known"/>.</summary>
    public static Task CaptureKnownAsync(IPage page, string name) =>
        Known.TryGetValue(name, out var known) ? CaptureAsync(page, name, known.Route, known.Line) : Task.CompletedTask;

    public static string Directory { get; } = Path.Combine(Path.GetDirectoryName(RepoFiles.Find("docs/routing.md"))!, "screens");

    private static string Catalog => Path.Combine(Path.GetDirectoryName(Directory)!, "screens.md");

    /// <param name="name">File name without extension (kebab-case).</param>
    /// <param name="route">The page's address, and "(phone)" or "(desktop)".</param>
    /// <param name="line">One sentence: what a reader sees.</param>
    public static async Task CaptureAsync(IPage page, string name, string route, string line)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Directory, name + ".png"),
            FullPage = false,
            Scale = ScreenshotScale.Css,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
        lock (Gate)
        {
            var rows = Read();
            rows[name] = $"| [![{name}](screens/{name}.png)](screens/{name}.png) | {route} | {line.Replace("|", "/", StringComparison.Ordinal)} |";
            var text = new StringBuilder(Header);
            foreach (var row in rows.OrderBy(r => Order(r.Value)).ThenBy(r => r.Value.Split('|')[2], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
            {
                text.Append(row.Value).Append('\n');
            }

            File.WriteAllText(Catalog, text.ToString());
        }
    }

    // Citizen screens first (phone pages that are not staff pages), then staff: the order a city meets them in.
    private static int Order(string row)
    {
        var staff = new[] { "/desk", "/wallboard", "/login", "/issues", "/protection", "/quality", "/analytics", "/admin", "/recordings" };
        var route = row.Split('|')[2];
        return staff.Any(s => route.Contains(s, StringComparison.Ordinal)) ? 1 : 0;
    }

    private static Dictionary<string, string> Read()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(Catalog))
        {
            return rows;
        }

        foreach (var line in File.ReadAllLines(Catalog).Where(l => l.StartsWith("| [![", StringComparison.Ordinal)))
        {
            var name = line[5..line.IndexOf(']', StringComparison.Ordinal)];
            if (File.Exists(Path.Combine(Directory, name + ".png")))
            {
                rows[name] = line;
            }
        }

        return rows;
    }
}

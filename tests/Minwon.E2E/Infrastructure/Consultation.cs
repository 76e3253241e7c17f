using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Minwon.E2E.Infrastructure;

/// <summary>
/// A citizen on a phone and a counsellor at the desk, connected: the citizen queues first, then the counsellor
/// signs in, goes available and accepts. Disposing sends the counsellor offline so the next test starts clean.
/// </summary>
public sealed class Consultation : IAsyncDisposable
{
    private readonly IBrowserContext citizenContext;
    private readonly IBrowserContext staffContext;

    private Consultation(IBrowserContext citizenContext, IBrowserContext staffContext, CitizenChat citizen, StaffDesk desk, string name)
    {
        this.citizenContext = citizenContext;
        this.staffContext = staffContext;
        Citizen = citizen;
        Desk = desk;
        CitizenName = name;
    }

    public CitizenChat Citizen { get; }

    public StaffDesk Desk { get; }

    public string CitizenName { get; }

    public IBrowserContext CitizenContext => citizenContext;

    public static async Task<Consultation> ConnectAsync(E2EFixture fixture, string counsellor, string password, string topic,
        Uri? server = null)
    {
        var name = "시민" + Guid.NewGuid().ToString("N")[..6];
        var citizenContext = await fixture.CitizenAsync(server);
        var staffContext = await fixture.StaffAsync(server);
        var consultation = new Consultation(citizenContext, staffContext, new CitizenChat(await citizenContext.NewPageAsync()),
            new StaffDesk(await staffContext.NewPageAsync()), name);
        try
        {
            await consultation.Citizen.OpenAsync();
            await consultation.Citizen.StartAsync(name, topic);
            await Expect(consultation.Citizen.Status).ToContainTextAsync("대기 순번");
            await consultation.Desk.SignInAsync(counsellor, password);
            await consultation.Desk.GoAvailableAsync();
            await consultation.Desk.AcceptAsync(name);
            await Expect(consultation.Citizen.Status).ToContainTextAsync("상담사와 상담 중입니다");
            return consultation;
        }
        catch
        {
            await consultation.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Desk.Page.Url.EndsWith("/desk", StringComparison.Ordinal))
            {
                await Desk.GoOfflineAsync();
            }
        }
        catch (PlaywrightException)
        {
        }
        finally
        {
            await citizenContext.DisposeAsync();
            await staffContext.DisposeAsync();
        }
    }
}

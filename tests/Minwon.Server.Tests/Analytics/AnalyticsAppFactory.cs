using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Tests.Analytics;

/// <summary>
/// The real app with analytics workers off (tests run the rollup and sync passes themselves), an optional shared data
/// directory (to restart on the same database), a header-based test sign-in, and helpers that write closed contacts.
/// <paramref name="now"/>, when given, moves the app's clock to that instant (it keeps running from there), for tests
/// whose figures depend on the day of the week.
/// </summary>
public sealed class AnalyticsAppFactory(string? dataDir = null, DateTimeOffset? now = null) : SqliteAppFactory
{
    public const string RoleHeader = "X-Test-Role";

    public string Dir => dataDir ?? DataDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Minwon:DataDir", Dir);
        builder.UseSetting("Minwon:Analytics:Enabled", "false");
        builder.UseSetting("Minwon:Routing:Enabled", "false");
        builder.UseSetting("Minwon:Chatbot:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            if (now is { } start)
            {
                services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(start));
            }

            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAuthHandler>("Test", null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = "Test";
                o.DefaultAuthenticateScheme = "Test";
                o.DefaultChallengeScheme = "Test";
                o.DefaultForbidScheme = "Test";
            });
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>
    /// Writes one finished contact as the live flow leaves it: a conversation, and either a case with a CaseClosed
    /// event or, for an abandoned or bot-resolved contact, only its event.
    /// </summary>
    public async Task AddContactAsync(DateTimeOffset arrived, string channel, int? categoryId, string? districtCode,
        CaseDisposition? disposition, int? answerAfterSeconds = 10, int handleSeconds = 200, string? outcome = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var contact = new Contact { ExternalKey = $"test:{Guid.NewGuid():N}", CreatedAt = arrived };
        var queueId = await db.Set<ServiceQueue>().Where(q => q.IsDefault).Select(q => (int?)q.Id).FirstOrDefaultAsync();
        DateTimeOffset? answered = answerAfterSeconds is { } s ? arrived.AddSeconds(s) : null;
        var ended = answered?.AddSeconds(handleSeconds) ?? arrived.AddSeconds(30);
        var conversation = new Conversation
        {
            Token = $"t-{Guid.NewGuid():N}", ContactId = contact.Id, Channel = channel, QueueId = queueId,
            Status = outcome == "ConversationAbandoned" ? ConversationStatus.Abandoned : ConversationStatus.Closed,
            CreatedAt = arrived, FirstEnqueuedAt = arrived, EnqueuedAt = arrived, AnsweredAt = answered, EndedAt = ended, ClosedAt = ended,
        };
        db.AddRange(contact, conversation);
        if (disposition is { } d)
        {
            var record = new Case
            {
                ReceiptNumber = $"T-{Guid.NewGuid():N}"[..30], ContactId = contact.Id, ConversationId = conversation.Id, CategoryId = categoryId,
                DistrictCode = districtCode, Disposition = d, Channel = channel, CreatedAt = ended, ClosedAt = ended,
            };
            db.Add(record);
            db.Add(new EventLogEntry
            {
                Type = "CaseClosed", ConversationId = conversation.Id, CreatedAt = ended,
                Payload = JsonSerializer.Serialize(new { CaseId = record.Id, record.CategoryId, record.DistrictCode, Disposition = d.ToString(), Channel = channel }),
            });
        }
        else
        {
            db.Add(new EventLogEntry { Type = outcome ?? "ConversationAbandoned", ConversationId = conversation.Id, CreatedAt = ended, Payload = "{\"QueueId\":null}" });
        }

        // Noise the rollups must ignore.
        db.Add(new EventLogEntry { Type = "ConversationQueued", ConversationId = conversation.Id, CreatedAt = arrived, Payload = "{}" });
        await db.SaveChangesAsync();
    }

    public HttpClient Supervisor()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(RoleHeader, "supervisor");
        return client;
    }

    private sealed class HeaderAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RoleHeader, out var role))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "test"), new Claim(ClaimTypes.Name, "test"),
                new Claim(ClaimTypes.Role, role.ToString())], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}

/// <summary>System time moved to a chosen start; timers and delays run in real time.</summary>
internal sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}

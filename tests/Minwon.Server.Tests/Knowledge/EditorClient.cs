using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Staff;
using Minwon.Server.Tests.Testing;

namespace Minwon.Server.Tests.Knowledge;

/// <summary>A signed-in knowledge editor (supervisor): the knowledge API reads for staff and edits for supervisors and admins.</summary>
internal static class EditorClient
{
    private const string Password = "editor-password-1";

    public static async Task<HttpClient> CreateAsync(SqliteAppFactory factory)
    {
        var name = "kb-" + Guid.NewGuid().ToString("N")[..10];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<CreateStaffUser>().HandleAsync(
                new StaffUserRequest(name, Password, StaffRoles.Supervisor, name), updateIfExists: false, TestContext.Current.CancellationToken);
            Assert.True(created.Succeeded);
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await AppActors.SignInAsync(client, name, Password);
        return client;
    }
}

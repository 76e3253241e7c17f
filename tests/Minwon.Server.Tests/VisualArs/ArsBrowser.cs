using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Minwon.Server.Features.Staff;

namespace Minwon.Server.Tests.VisualArs;

/// <summary>A cookie-keeping client that reads forms like a browser: the antiforgery token comes from the page.</summary>
public sealed partial class ArsBrowser(HttpClient client) : IDisposable
{
    public HttpClient Http { get; } = client;

    public static ArsBrowser Open(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<(string Html, string Token)> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = Token().Match(html);
        return (html, token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : "");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, string token, IEnumerable<KeyValuePair<string, string>> fields,
        params (string Name, string FileName, byte[] Bytes)[] files)
    {
        HttpContent content;
        if (files.Length == 0)
        {
            content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        }
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var (name, fileName, bytes) in files)
            {
                multipart.Add(new ByteArrayContent(bytes), name, fileName);
            }

            content = multipart;
        }

        return await Http.PostAsync(url, content, TestContext.Current.CancellationToken);
    }

    /// <summary>Creates a staff account with the role and signs this client in.</summary>
    public async Task SignInAsync(WebApplicationFactory<Program> factory, string role)
    {
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CreateStaffUser>()
                .HandleAsync(new StaffUserRequest(name, "password-1234", role, name), false, TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        }

        var (_, token) = await GetPageAsync("/login");
        var response = await PostFormAsync("/account/login", token, [new("userName", name), new("password", "password-1234")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error", response.Headers.Location?.ToString());
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" (?:type=\"hidden\" )?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minwon.Core.VisualArs;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

/// <summary>`minwon ars export [--draft]` and `minwon ars import FILE.json [--publish]`.</summary>
public static class ArsCli
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var ars = new Command("ars", "Visual ARS menu: export and import as JSON.");
        var draft = new Option<bool>("--draft") { Description = "Export the draft instead of the published menu" };
        var export = new Command("export", "Write the menu as one JSON object on stdout.") { draft };
        export.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ArsMenuStore>();
            var menu = parse.GetValue(draft) ? await store.GetDraftAsync(ct) : (await store.GetPublishedAsync(ct)).Menu;
            await Console.Out.WriteLineAsync(ArsJson.Serialize(menu));
            return 0;
        });

        var file = new Argument<FileInfo>("FILE") { Description = "Menu JSON, as written by export (UTF-8)" };
        var publish = new Option<bool>("--publish") { Description = "Publish at once when the menu is sound" };
        var import = new Command("import", "Replace the draft with a menu from a JSON file; with --publish, publish it.") { file, publish };
        import.SetAction(async (parse, ct) =>
        {
            ArsMenu menu;
            try
            {
                menu = ArsJson.Deserialize(await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, System.Text.Encoding.UTF8, ct));
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                await Console.Error.WriteLineAsync($"cannot read the menu: {e.Message}");
                return 2;
            }

            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ArsMenuStore>();
            var problems = await store.SaveDraftAsync(menu, "cli", ct);
            int? version = null;
            if (parse.GetValue(publish) && problems.Count == 0)
            {
                version = await store.PublishDraftAsync("cli", ct);
            }

            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(
                new { imported = true, nodes = menu.Nodes.Count, forms = menu.Forms.Count, published = version is not null, version, problems }, Output));
            return problems.Count > 0 && parse.GetValue(publish) ? 1 : 0;
        });

        ars.Subcommands.Add(export);
        ars.Subcommands.Add(import);
        return ars;
    }
}

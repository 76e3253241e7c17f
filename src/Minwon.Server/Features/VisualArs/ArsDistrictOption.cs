using Minwon.Core.VisualArs;

namespace Minwon.Server.Features.VisualArs;

public sealed record ArsDistrictOption(string Code, string NameKo, string NameEn);

/// <summary>Renders a self-service form, again with the citizen's input and a message per field after a refusal.</summary>
public static class ArsFormPage
{
    public static void Render(ArsHtml h, ArsNode node, ArsFormDefinition form, IReadOnlyList<ArsDistrictOption> districts,
        IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string> errors, string antiforgeryField,
        string antiforgeryToken, string? chatNodeId)
    {
        static string E(string? s) => ArsHtml.E(s);
        h.Raw($"<h1>{E(form.Title(h.Language))}</h1>");
        if (errors.Count > 0)
        {
            h.Raw($"<div class=\"alert\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><p>{E(h.T("fixErrors"))}</p><ul>");
            foreach (var field in form.Fields.Where(f => errors.ContainsKey(f.Name)))
            {
                h.Raw($"<li><a href=\"#f-{E(field.Name)}\">{E(errors[field.Name])}</a></li>");
            }

            h.Raw("</ul>");
            if (form.Fields.Any(f => f.Type == ArsFieldType.Photo))
            {
                h.Raw($"<p>{E(h.T("reattach"))}</p>");
            }

            h.Raw("</div>");
        }

        var multipart = form.Fields.Any(f => f.Type == ArsFieldType.Photo) ? " enctype=\"multipart/form-data\"" : "";
        h.Raw($"<form method=\"post\" action=\"{E(h.U($"/ars/n/{Uri.EscapeDataString(node.Id)}"))}\"{multipart} class=\"fields\" novalidate>")
            .Raw($"<input type=\"hidden\" name=\"{E(antiforgeryField)}\" value=\"{E(antiforgeryToken)}\">");
        foreach (var field in form.Fields)
        {
            var id = "f-" + field.Name;
            var error = errors.GetValueOrDefault(field.Name);
            var value = values.GetValueOrDefault(field.Name) ?? "";
            var described = new List<string>();
            var hint = field.Hint(h.Language);
            if (hint.Length > 0)
            {
                described.Add(id + "-hint");
            }

            if (error is not null)
            {
                described.Add(id + "-error");
            }

            var aria = (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "")
                + (error is not null ? " aria-invalid=\"true\"" : "") + (field.Required ? " required aria-required=\"true\"" : "");
            var max = field.MaxLength is { } m ? $" maxlength=\"{m}\"" : "";
            h.Raw($"<div class=\"field{(error is not null ? " invalid" : "")}\"><label for=\"{id}\">{E(field.Label(h.Language))}")
                .Raw(field.Required ? $" <span class=\"req\">({E(h.T("required"))})</span>" : "").Raw("</label>");
            if (hint.Length > 0)
            {
                h.Raw($"<p class=\"hint\" id=\"{id}-hint\">{E(hint)}</p>");
            }

            if (error is not null)
            {
                h.Raw($"<p class=\"error\" id=\"{id}-error\">{E(error)}</p>");
            }

            h.Raw(field.Type switch
            {
                ArsFieldType.Textarea => $"<textarea id=\"{id}\" name=\"{E(field.Name)}\" rows=\"4\"{max}{aria}>{E(value)}</textarea>",
                ArsFieldType.Phone => $"<input id=\"{id}\" name=\"{E(field.Name)}\" type=\"tel\" inputmode=\"tel\" autocomplete=\"tel\" value=\"{E(value)}\"{max}{aria}>",
                ArsFieldType.Date => $"<input id=\"{id}\" name=\"{E(field.Name)}\" type=\"date\" value=\"{E(value)}\"{aria}>",
                ArsFieldType.Photo => $"<input id=\"{id}\" name=\"{E(field.Name)}\" type=\"file\" accept=\"image/jpeg,image/png,image/heic,image/webp\" capture=\"environment\"{aria}>",
                ArsFieldType.Select => Select(id, field.Name, field.Options.Select(o => (o.Value, o.Label(h.Language))), value, aria, h.T("choose")),
                ArsFieldType.District => Select(id, field.Name, districts.Select(d => (d.Code, h.Language == "en" ? d.NameEn : d.NameKo)), value, aria, h.T("choose")),
                ArsFieldType.VehiclePlate => $"<input id=\"{id}\" name=\"{E(field.Name)}\" autocapitalize=\"off\" value=\"{E(value)}\"{max}{aria}>",
                _ => $"<input id=\"{id}\" name=\"{E(field.Name)}\" value=\"{E(value)}\"{max}{aria}>",
            });
            h.Raw("</div>");
        }

        h.Raw($"<button type=\"submit\" class=\"primary\">{E(h.T("submit"))}</button>");
        if (chatNodeId is not null)
        {
            h.Raw($"<button type=\"submit\" class=\"secondary\" formnovalidate formenctype=\"application/x-www-form-urlencoded\" "
                + $"formaction=\"{E(h.U($"/ars/connect/{Uri.EscapeDataString(chatNodeId)}?from={Uri.EscapeDataString(node.Id)}"))}\">{E(h.T("askCounsellor"))}</button>");
        }

        h.Raw("</form>");
    }

    private static string Select(string id, string name, IEnumerable<(string Value, string Label)> options, string selected, string aria, string choose)
    {
        var html = new System.Text.StringBuilder($"<select id=\"{id}\" name=\"{ArsHtml.E(name)}\"{aria}><option value=\"\">{ArsHtml.E(choose)}</option>");
        foreach (var (value, label) in options)
        {
            html.Append($"<option value=\"{ArsHtml.E(value)}\"{(value == selected ? " selected" : "")}>{ArsHtml.E(label)}</option>");
        }

        return html.Append("</select>").ToString();
    }
}

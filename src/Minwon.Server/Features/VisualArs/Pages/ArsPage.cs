using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Minwon.Server.Features.VisualArs.Pages;

/// <summary>One component of a page's main area with its parameters (by name, as the component declares them).</summary>
public sealed record ArsPart(Type Component, IReadOnlyDictionary<string, object?> Parameters)
{
    public static ArsPart Of<TComponent>(params (string Name, object? Value)[] parameters) where TComponent : IComponent =>
        new(typeof(TComponent), parameters.ToDictionary(p => p.Name, p => p.Value));
}

/// <summary>
/// Renders a citizen page: <see cref="ArsLayout"/> around the given parts, statically on the server
/// (<see cref="RazorComponentResult"/>), so every value is HTML-encoded by the renderer and nothing stays in memory.
/// </summary>
public static class ArsPage
{
    public static RazorComponentResult Render(ArsUi ui, string title, IReadOnlyList<ArsNotice> notices,
        int status, params ArsPart[] parts)
    {
        RenderFragment content = builder =>
        {
            foreach (var part in parts)
            {
                builder.OpenComponent(0, part.Component);
                foreach (var (name, value) in part.Parameters)
                {
                    builder.AddComponentParameter(1, name, value);
                }

                builder.CloseComponent();
            }
        };
        return new RazorComponentResult<ArsLayout>(new Dictionary<string, object?>
        {
            [nameof(ArsLayout.Ui)] = ui,
            [nameof(ArsLayout.Title)] = title,
            [nameof(ArsLayout.Notices)] = notices,
            [nameof(ArsLayout.ChildContent)] = content,
        })
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
        };
    }
}

namespace Minwon.Server.Features.Languages;

/// <summary>The seam to a machine-translation service outside Minwon. Null means "no translation" (off, or it failed).</summary>
public interface ITranslator
{
    bool IsEnabled { get; }

    Task<string?> TranslateAsync(string text, string from, string to, CancellationToken ct);
}

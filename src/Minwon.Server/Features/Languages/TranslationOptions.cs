namespace Minwon.Server.Features.Languages;

/// <summary>
/// Machine translation (issue 16 item 2), off by default: "libretranslate" (POST {Url}/translate) or "openai" (an
/// OpenAI-compatible POST {Url}/v1/chat/completions) run by the installation. Every machine-translated text is labelled
/// for the citizen and the counsellor, and the original is kept beside it.
/// </summary>
public sealed class TranslationOptions
{
    public const string Section = "Minwon:Translation";

    /// <summary>"none" (default), "libretranslate" or "openai".</summary>
    public string Provider { get; set; } = "none";

    public string Url { get; set; } = "";

    public string ApiKey { get; set; } = "";

    /// <summary>The model name sent to an OpenAI-compatible endpoint.</summary>
    public string Model { get; set; } = "";

    public int TimeoutSeconds { get; set; } = 10;

    public bool IsEnabled => Provider is "libretranslate" or "openai" && Url.Length > 0;
}

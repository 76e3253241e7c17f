namespace Minwon.Server.Features.Chatbot;

/// <summary>Settings under "Minwon:Chatbot".</summary>
public sealed class ChatbotOptions
{
    public const string Section = "Minwon:Chatbot";

    /// <summary>When on, web chat starts with the bot; when off, every chat goes straight to the queue.</summary>
    public bool Enabled { get; set; } = true;

    public float MinScore { get; set; } = 4.0f;
    public float AmbiguityRatio { get; set; } = 0.92f;
    public int MissesBeforeHandoff { get; set; } = 2;
}

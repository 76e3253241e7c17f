using System.Threading.Channels;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Chatbot;

/// <summary>
/// Takes the bot's turns off the request path: a citizen's message is stored and pushed at once, and the bot
/// answers from this queue a moment later. One consumer keeps turns in arrival order.
/// </summary>
public sealed partial class ChatbotWorker(LiveBus bus, IServiceScopeFactory scopes, ILogger<ChatbotWorker> logger) : BackgroundService
{
    private readonly Channel<(Guid ConversationId, string Text)> turns =
        Channel.CreateBounded<(Guid, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Queues a bot turn, e.g. for the topic a citizen typed before the chat opened.</summary>
    public bool Enqueue(Guid conversationId, string text) => turns.Writer.TryWrite((conversationId, text));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Published += OnEventAsync;
        try
        {
            await foreach (var (conversationId, text) in turns.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ChatbotReply>().HandleAsync(conversationId, text, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTurnFailed(ex, conversationId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            bus.Published -= OnEventAsync;
        }
    }

    private Task OnEventAsync(LiveEvent e)
    {
        // Only conversations without a counsellor (AgentId null) can be the bot's; ChatbotReply re-checks the status.
        if (e is MessageAdded { AgentId: null, Message: { Sender: "citizen", Kind: "text" } } m)
        {
            turns.Writer.TryWrite((m.ConversationId, m.Message.Body));
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot turn failed for conversation {ConversationId}")]
    private partial void LogTurnFailed(Exception exception, Guid conversationId);
}

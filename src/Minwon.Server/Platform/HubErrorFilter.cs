using Microsoft.AspNetCore.SignalR;

namespace Minwon.Server.Platform;

/// <summary>
/// One place for what a hub method throws. A refusal (HubException, ProblemException) is the client's business: it
/// reaches the client with its message and is logged as one warning line without a stack trace (a flooding citizen
/// used to write hundreds of error traces). Anything else is a fault: logged as an error with its trace, and the client
/// gets a plain message without internals. SignalR's own "Failed to invoke hub method" error log is silenced in
/// MinwonHost because this filter logs every failure already.
/// </summary>
public sealed partial class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var hub = invocationContext.Hub.GetType().Name;
        var method = invocationContext.HubMethodName;
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(logger, hub, method, refused.Message);
            throw;
        }
        catch (ProblemException problem)
        {
            LogRefused(logger, hub, method, problem.Detail ?? problem.Title);
            throw new HubException(problem.Detail ?? problem.Title);
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception fault)
        {
            LogFailed(logger, hub, method, fault);
            throw new HubException("일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Hub}.{Method} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string hub, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Hub}.{Method} failed")]
    private static partial void LogFailed(ILogger logger, string hub, string method, Exception exception);
}

namespace Minwon.LoadGen;

/// <summary>Disposes a list of things in reverse order when the scope ends (servers, samplers), whatever was added by then.</summary>
public sealed class AsyncDisposables(IEnumerable<IAsyncDisposable> items) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var item in items.Reverse().ToList())
        {
            await item.DisposeAsync();
        }
    }
}

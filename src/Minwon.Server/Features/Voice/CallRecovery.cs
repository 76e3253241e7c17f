using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Leases;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// Calls whose node is gone. A call's media lives in the process that recorded its id (<see cref="NodeIdentity"/>) on the
/// call; that process holds the lease <c>node:&lt;id&gt;</c> while it lives (<see cref="NodeLease"/>). At start and every
/// few seconds after, any node that can take another node's lease knows that node died: it ends the dead node's calls
/// (their conversations move on as if the caller had hung up, the records are kept) and measures their recordings where
/// the files are reachable. The callers' connections died with that process. Recordings on a dead node's own disk are
/// measured when that node's data directory starts again.
/// </summary>
public sealed partial class CallRecovery(IServiceScopeFactory scopes, ILeases leases, NodeIdentity node, IOptions<MinwonOptions> minwon,
    IDataProtectionProvider protection, ILogger<CallRecovery> logger) : BackgroundService
{
    /// <summary>How often a node looks for calls of dead nodes; with the lease release, the bound on how long a dead node's call stays open.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Hang-up cause of calls ended when their node's data directory started again.</summary>
    public const string NodeRestart = "node-restart";

    /// <summary>Hang-up cause of calls ended by another node after their node died.</summary>
    public const string NodeLost = "node-lost";

    public async Task<int> RunAsync(string cause, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var open = await db.Set<Call>().AsNoTracking()
            .Where(c => c.State != CallState.Ended && c.State != CallState.Announced && c.NodeName != node.Id)
            .Select(c => new { c.Id, c.NodeName }).ToListAsync(ct);
        var records = scope.ServiceProvider.GetRequiredService<CallRecords>();
        var ended = 0;
        foreach (var calls in open.GroupBy(c => c.NodeName ?? ""))
        {
            // Held: that node lives (or another node is cleaning up after it right now).
            await using var lease = await leases.TryAcquireAsync(NodeLease.NameOf(calls.Key), ct);
            if (lease is null)
            {
                continue;
            }

            foreach (var call in calls)
            {
                await records.EndAsync(call.Id, cause, ct);
                ended++;
            }

            LogEnded(calls.Count(), cause);
        }

        if (cause == NodeRestart)
        {
            // Only at start: no recording of this process is being written yet, so an open one on this disk is a crash's.
            await MeasureRecordingsAsync(db, records, ct);
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await RunAsync(NodeLost, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogCheckFailed(ex);
            }
        }
    }

    /// <summary>Recordings left open by a crash whose call has ended and whose file is on this node's disk.</summary>
    private async Task MeasureRecordingsAsync(MinwonDbContext db, CallRecords records, CancellationToken ct)
    {
        var directory = Path.Combine(minwon.Value.ResolvedDataDir, "recordings");
        var open = await (from r in db.Set<CallRecording>().AsNoTracking()
                          join c in db.Set<Call>().AsNoTracking() on r.CallId equals c.Id
                          where r.EndedAt == null && c.State == CallState.Ended
                          select r).ToListAsync(ct);
        foreach (var recording in open.Where(r => File.Exists(Path.Combine(directory, r.FileName))))
        {
            var samples = await MeasureAsync(Path.Combine(directory, recording.FileName), recording, ct);
            await records.FinishRecordingAsync(recording.Id, samples * 1000 / Math.Max(1, recording.SampleRate), ct);
        }
    }

    private async Task<long> MeasureAsync(string path, CallRecording recording, CancellationToken ct)
    {
        try
        {
            var key = protection.CreateProtector(CallManager.RecordingKeyPurpose).Unprotect(Convert.FromBase64String(recording.ProtectedKey));
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            long bytes = 0;
            await foreach (var chunk in RecordingFile.ReadAsync(file, key, recording.Id, ct))
            {
                bytes += chunk.Length;
            }

            return bytes / 4;
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Security.Cryptography.CryptographicException or IOException)
        {
            LogUnreadable(recording.Id, ex.GetType().Name);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} calls of a node that stopped ({Cause})")]
    private partial void LogEnded(int count, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingId} could not be read after a crash ({Reason})")]
    private partial void LogUnreadable(Guid recordingId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for calls of stopped nodes failed; trying again")]
    private partial void LogCheckFailed(Exception exception);
}

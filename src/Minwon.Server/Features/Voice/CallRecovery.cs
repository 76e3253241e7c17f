using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;
using Minwon.Server.Features.Voice.Recording;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Voice;

/// <summary>
/// At start, before the AudioSocket listener accepts anything: calls this node left unfinished (the process was
/// killed) are ended with cause node-restart, their conversations move on as if the caller had hung up, and their
/// recordings are measured up to the last whole chunk on disk. The callers' connections died with the process.
/// </summary>
public sealed partial class CallRecovery(IServiceScopeFactory scopes, IOptions<VoiceOptions> options, IOptions<MinwonOptions> minwon,
    IDataProtectionProvider protection, ILogger<CallRecovery> logger)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        var node = options.Value.NodeName;
        var orphans = await db.Set<Call>().AsNoTracking()
            .Where(c => c.NodeName == node && c.State != CallState.Ended && c.State != CallState.Announced)
            .Select(c => c.Id).ToListAsync(ct);
        var records = scope.ServiceProvider.GetRequiredService<CallRecords>();
        var directory = Path.Combine(minwon.Value.ResolvedDataDir, "recordings");
        foreach (var callId in orphans)
        {
            foreach (var recording in await db.Set<CallRecording>().AsNoTracking().Where(r => r.CallId == callId && r.EndedAt == null).ToListAsync(ct))
            {
                var samples = await MeasureAsync(Path.Combine(directory, recording.FileName), recording, ct);
                await records.FinishRecordingAsync(recording.Id, samples * 1000 / Math.Max(1, recording.SampleRate), ct);
            }

            await records.EndAsync(callId, "node-restart", ct);
        }

        if (orphans.Count > 0)
        {
            LogRecovered(orphans.Count);
        }

        return orphans.Count;
    }

    private async Task<long> MeasureAsync(string path, CallRecording recording, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} calls left unfinished when this node stopped last time")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {RecordingId} could not be read after a crash ({Reason})")]
    private partial void LogUnreadable(Guid recordingId, string reason);
}

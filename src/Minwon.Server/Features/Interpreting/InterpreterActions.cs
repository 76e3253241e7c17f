using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Interpreting.Events;
using Minwon.Server.Features.Languages;
using Minwon.Server.Features.Routing;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Interpreting;

/// <param name="InterpreterId">The staff member to add (a user id).</param>
/// <param name="Language">The language to interpret; empty: the conversation's language.</param>
public sealed record AddInterpreterRequest(string? InterpreterId, string? Language);

public sealed record InterpreterDto(Guid Id, string InterpreterId, string Name, string Language, string AddedBy, DateTimeOffset AddedAt,
    DateTimeOffset? LeftAt, string? LeftReason);

/// <summary>A staff member who may interpret a language: holds its "lang:" skill.</summary>
public sealed record InterpreterCandidate(string UserId, string Name, int Proficiency);

/// <summary>
/// The three-way interpreter join (issue 16): the counsellor holding a conversation adds a colleague with the language
/// skill, who then sees it on their desk and writes into it; the citizen is told in their own language when the interpreter
/// joins and leaves. Each change is one transaction guarded by the conversation's concurrency token, with its event.
/// </summary>
public sealed class InterpreterActions(MinwonDbContext db, ConversationJournal journal, EventLog events, TimeProvider clock, LiveBus bus,
    TextSafety.TextGuard guard)
{
    public const string InterpreterSuffix = " · 통역";

    public async Task<InterpreterDto> AddAsync(Guid conversationId, string counsellorId, AddInterpreterRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.InterpreterId) || request.InterpreterId.Length > 64)
        {
            throw ProblemException.Invalid("통역할 직원을 선택하세요.");
        }

        if (request.InterpreterId == counsellorId)
        {
            throw ProblemException.Invalid("상담 중인 본인은 통역사로 추가할 수 없습니다.");
        }

        var (join, messages) = await journal.WriteAsync(async ct =>
        {
            var conversation = await journal.LoadForWriteAsync(conversationId, ct) ?? throw ProblemException.NotFound();
            if (conversation.Status != ConversationStatus.Assigned || conversation.AssignedToId != counsellorId)
            {
                throw ProblemException.Conflict("내가 상담 중인 대화에만 통역사를 추가할 수 있습니다.");
            }

            var language = string.IsNullOrWhiteSpace(request.Language) ? conversation.Language : CitizenLanguages.Normalize(request.Language);
            if (language == "ko")
            {
                throw ProblemException.Invalid("통역할 언어를 고르세요 (한국어가 아닌 언어).");
            }

            var interpreter = await db.Set<AgentProfile>().AsNoTracking().FirstOrDefaultAsync(a => a.UserId == request.InterpreterId, ct)
                ?? throw ProblemException.Invalid("그런 직원이 없습니다.");
            if (!interpreter.SkillMap().ContainsKey(CitizenLanguages.Skill(language)))
            {
                throw ProblemException.Invalid($"{interpreter.DisplayName} 님에게는 '{CitizenLanguages.Skill(language)}' 언어 능력이 없습니다.");
            }

            if (await db.Set<ConversationInterpreter>().AnyAsync(i => i.ConversationId == conversationId && i.InterpreterId == interpreter.UserId
                    && i.LeftAt == null, ct))
            {
                throw ProblemException.Conflict("이미 이 대화에 참여한 통역사입니다.");
            }

            var from = conversation.LastSeq;
            var row = new ConversationInterpreter
            {
                ConversationId = conversationId,
                InterpreterId = interpreter.UserId,
                InterpreterName = interpreter.DisplayName,
                Language = language,
                AddedBy = counsellorId,
                AddedAt = clock.GetUtcNow(),
            };
            db.Add(row);
            // In the citizen's language (the conversation's), from the editable resource files.
            journal.AppendEvent(conversation, CitizenText.Get(conversation.Language, "interpreterJoined", ("name", interpreter.DisplayName)));
            journal.Record(new InterpreterJoined(row.Id, row.InterpreterId, language, counsellorId), conversation);
            await db.SaveChangesAsync(ct);
            return (row, await journal.ReadAfterAsync(conversationId, from, ct));
        }, cancellationToken);
        await PublishAsync(conversationId, counsellorId, join.InterpreterId, messages);
        return ToDto(join);
    }

    /// <summary>The counsellor removes an interpreter, or the interpreter leaves.</summary>
    public async Task RemoveAsync(Guid conversationId, Guid joinId, string userId, CancellationToken cancellationToken)
    {
        var (join, assignedTo, messages) = await journal.WriteAsync(async ct =>
        {
            var conversation = await journal.LoadForWriteAsync(conversationId, ct) ?? throw ProblemException.NotFound();
            var row = await db.Set<ConversationInterpreter>().FirstOrDefaultAsync(i => i.Id == joinId && i.ConversationId == conversationId, ct);
            var counsellor = conversation.AssignedToId == userId && conversation.Status == ConversationStatus.Assigned;
            if (row is null || !counsellor && row.InterpreterId != userId)
            {
                throw ProblemException.NotFound();
            }

            if (!row.Active)
            {
                throw ProblemException.Conflict("이미 대화에서 나간 통역사입니다.");
            }

            var from = conversation.LastSeq;
            var reason = row.InterpreterId == userId ? "left" : "removed";
            row.Leave(userId, reason, clock.GetUtcNow());
            if (conversation.Status == ConversationStatus.Assigned)
            {
                journal.AppendEvent(conversation, CitizenText.Get(conversation.Language, "interpreterLeft", ("name", row.InterpreterName)));
            }

            journal.Record(new InterpreterLeft(row.Id, row.InterpreterId, userId, reason), conversation);
            await db.SaveChangesAsync(ct);
            return (row, conversation.AssignedToId, await journal.ReadAfterAsync(conversationId, from, ct));
        }, cancellationToken);
        await PublishAsync(conversationId, assignedTo, join.InterpreterId, messages);
    }

    /// <summary>The interpreter writes into the conversation: masked and stored like a counsellor's message, and sent to the citizen.</summary>
    public async Task<MessageDto> PostAsync(Guid conversationId, string interpreterId, PostMessageRequest request, CancellationToken cancellationToken)
    {
        var body = PostMessage.Validate(request);
        var safe = guard.Inspect(body, checkAbuse: false);
        var clientId = request.ClientMessageId switch
        {
            null or "" => null,
            { Length: <= 64 } id => id,
            _ => throw ProblemException.Invalid("clientMessageId는 64자 이하여야 합니다."),
        };
        var (message, isNew, assignedTo) = await journal.WriteAsync(async ct =>
        {
            var conversation = await journal.LoadForWriteAsync(conversationId, ct) ?? throw ProblemException.NotFound();
            var join = await db.Set<ConversationInterpreter>().AsNoTracking()
                .FirstOrDefaultAsync(i => i.ConversationId == conversationId && i.InterpreterId == interpreterId && i.LeftAt == null, ct);
            if (join is null)
            {
                // The end closes open joins through the event consumer a moment later ("ended"), so an interpreter writing
                // just after the end hears the same 409 before and after that; a removed interpreter, or anyone else,
                // learns nothing about the conversation.
                var endedWithIt = conversation.Status != ConversationStatus.Assigned && await db.Set<ConversationInterpreter>()
                    .AnyAsync(i => i.ConversationId == conversationId && i.InterpreterId == interpreterId && i.LeftReason == "ended", ct);
                throw endedWithIt ? ProblemException.Conflict("종료된 상담에는 메시지를 보낼 수 없습니다.") : ProblemException.NotFound();
            }

            if (conversation.Status != ConversationStatus.Assigned)
            {
                throw ProblemException.Conflict("종료된 상담에는 메시지를 보낼 수 없습니다.");
            }

            if (clientId is not null && await db.Set<Message>().AsNoTracking()
                    .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.ClientMessageId == clientId, ct) is { } existing)
            {
                return (existing.ToDto(), false, conversation.AssignedToId);
            }

            var stored = journal.Append(conversation, MessageKind.Text, MessageSender.Agent, body, interpreterId,
                join.InterpreterName + InterpreterSuffix, clientId, safe);
            await db.SaveChangesAsync(ct);
            return (stored.ToDto(), true, conversation.AssignedToId);
        }, cancellationToken);
        if (isNew)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, message, assignedTo));
        }

        return message;
    }

    /// <summary>Interpreters still in a conversation that is no longer assigned (ended, transferred, requeued) leave it. Idempotent.</summary>
    public async Task<int> LeaveEndedAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var left = await journal.WriteAsync(async ct =>
        {
            var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, ct);
            if (conversation is null || conversation.Status == ConversationStatus.Assigned)
            {
                return [];
            }

            var rows = await db.Set<ConversationInterpreter>().Where(i => i.ConversationId == conversationId && i.LeftAt == null).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.Leave(null, "ended", clock.GetUtcNow());
                events.Append(new InterpreterLeft(row.Id, row.InterpreterId, null, "ended"), conversationId);
            }

            await db.SaveChangesAsync(ct);
            return rows;
        }, cancellationToken);
        foreach (var row in left)
        {
            await bus.PublishAsync(new ConversationChanged(conversationId, row.InterpreterId));
        }

        return left.Count;
    }

    public async Task<List<InterpreterDto>> ListAsync(Guid conversationId, CancellationToken ct) =>
        (await db.Set<ConversationInterpreter>().AsNoTracking().Where(i => i.ConversationId == conversationId)
            .OrderBy(i => i.AddedAt).ToListAsync(ct)).Select(ToDto).ToList();

    /// <summary>Staff with the language's skill, the counsellor themself left out, best first.</summary>
    public async Task<List<InterpreterCandidate>> CandidatesAsync(string language, string exceptUserId, CancellationToken ct)
    {
        var skill = CitizenLanguages.Skill(language);
        var profiles = await db.Set<AgentProfile>().AsNoTracking().Where(a => a.Skills.Contains(skill) && a.UserId != exceptUserId).ToListAsync(ct);
        return profiles.Select(a => (a, p: a.SkillMap().GetValueOrDefault(skill)))
            .Where(x => x.a.SkillMap().ContainsKey(skill))
            .OrderByDescending(x => x.p).ThenBy(x => x.a.DisplayName, StringComparer.Ordinal)
            .Select(x => new InterpreterCandidate(x.a.UserId, x.a.DisplayName, x.p)).ToList();
    }

    public static InterpreterDto ToDto(ConversationInterpreter i) =>
        new(i.Id, i.InterpreterId, i.InterpreterName, i.Language, i.AddedBy, i.AddedAt, i.LeftAt, i.LeftReason);

    private async Task PublishAsync(Guid conversationId, string? counsellorId, string interpreterId, IEnumerable<MessageDto> messages)
    {
        foreach (var m in messages)
        {
            await bus.PublishAsync(new MessageAdded(conversationId, m, counsellorId));
        }

        await bus.PublishAsync(new ConversationChanged(conversationId, counsellorId));
        await bus.PublishAsync(new ConversationChanged(conversationId, interpreterId));
    }
}

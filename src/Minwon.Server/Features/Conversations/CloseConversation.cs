using Microsoft.EntityFrameworkCore;
using Minwon.Core.Conversations;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Reference;
using Minwon.Server.Platform;
using Minwon.Server.Platform.Events;

namespace Minwon.Server.Features.Conversations;

public sealed record CaseForm(int? CategoryId, string? DistrictCode, string? Summary, CaseDisposition Disposition);

/// <summary>
/// Files the case (민원 기록) for a consultation and closes it. An assigned chat is ended first, so one click
/// on the desk both says goodbye and records the case.
/// </summary>
public sealed class CloseConversation(MinwonDbContext db, ConversationJournal journal, TimeProvider clock, CityClock cityClock, LiveBus bus,
    AgentActions actions, TextSafety.TextGuard guard)
{
    public async Task<Case> HandleAsync(Guid conversationId, string agentId, CaseForm form, CancellationToken cancellationToken)
    {
        // Case records are searched and exported for years: personal data typed into the summary is masked too.
        var summary = guard.Mask(form.Summary?.Trim() ?? "");
        if (summary.Length > Case.MaxSummaryLength)
        {
            throw ProblemException.Invalid($"요약은 {Case.MaxSummaryLength:N0}자 이하여야 합니다.");
        }

        if (form.CategoryId is { } categoryId && !await db.Set<Category>().AnyAsync(c => c.Id == categoryId, cancellationToken))
        {
            throw ProblemException.Invalid("분류가 올바르지 않습니다.");
        }

        if (form.DistrictCode is { Length: > 0 } district && !await db.Set<District>().AnyAsync(d => d.Code == district, cancellationToken))
        {
            throw ProblemException.Invalid("자치구 코드가 올바르지 않습니다.");
        }

        var current = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken)
            ?? throw ProblemException.NotFound();
        if (current.Status == ConversationStatus.Assigned && current.AssignedToId == agentId)
        {
            await actions.EndAsync(conversationId, agentId, null, cancellationToken);
        }

        var created = await journal.WriteAsync(async ct =>
        {
            var conversation = (await journal.LoadForWriteAsync(conversationId, ct) ?? throw new InvalidOperationException("The conversation is gone."));
            if (conversation.Status != ConversationStatus.WrapUp || conversation.AssignedToId != agentId)
            {
                throw ProblemException.Conflict("마무리 중인 내 상담만 종결할 수 있습니다.");
            }

            var now = clock.GetUtcNow();
            var record = new Case
            {
                ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), ct),
                ContactId = conversation.ContactId,
                ConversationId = conversation.Id,
                CategoryId = form.CategoryId,
                DistrictCode = string.IsNullOrEmpty(form.DistrictCode) ? null : form.DistrictCode,
                Summary = summary,
                Disposition = form.Disposition,
                Channel = conversation.Channel,
                CreatedById = agentId,
                CreatedAt = now,
                ClosedAt = now,
            };
            db.Add(record);
            conversation.Close(now);
            journal.Record(new Cases.Events.CaseClosed(record.Id, record.CategoryId, record.DistrictCode, record.Disposition, conversation.Channel), conversation);
            await actions.TouchIdleAsync(agentId, ct);
            await db.SaveChangesAsync(ct);
            return record;
        }, cancellationToken);

        await bus.PublishAsync(new ConversationChanged(conversationId, agentId));
        await bus.PublishAsync(new AgentChanged(agentId));
        return created;
    }
}

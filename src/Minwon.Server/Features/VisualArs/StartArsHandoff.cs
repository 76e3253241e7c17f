using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;

namespace Minwon.Server.Features.VisualArs;

public sealed record ArsHandoffForm(string FormId, string Title, IReadOnlyList<ArsHandoffField> Fields);

/// <param name="Href">A staff-only download (attached photo), when the value is a file.</param>
public sealed record ArsHandoffField(string Label, string Value, string? Href = null);

/// <summary>
/// "Connect to a counsellor": opens a web chat through the conversations feature and stores what the citizen
/// already did (menu path, form answers, receipt) against the conversation, for the counsellor's desk.
/// </summary>
public sealed class StartArsHandoff(MinwonDbContext db, StartChat startChat, ArsMenuStore menus, TimeProvider clock)
{
    /// <param name="formNodeId">The form page the citizen left for a counsellor, with what they had typed.</param>
    public async Task<StartChatResponse> HandleAsync(string nodeId, string language, string sessionId, string? callId,
        string? formNodeId, IReadOnlyDictionary<string, string?>? typed, CancellationToken cancellationToken)
    {
        var (_, menu) = await menus.GetPublishedAsync(cancellationToken);
        var node = menu.Find(nodeId) ?? throw Platform.ProblemException.NotFound("메뉴를 찾을 수 없습니다.");
        var path = await ArsSessionTrail.LabelsAsync(db, menu, sessionId, cancellationToken);
        var last = await db.Set<ArsSubmission>().AsNoTracking().Where(s => s.SessionId == sessionId)
            .OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var form = await DescribeFormAsync(menu, formNodeId, typed, last, cancellationToken);
        var topic = "보이는 ARS: " + (path.Count > 0 ? string.Join(" > ", path.TakeLast(3)) : node.LabelKo);
        var started = await startChat.HandleAsync(new StartChatRequest(language, null, null, topic, Counsellor: true), cancellationToken);
        var now = clock.GetUtcNow();
        db.Add(new ArsHandoff
        {
            ConversationId = started.ConversationId,
            PathJson = JsonSerializer.Serialize(path, ArsJson.Options),
            FormJson = form is null ? null : JsonSerializer.Serialize(form, ArsJson.Options),
            ReceiptNumber = formNodeId is null ? last?.ReceiptNumber : null,
            CallId = callId,
            CreatedAt = now,
        });
        db.Add(new ArsVisit { SessionId = sessionId, NodeId = node.Id, Kind = ArsVisitKind.Handoff, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return started;
    }

    private async Task<ArsHandoffForm?> DescribeFormAsync(ArsMenu menu, string? formNodeId, IReadOnlyDictionary<string, string?>? typed,
        ArsSubmission? last, CancellationToken cancellationToken)
    {
        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.NameKo, cancellationToken);
        if (formNodeId is not null && typed is not null && menu.FindForm(menu.Find(formNodeId)?.FormId) is { } draft)
        {
            var fields = draft.Fields.Where(f => f.Type != ArsFieldType.Photo)
                .Select(f => (f, v: typed.GetValueOrDefault(f.Name)?.Trim()))
                .Where(x => !string.IsNullOrEmpty(x.v))
                .Select(x => new ArsHandoffField(x.f.LabelKo, Clip(SubmitArsForm.DisplayValue(x.f, x.v!, districts))))
                .ToList();
            return new ArsHandoffForm(draft.Id, draft.TitleKo + " (작성 중)", fields);
        }

        if (last is not null && menu.FindForm(last.FormId) is { } filed)
        {
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(last.DataJson, ArsJson.Options) ?? [];
            var fields = filed.Fields.Where(f => data.ContainsKey(f.Name))
                .Select(f => f.Type == ArsFieldType.Photo
                    ? new ArsHandoffField(f.LabelKo, "사진 내려받기", $"/api/ars/uploads/{data[f.Name]}")
                    : new ArsHandoffField(f.LabelKo, SubmitArsForm.DisplayValue(f, data[f.Name], districts))).ToList();
            return new ArsHandoffForm(filed.Id, $"{filed.TitleKo} (접수 {last.ReceiptNumber})", fields);
        }

        return null;
    }

    private static string Clip(string value) => value.Length <= 500 ? value : value[..500];
}

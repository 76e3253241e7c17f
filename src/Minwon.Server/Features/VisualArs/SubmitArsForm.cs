using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minwon.Core.Korean;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Features.Cases;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Reference;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

public sealed record ArsSubmitRequest(string NodeId, IReadOnlyDictionary<string, string?> Values, IFormFileCollection Files,
    string SessionId, string? CallId);

/// <summary>Either the filed submission, or the field errors to show with the citizen's input kept.</summary>
public sealed record ArsSubmitResult(ArsSubmission? Submission, IReadOnlyDictionary<string, string> Errors);

/// <summary>A citizen files a self-service form: validated on the server, then a case (SelfService or callback) with a receipt number.</summary>
public sealed class SubmitArsForm(MinwonDbContext db, ArsMenuStore menus, ArsUploadStore uploads, TimeProvider clock, CityClock cityClock,
    Platform.Events.EventLog events)
{
    public async Task<ArsSubmitResult> HandleAsync(ArsSubmitRequest request, CancellationToken cancellationToken)
    {
        var (_, menu) = await menus.GetPublishedAsync(cancellationToken);
        var node = menu.Find(request.NodeId);
        var form = menu.FindForm(node?.FormId) ?? throw Platform.ProblemException.NotFound("양식을 찾을 수 없습니다.");
        var errors = new Dictionary<string, string>();
        var photos = new Dictionary<string, IFormFile>();
        foreach (var field in form.Fields.Where(f => f.Type == ArsFieldType.Photo))
        {
            if (request.Files.GetFile(field.Name) is { Length: > 0 } file)
            {
                if (await uploads.CheckAsync(file, field.LabelKo, cancellationToken) is { } problem)
                {
                    errors[field.Name] = problem;
                }
                else
                {
                    photos[field.Name] = file;
                }
            }
        }

        var districts = await db.Set<District>().AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.NameKo, cancellationToken);
        var now = clock.GetUtcNow();
        var today = cityClock.DayOf(now);
        var answers = ArsFormValidator.Validate(form, request.Values, districts.Keys.ToHashSet(), photos.Keys.ToHashSet(), today);
        foreach (var (name, message) in answers.Errors)
        {
            errors.TryAdd(name, message);
        }

        if (errors.Count > 0)
        {
            return new ArsSubmitResult(null, errors);
        }

        var data = new Dictionary<string, string>(answers.Values);
        foreach (var (name, file) in photos)
        {
            data[name] = (await uploads.SaveAsync(file, cancellationToken)).Id.ToString();
        }

        await db.SaveChangesAsync(cancellationToken);
        var categoryId = await db.Set<Category>().Where(c => c.Major == form.CategoryMajor && c.Minor == form.CategoryMinor)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var summary = Summarize(menu, node!, form, data, districts);
        if (form.Disposition == "CallbackNeeded")
        {
            // A callback is a hand-off too: the counsellor who calls back sees where the citizen got stuck.
            var trail = await ArsSessionTrail.LabelsAsync(db, menu, request.SessionId, cancellationToken);
            if (trail.Count > 0)
            {
                summary = Clip($"{summary}\n거쳐 온 메뉴: {string.Join(" > ", trail)}");
            }
        }
        var district = form.Fields.FirstOrDefault(f => f.Type == ArsFieldType.District) is { } df ? data.GetValueOrDefault(df.Name) : null;
        for (var attempt = 1; ; attempt++)
        {
            // Two citizens filing in the same instant may draw the same receipt number; the unique index refuses
            // the second, which then draws the next one.
            db.ChangeTracker.Clear();
            var submission = await CreateAsync(node!, form, data, summary, categoryId, district, request, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new ArsSubmitResult(submission, errors);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                await Task.Delay(Random.Shared.Next(2, 20 * attempt), cancellationToken);
            }
        }
    }

    private async Task<ArsSubmission> CreateAsync(ArsNode node, ArsFormDefinition form, Dictionary<string, string> data, string summary,
        int? categoryId, string? district, ArsSubmitRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var contact = new Contact { ExternalKey = "ars:" + StartChat.NewSecret(18), CreatedAt = now };
        db.Add(contact);
        var record = new Case
        {
            ReceiptNumber = await ReceiptNumbers.NextAsync(db, cityClock.DayOf(now), cancellationToken),
            ContactId = contact.Id,
            CategoryId = categoryId,
            DistrictCode = district,
            Summary = summary,
            Disposition = form.Disposition == "CallbackNeeded" ? CaseDisposition.CallbackNeeded : CaseDisposition.SelfService,
            Channel = "ars",
            CreatedAt = now,
        };
        db.Add(record);
        var submission = new ArsSubmission
        {
            CaseId = record.Id,
            ReceiptNumber = record.ReceiptNumber,
            FormId = form.Id,
            NodeId = node.Id,
            DataJson = JsonSerializer.Serialize(data, ArsJson.Options),
            PhoneLast4 = KoreanPhone.LastFour(data.GetValueOrDefault(form.PhoneField) ?? ""),
            LookupToken = StartChat.NewSecret(24),
            SessionId = request.SessionId,
            CallId = request.CallId,
            CreatedAt = now,
        };
        db.Add(submission);
        db.Add(new ArsVisit { SessionId = request.SessionId, NodeId = node.Id, Kind = ArsVisitKind.Complete, At = now });
        // Saved with the case: the analytics rollups count the receipt (접수) from the event log.
        events.Append(new Events.ArsFormFiled(record.Id, record.CategoryId, record.DistrictCode, record.Disposition, form.Id));
        return submission;
    }

    /// <summary>The case summary a counsellor reads: the path, then one line per answer.</summary>
    public static string Summarize(ArsMenu menu, ArsNode node, ArsFormDefinition form, IReadOnlyDictionary<string, string> data,
        IReadOnlyDictionary<string, string> districts)
    {
        var text = new StringBuilder();
        text.Append("[보이는 ARS] ").AppendLine(string.Join(" > ", menu.PathTo(node.Id).Skip(1).Select(n => n.LabelKo).DefaultIfEmpty(form.TitleKo)));
        foreach (var field in form.Fields)
        {
            if (data.TryGetValue(field.Name, out var value))
            {
                text.Append(field.LabelKo).Append(": ").AppendLine(DisplayValue(field, value, districts));
            }
        }

        return Clip(text.ToString().TrimEnd());
    }

    private static string Clip(string summary) => summary.Length <= Case.MaxSummaryLength ? summary : summary[..Case.MaxSummaryLength];

    public static string DisplayValue(ArsFormField field, string value, IReadOnlyDictionary<string, string> districts) => field.Type switch
    {
        ArsFieldType.District => districts.GetValueOrDefault(value, value),
        ArsFieldType.Select => field.Options.FirstOrDefault(o => o.Value == value)?.LabelKo ?? value,
        ArsFieldType.Photo => "사진 첨부 (" + value + ")",
        _ => value,
    };
}

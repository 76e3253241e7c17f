using System.CommandLine;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;
using Minwon.Server.Features.Conversations;
using Minwon.Server.Features.Staff;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Assistant;

public sealed record FeedbackRequest(Guid ConversationId, string ArticleId, bool Useful);

public sealed record KnowledgeQualityReport(List<string> NeverUsedArticles, List<ArticleUse> MostUsed, List<ArticleUse> OftenNotUseful,
    List<UnansweredQuestion> Unanswered);

public sealed record ArticleUse(string ArticleId, int Used, int NotUseful);

public static class AssistantEndpoints
{
    public static WebApplicationBuilder AddAssistant(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CategoryClassifier>();
        builder.Services.AddScoped<AssistantSuggestions>();
        builder.Services.AddScoped<PrefillCaseForm>();
        builder.Services.AddScoped<TrainCategoryModel>();
        builder.Services.AddScoped<RecordFeedback>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAssistant(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/assistant").WithTags("Assistant").RequireAuthorization(StaffRoles.StaffPolicy);
        group.MapGet("/conversations/{id:guid}", async Task<Results<Ok<AssistantView>, NotFound>> (Guid id, ClaimsPrincipal user,
            MinwonDbContext db, AssistantSuggestions assistant, CancellationToken ct) =>
        {
            var conversation = await db.Set<Conversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (conversation is null || !await db.CanViewAsync(user, conversation, ct))
            {
                return TypedResults.NotFound();
            }

            return TypedResults.Ok(await assistant.SuggestAsync(id, ct));
        }).WithSummary("Articles, category and case-form suggestions for a conversation");
        group.MapPost("/feedback", async Task<NoContent> (FeedbackRequest request, ClaimsPrincipal user, RecordFeedback record,
            CancellationToken ct) =>
        {
            await record.HandleAsync(request.ConversationId, request.ArticleId, user.Id(), request.Useful, ct);
            return TypedResults.NoContent();
        }).WithSummary("Record that a suggested article was used, or not useful");
        app.MapGet("/api/assistant/report", async Task<Ok<KnowledgeQualityReport>> (MinwonDbContext db, CancellationToken ct) =>
        {
            var uses = await db.Set<AssistantFeedback>().AsNoTracking().GroupBy(f => f.ArticleId)
                .Select(g => new ArticleUse(g.Key, g.Count(f => f.Useful), g.Count(f => !f.Useful))).ToListAsync(ct);
            var used = uses.Select(u => u.ArticleId).ToHashSet();
            var never = await db.Set<Knowledge.Article>().AsNoTracking().Select(a => a.Id).ToListAsync(ct);
            var unanswered = await db.Set<UnansweredQuestion>().AsNoTracking().OrderByDescending(q => q.CreatedAt).Take(200).ToListAsync(ct);
            return TypedResults.Ok(new KnowledgeQualityReport(never.Where(id => !used.Contains(id)).Take(500).ToList(),
                uses.OrderByDescending(u => u.Used).Take(50).ToList(),
                uses.Where(u => u.NotUseful > u.Used).OrderByDescending(u => u.NotUseful).Take(50).ToList(), unanswered));
        }).WithTags("Assistant").RequireAuthorization(StaffRoles.SupervisorPolicy).WithSummary("Knowledge-quality report");
        return app;
    }

    /// <summary>`minwon train`: retrains the category classifier from closed cases.</summary>
    public static Command CreateTrainCommand()
    {
        var train = new Command("train", "Retrain the case-category classifier (ML.NET) from closed cases.");
        train.SetAction(async (parse, ct) =>
        {
            await using var app = await MinwonCli.OpenAsync(parse, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<TrainCategoryModel>().HandleAsync(ct);
            if (report is null)
            {
                await Console.Error.WriteLineAsync($"minwon: need at least {TrainCategoryModel.MinimumExamples} closed cases with a category in two or more categories.");
                return 1;
            }

            await Console.Out.WriteLineAsync($"Trained on {report.Examples} cases in {report.Categories} categories: held-out micro accuracy {report.MicroAccuracy:P1}, macro {report.MacroAccuracy:P1}.");
            return 0;
        });
        return train;
    }
}

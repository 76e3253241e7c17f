using System.Text.Json.Serialization;

namespace Minwon.Server.Features.Knowledge;

/// <summary>
/// An article as the API and the JSON Lines files carry it:
/// {"id","title","body","category","keywords":[...],"questions":[...]} plus optional shortAnswer, department, validFrom, validUntil.
/// </summary>
public sealed record ArticleInput
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 1000;
    public const int MaxBodyLength = 200_000;
    public const int MaxListItems = 200;
    public const int MaxCategoryLength = 100;
    public const int MaxShortAnswerLength = 1000;

    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("body")] public string? Body { get; init; }
    [JsonPropertyName("category")] public string? Category { get; init; }
    [JsonPropertyName("keywords")] public List<string>? Keywords { get; init; }
    [JsonPropertyName("questions")] public List<string>? Questions { get; init; }
    [JsonPropertyName("shortAnswer")] public string? ShortAnswer { get; init; }
    [JsonPropertyName("department")] public string? Department { get; init; }
    [JsonPropertyName("validFrom")] public DateTimeOffset? ValidFrom { get; init; }
    [JsonPropertyName("validUntil")] public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Problems that stop this input from being saved, keyed by field; empty when valid.</summary>
    public Dictionary<string, string[]> Validate(bool requireId)
    {
        var errors = new Dictionary<string, string[]>();
        if (requireId && string.IsNullOrWhiteSpace(Id))
        {
            errors["id"] = ["id is required"];
        }
        else if (Id is { Length: > MaxIdLength })
        {
            errors["id"] = [$"id is longer than {MaxIdLength} characters"];
        }
        else if (Id is not null && Id.Any(char.IsControl))
        {
            errors["id"] = ["id contains control characters"];
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["title is required"];
        }
        else if (Title.Length > MaxTitleLength)
        {
            errors["title"] = [$"title is longer than {MaxTitleLength} characters"];
        }

        if (Body is { Length: > MaxBodyLength })
        {
            errors["body"] = [$"body is longer than {MaxBodyLength} characters"];
        }

        if (Category is { Length: > MaxCategoryLength })
        {
            errors["category"] = [$"category is longer than {MaxCategoryLength} characters"];
        }

        if (Department is { Length: > MaxCategoryLength })
        {
            errors["department"] = [$"department is longer than {MaxCategoryLength} characters"];
        }

        if (ShortAnswer is { Length: > MaxShortAnswerLength })
        {
            errors["shortAnswer"] = [$"shortAnswer is longer than {MaxShortAnswerLength} characters"];
        }

        if (Keywords is { Count: > MaxListItems } || Keywords?.Any(k => k is null) == true)
        {
            errors["keywords"] = [$"keywords must be at most {MaxListItems} strings"];
        }

        if (Questions is { Count: > MaxListItems } || Questions?.Any(q => q is null) == true)
        {
            errors["questions"] = [$"questions must be at most {MaxListItems} strings"];
        }

        if (ValidFrom is { } from && ValidUntil is { } until && until < from)
        {
            errors["validUntil"] = ["validUntil is before validFrom"];
        }

        return errors;
    }
}

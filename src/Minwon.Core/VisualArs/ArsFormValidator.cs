using System.Globalization;
using System.Text.RegularExpressions;
using Minwon.Core.Korean;

namespace Minwon.Core.VisualArs;

/// <summary>
/// Validates a citizen's answers to a self-service form. The server is the judge (the browser's checks are a
/// courtesy); every message says what to fix, in Korean.
/// </summary>
public static class ArsFormValidator
{
    public const int DefaultMaxLength = 200;

    /// <param name="districtCodes">Valid district codes (the 25 자치구).</param>
    /// <param name="photosProvided">Names of photo fields for which a file was received and accepted.</param>
    public static ArsFormAnswers Validate(ArsFormDefinition form, IReadOnlyDictionary<string, string?> input,
        IReadOnlySet<string> districtCodes, IReadOnlySet<string> photosProvided, DateOnly today)
    {
        var values = new Dictionary<string, string>();
        var errors = new Dictionary<string, string>();
        foreach (var field in form.Fields)
        {
            var label = field.LabelKo;
            if (field.Type == ArsFieldType.Photo)
            {
                if (field.Required && !photosProvided.Contains(field.Name))
                {
                    errors[field.Name] = $"{Josa.Object(label)} 첨부해 주세요.";
                }

                continue;
            }

            var raw = (input.GetValueOrDefault(field.Name) ?? "").Trim();
            if (field.Type != ArsFieldType.Textarea)
            {
                raw = Regex.Replace(raw, @"\s+", " ");
            }

            if (raw.Length == 0)
            {
                if (field.Required)
                {
                    errors[field.Name] = field.Type is ArsFieldType.Select or ArsFieldType.District
                        ? $"{Josa.Object(label)} 선택해 주세요."
                        : $"{Josa.Object(label)} 입력해 주세요.";
                }

                continue;
            }

            var max = field.MaxLength ?? DefaultMaxLength;
            if (raw.Length > max)
            {
                errors[field.Name] = $"{Josa.Topic(label)} {max:N0}자 이하로 입력해 주세요.";
                values[field.Name] = raw[..max];
                continue;
            }

            var (value, error) = Check(field, raw, districtCodes, today);
            values[field.Name] = value;
            if (error is null && field.Pattern is { Length: > 0 } pattern && !Matches(pattern, value))
            {
                error = field.PatternMessageKo ?? $"{label}의 형식이 올바르지 않습니다.";
            }

            if (error is not null)
            {
                errors[field.Name] = error;
            }
        }

        return new ArsFormAnswers(values, errors);
    }

    private static (string Value, string? Error) Check(ArsFormField field, string raw, IReadOnlySet<string> districtCodes, DateOnly today)
    {
        var label = field.LabelKo;
        switch (field.Type)
        {
            case ArsFieldType.Phone:
                return KoreanPhone.TryNormalize(raw, out var phone)
                    ? (phone, null)
                    : (raw, $"{Josa.Topic(label)} 010-1234-5678처럼 숫자로 입력해 주세요.");
            case ArsFieldType.VehiclePlate:
                return VehiclePlate.TryNormalize(raw, out var plate)
                    ? (plate, null)
                    : (raw, $"{Josa.Topic(label)} 12가3456 또는 서울12가3456 형식으로 입력해 주세요.");
            case ArsFieldType.District:
                return districtCodes.Contains(raw) ? (raw, null) : (raw, $"{label}에서 자치구를 선택해 주세요.");
            case ArsFieldType.Select:
                return field.Options.Any(o => o.Value == raw) ? (raw, null) : (raw, $"{label}에서 보기 중 하나를 선택해 주세요.");
            case ArsFieldType.Date:
                if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (raw, $"{Josa.Topic(label)} 2026-12-01처럼 날짜로 입력해 주세요.");
                }

                if (field.MinDaysFromToday is { } min && date < today.AddDays(min))
                {
                    return (raw, min == 0 ? $"{Josa.Topic(label)} 오늘이나 그 이후여야 합니다." : $"{Josa.Topic(label)} {today.AddDays(min):yyyy-MM-dd} 이후여야 합니다.");
                }

                if (field.MaxDaysFromToday is { } maxDays && date > today.AddDays(maxDays))
                {
                    return (raw, $"{Josa.Topic(label)} {today.AddDays(maxDays):yyyy-MM-dd}까지만 고를 수 있습니다.");
                }

                return (raw, null);
            default:
                return (raw, null);
        }
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

namespace Minwon.Core.VisualArs;

/// <summary>Checks one form definition (its shape, not a citizen's answers).</summary>
public static class ArsFormDefinitionValidator
{
    public static IEnumerable<string> Validate(ArsFormDefinition form)
    {
        var title = $"양식 '{(string.IsNullOrWhiteSpace(form.TitleKo) ? form.Id : form.TitleKo)}'";
        if (string.IsNullOrWhiteSpace(form.Id))
        {
            yield return $"{title}에 ID가 없습니다.";
        }

        if (string.IsNullOrWhiteSpace(form.TitleKo) || string.IsNullOrWhiteSpace(form.TitleEn))
        {
            yield return $"{title}에 한국어와 영어 제목이 모두 있어야 합니다.";
        }

        if (form.Disposition is not ("SelfService" or "CallbackNeeded"))
        {
            yield return $"{title}의 처리 구분은 SelfService 또는 CallbackNeeded여야 합니다.";
        }

        if (form.Fields.Count == 0)
        {
            yield return $"{title}에 입력 항목이 없습니다.";
        }

        var names = new HashSet<string>();
        foreach (var field in form.Fields)
        {
            var label = $"{title}의 항목 '{(string.IsNullOrWhiteSpace(field.LabelKo) ? field.Name : field.LabelKo)}'";
            if (string.IsNullOrWhiteSpace(field.Name) || !field.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                yield return $"{label}의 이름은 영문, 숫자, 밑줄만 쓸 수 있습니다.";
            }
            else if (!names.Add(field.Name))
            {
                yield return $"{title}에 항목 이름 '{field.Name}'이(가) 중복되었습니다.";
            }

            if (string.IsNullOrWhiteSpace(field.LabelKo) || string.IsNullOrWhiteSpace(field.LabelEn))
            {
                yield return $"{label}에 한국어와 영어 이름이 모두 있어야 합니다.";
            }

            if (field.Type == ArsFieldType.Select && field.Options.Count == 0)
            {
                yield return $"{label}은(는) 선택 항목인데 보기가 없습니다.";
            }

            if (field.MaxLength is <= 0)
            {
                yield return $"{label}의 최대 길이는 1 이상이어야 합니다.";
            }

            if (field.Pattern is { Length: > 0 } pattern && !ArsMenuValidator.IsValidPattern(pattern))
            {
                yield return $"{label}의 입력 형식(정규식)이 올바르지 않습니다.";
            }
        }

        if (!form.Fields.Any(f => f.Name == form.PhoneField && f.Type == ArsFieldType.Phone && f.Required))
        {
            yield return $"{title}에 접수 조회용 필수 전화번호 항목 '{form.PhoneField}'이(가) 없습니다.";
        }
    }
}

namespace Minwon.Core.Knowledge;

/// <summary>
/// Folds how questions are typed in a hurry or said in dialect onto the standard spelling before they are analysed
/// (issue 13, session 6): a dropped double consonant in the past tense and 있/없 (나왓는데 → 나왔는데, 남아잇는데 →
/// 남아있는데, 업던데 → 없던데), and elderly callers' dialect endings (내리라는디 → 내리라는데, 불편혀서 → 불편해서,
/// 되는 겨 → 되는 거). Every rule replaces one syllable by one, so the length never changes. Query side only: articles
/// are written in the standard language.
/// </summary>
public static class SpokenQueryFolding
{
    // Syllables with a final ㅅ whose ㅆ form is a past-tense or 있/겠 syllable; in the code table ㅆ follows ㅅ.
    private const string PastWithS = "햇왓됫셧렷엇앗갓낫봣줫잇겟";

    // What follows a past tense or 있/없 in a question: 어요, 는데, 다, 고, 습니다, 던, 나요, 음, 지, 구, 네, 으면.
    private const string Endings = "어는다고습던나음지구네으";

    public static string Fold(string query)
    {
        if (query.Length < 2)
        {
            return query;
        }

        char[]? folded = null;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            var next = i + 1 < query.Length ? query[i + 1] : ' ';
            var after = i + 2 < query.Length ? query[i + 2] : ' ';
            var replacement = c switch
            {
                _ when PastWithS.Contains(c) && Endings.Contains(next) => (char)(c + 1),
                '업' when next is '나' or '는' or '어' or '던' or '음' => '없',
                '디' when i > 0 && query[i - 1] is '는' or '은' or '인' or '한' or '헌' or '신' && next == ' ' => '데',
                '혀' when i > 0 && query[i - 1] != ' ' && next is '서' or '요' or '도' or '야' or ' ' => '해',
                '겨' when i > 0 && query[i - 1] == ' ' && next == ' ' && after == ' ' => '거',
                '겨' when i > 0 && query[i - 1] is '는' or '인' or '한' && next == ' ' => '거',
                _ => c,
            };
            if (replacement != c)
            {
                folded ??= query.ToCharArray();
                folded[i] = replacement;
            }
        }

        return folded is null ? query : new string(folded);
    }
}

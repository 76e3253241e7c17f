namespace Minwon.Core.Knowledge;

/// <summary>
/// Folds how questions are typed in a hurry or said in dialect onto the standard spelling before they are analysed
/// (issue 13, session 6): a dropped double consonant in the past tense and 있/없 (나왓는데 → 나왔는데, 남아잇는데 →
/// 남아있는데, 업던데 → 없던데), and elderly callers' dialect endings (내리라는디 → 내리라는데, 불편혀서 → 불편해서,
/// 되는 겨 → 되는 거), and since session 11 the commonest Gyeongsang and Jeolla forms (심심허다 → 심심하다, 물어보믄 →
/// 물어보면, 받노 → 받나, 카던데 → 하던데, 우째 → 어떻, 있응께 → 있으니, 머라 → 뭐라). Every rule replaces one syllable by one, so the length never changes. Query side only: articles
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
            var previous = i > 0 ? query[i - 1] : ' ';
            var wordStart = previous == ' ';
            var replacement = c switch
            {
                _ when PastWithS.Contains(c) && Endings.Contains(next) => (char)(c + 1),
                '업' when next is '나' or '는' or '어' or '던' or '음' => '없',
                '디' when i > 0 && query[i - 1] is '는' or '은' or '인' or '한' or '헌' or '신' && next == ' ' => '데',
                '혀' when i > 0 && query[i - 1] != ' ' && next is '서' or '요' or '도' or '야' or ' ' => '해',
                '겨' when i > 0 && query[i - 1] == ' ' && next == ' ' && after == ' ' => '거',
                '겨' when i > 0 && query[i - 1] is '는' or '인' or '한' && next == ' ' => '거',

                // Gyeongsang and Jeolla speech (session 11): 허는 / 심심허다 → 하는 / 심심하다, 물어보믄 → 물어보면,
                // 받노 / 되노 → 받나 / 되나, 라 카던데 → 라 하던데, 우째 → 어떻(게), 있응께 → 있으니, 머라 → 뭐라.
                '허' when next is '는' or '다' or '고' or '시' or '면' or '믄' or '니' or '지' or '게' or '여' => '하',
                '믄' when !wordStart => '면',
                '노' when next == ' ' && previous is '되' or '받' or '하' or '있' or '없' or '했' or '가' or '내' or '해' or '찾' or '주' => '나',
                '카' when wordStart && next is '던' or '는' or '더' or '데' => '하',
                '우' when wordStart && next == '째' => '어',
                '째' when previous == '우' && (i == 1 || query[i - 2] == ' ') => '떻',
                '응' when next == '께' && !wordStart => '으',
                '께' when previous == '응' && i > 1 && query[i - 2] != ' ' => '니',
                '머' when wordStart && next is '라' or '가' => '뭐',
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

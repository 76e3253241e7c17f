using System.Text.RegularExpressions;

namespace Minwon.Core.VisualArs;

/// <summary>
/// Checks a menu before it is published and lists every problem in Korean, so an administrator fixes them all
/// in one pass. A published menu therefore always works on the web page and on the keypad.
/// </summary>
public static class ArsMenuValidator
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"];

    public static IReadOnlyList<string> Validate(ArsMenu menu)
    {
        var problems = new List<string>();
        var byId = new Dictionary<string, ArsNode>();
        foreach (var node in menu.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id))
            {
                problems.Add($"ID가 없는 노드가 있습니다('{node.LabelKo}').");
            }
            else if (!byId.TryAdd(node.Id, node))
            {
                problems.Add($"노드 ID '{node.Id}'가 두 번 이상 쓰였습니다.");
            }
        }

        if (!byId.ContainsKey(menu.RootId))
        {
            problems.Add($"최상위 메뉴 '{menu.RootId}'가 없습니다.");
        }

        var parents = new Dictionary<string, string>();
        foreach (var node in byId.Values)
        {
            CheckNode(menu, node, problems);
            var seenChildren = new HashSet<string>();
            foreach (var child in node.Children)
            {
                if (!byId.ContainsKey(child))
                {
                    problems.Add($"{Name(node)}의 하위 항목 '{child}'가 존재하지 않습니다(끊어진 연결).");
                    continue;
                }

                if (!seenChildren.Add(child))
                {
                    problems.Add($"{Name(node)}에 하위 항목 {Name(byId[child])}이(가) 두 번 들어 있습니다.");
                    continue;
                }

                if (child == menu.RootId)
                {
                    continue;
                }

                if (!parents.TryAdd(child, node.Id))
                {
                    problems.Add($"{Name(byId[child])}이(가) 두 메뉴({Name(byId[parents[child]])}, {Name(node)})에 동시에 들어 있습니다.");
                }
            }

            CheckDigits(node, byId, problems);
        }

        problems.AddRange(FindCycles(menu, byId));
        var reachable = Reachable(menu.RootId, byId);
        foreach (var node in byId.Values.Where(n => !reachable.Contains(n.Id)))
        {
            problems.Add($"{Name(node)}은(는) 어느 메뉴에서도 닿을 수 없습니다.");
        }

        var formIds = new HashSet<string>();
        foreach (var form in menu.Forms)
        {
            if (!formIds.Add(form.Id))
            {
                problems.Add($"양식 ID '{form.Id}'가 두 번 이상 쓰였습니다.");
            }

            problems.AddRange(ArsFormDefinitionValidator.Validate(form));
        }

        return problems;
    }

    private static void CheckNode(ArsMenu menu, ArsNode node, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(node.LabelKo))
        {
            problems.Add($"'{node.Id}'에 한국어 이름이 없습니다.");
        }

        if (string.IsNullOrWhiteSpace(node.LabelEn))
        {
            problems.Add($"{Name(node)}에 영어 이름이 없습니다.");
        }

        if (string.IsNullOrWhiteSpace(node.PromptKo))
        {
            problems.Add($"{Name(node)}에 음성 안내 문구가 없습니다.");
        }

        foreach (var (language, label) in node.Labels ?? new Dictionary<string, string>())
        {
            // Further languages only: Korean and English have their own fields, which every node must fill.
            if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower) || language is "ko" or "en")
            {
                problems.Add($"{Name(node)}의 다른 언어 이름 '{language}'은(는) 언어 코드가 아닙니다(zh, ja, vi처럼 소문자 2~3자, ko와 en 제외).");
            }
            else if (string.IsNullOrWhiteSpace(label) || label.Length > 100)
            {
                problems.Add($"{Name(node)}의 '{language}' 이름은 1~100자여야 합니다.");
            }
        }

        if (node.Kind != ArsNodeKind.Menu && node.Children.Count > 0)
        {
            problems.Add($"{Name(node)}은(는) 메뉴가 아니어서 하위 항목을 가질 수 없습니다.");
        }

        switch (node.Kind)
        {
            case ArsNodeKind.Menu when node.Children.Count == 0:
                problems.Add($"{Name(node)} 메뉴에 하위 항목이 없습니다.");
                break;
            case ArsNodeKind.Info when string.IsNullOrWhiteSpace(node.ArticleId) && string.IsNullOrWhiteSpace(node.TextKo):
                problems.Add($"{Name(node)} 안내 페이지에 내용(지식 문서 번호 또는 본문)이 없습니다.");
                break;
            case ArsNodeKind.Form:
            case ArsNodeKind.Connect when node.Connect == ArsConnectMode.Callback:
                if (string.IsNullOrWhiteSpace(node.FormId))
                {
                    problems.Add($"{Name(node)}에 양식이 지정되지 않았습니다.");
                }
                else if (menu.FindForm(node.FormId) is null)
                {
                    problems.Add($"{Name(node)}의 양식 '{node.FormId}'가 정의되어 있지 않습니다.");
                }

                break;
            case ArsNodeKind.Connect when node.Connect is null:
                problems.Add($"{Name(node)}에 연결 방식(채팅 또는 콜백)이 없습니다.");
                break;
            case ArsNodeKind.Link when !Uri.TryCreate(node.Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps:
                problems.Add($"{Name(node)}의 외부 링크 주소가 https 주소가 아닙니다.");
                break;
        }
    }

    private static void CheckDigits(ArsNode node, Dictionary<string, ArsNode> byId, List<string> problems)
    {
        var children = node.Children.Where(byId.ContainsKey).Select(c => byId[c]).Distinct().ToList();
        foreach (var child in children)
        {
            if (string.IsNullOrWhiteSpace(child.Digit))
            {
                problems.Add($"{Name(node)}의 {Name(child)}에 키패드 번호가 없습니다.");
            }
            else if (!Digits.Contains(child.Digit))
            {
                problems.Add($"{Name(child)}의 키패드 번호 '{child.Digit}'는 0-9, *, # 중 하나여야 합니다.");
            }
        }

        foreach (var group in children.Where(c => !string.IsNullOrWhiteSpace(c.Digit)).GroupBy(c => c.Digit).Where(g => g.Count() > 1))
        {
            problems.Add($"{Name(node)}에서 키패드 번호 {group.Key}이(가) {string.Join(", ", group.Select(Name))}에 중복되었습니다.");
        }
    }

    private static IEnumerable<string> FindCycles(ArsMenu menu, Dictionary<string, ArsNode> byId)
    {
        // Depth-first search with colours; every back edge is one cycle, reported with its path.
        var state = new Dictionary<string, int>();
        var stack = new List<string>();
        var found = new List<string>();
        var reported = new HashSet<string>();

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var child in byId[id].Children.Where(byId.ContainsKey).Distinct())
            {
                if (state.GetValueOrDefault(child) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(child)).Append(child).ToList();
                    if (reported.Add(string.Join(">", cycle.Skip(1).Order())))
                    {
                        found.Add($"메뉴에 순환이 있습니다: {string.Join(" → ", cycle.Select(c => Name(byId[c])))}.");
                    }
                }
                else if (state.GetValueOrDefault(child) == 0)
                {
                    Visit(child);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var id in new[] { menu.RootId }.Concat(byId.Keys).Where(byId.ContainsKey))
        {
            if (state.GetValueOrDefault(id) == 0)
            {
                Visit(id);
            }
        }

        return found;
    }

    private static HashSet<string> Reachable(string rootId, Dictionary<string, ArsNode> byId)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>();
        if (byId.ContainsKey(rootId))
        {
            queue.Enqueue(rootId);
            seen.Add(rootId);
        }

        while (queue.Count > 0)
        {
            foreach (var child in byId[queue.Dequeue()].Children.Where(byId.ContainsKey))
            {
                if (seen.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return seen;
    }

    internal static string Name(ArsNode node) =>
        string.IsNullOrWhiteSpace(node.LabelKo) ? $"'{node.Id}'" : $"'{node.LabelKo}'({node.Id})";

    internal static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

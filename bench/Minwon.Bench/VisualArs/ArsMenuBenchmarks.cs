using System.Text;
using BenchmarkDotNet.Attributes;
using Minwon.Core.VisualArs;

namespace Minwon.Bench.VisualArs;

/// <summary>The per-request work of /ars in Core: search, form validation, link checking; and validation at publish.</summary>
[MemoryDiagnoser]
public class ArsMenuBenchmarks
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("an HMAC key of thirty-two bytes!");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, string?> bulkyWaste = new()
    {
        ["district"] = "11440", ["address"] = "서울 마포구 월드컵북로 400", ["items"] = "3인용 소파 1개, 장롱 1개", ["date"] = "2026-12-03", ["phone"] = "010-1234-5678",
    };

    private readonly HashSet<string> districts = ["11440", "11110"];
    private ArsMenu menu = null!;
    private ArsMenu large = null!;
    private string token = "";

    [GlobalSetup]
    public void Setup()
    {
        menu = DefaultArsMenu.Create();
        large = Large(500);
        token = ArsLinkToken.Create(Key, "pbx-20261128-0001", Now.AddMinutes(30));
    }

    [Benchmark]
    public int Search_default_menu() => ArsSearch.Find(menu, "대형 폐기물").Count;

    [Benchmark]
    public int Validate_default_menu() => ArsMenuValidator.Validate(menu).Count;

    [Benchmark]
    public int Validate_500_node_menu() => ArsMenuValidator.Validate(large).Count;

    [Benchmark]
    public int Search_500_node_menu() => ArsSearch.Find(large, "항목 42").Count;

    [Benchmark]
    public bool Validate_bulky_waste_answers() =>
        ArsFormValidator.Validate(menu.FindForm("bulky-waste")!, bulkyWaste, districts, new HashSet<string>(), new DateOnly(2026, 11, 28)).IsValid;

    [Benchmark]
    public ArsLinkCheck Verify_texted_link() => ArsLinkToken.Verify(Key, token, Now, out _);

    /// <summary>A city-sized menu: 50 submenus of 9 info pages each under the default tree.</summary>
    private static ArsMenu Large(int nodes)
    {
        var m = DefaultArsMenu.Create();
        var root = m.Root!;
        root.Children.Remove("callback");
        root.Children.Remove("counsellor");
        for (var s = 0; m.Nodes.Count < nodes && s < 6; s++)
        {
            var sub = new ArsNode { Id = $"s{s}", Kind = ArsNodeKind.Menu, Digit = $"{s + 4}", LabelKo = $"분야 {s}", LabelEn = $"Area {s}", PromptKo = $"분야 {s}" };
            m.Nodes.Add(sub);
            root.Children.Add(sub.Id);
            for (var g = 0; g < 9 && m.Nodes.Count < nodes; g++)
            {
                var group = new ArsNode { Id = $"s{s}g{g}", Kind = ArsNodeKind.Menu, Digit = $"{g + 1}", LabelKo = $"묶음 {s}-{g}", LabelEn = $"Group {s}-{g}", PromptKo = "묶음" };
                m.Nodes.Add(group);
                sub.Children.Add(group.Id);
                for (var i = 0; i < 9 && m.Nodes.Count < nodes; i++)
                {
                    var id = $"s{s}g{g}i{i}";
                    m.Nodes.Add(new ArsNode { Id = id, Kind = ArsNodeKind.Info, Digit = $"{i + 1}", LabelKo = $"항목 {s * 81 + g * 9 + i}", LabelEn = $"Item {id}", PromptKo = "항목", TextKo = "안내 내용" });
                    group.Children.Add(id);
                }
            }
        }

        return m;
    }
}

using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ArsMenuValidatorTests
{
    [Fact]
    public void Accepts_the_default_Seoul_120_menu()
    {
        Assert.Empty(ArsMenuValidator.Validate(DefaultArsMenu.Create()));
    }

    [Fact]
    public void Refuses_a_cycle_and_names_its_path()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("bus-subway")!.Kind = ArsNodeKind.Menu;
        menu.Find("bus-subway")!.Children.Add("transport");

        var problems = ArsMenuValidator.Validate(menu);

        var cycle = Assert.Single(problems, p => p.Contains("순환"));
        Assert.Contains("'교통'(transport) → '버스·지하철 안내'(bus-subway) → '교통'(transport)", cycle);
    }

    [Fact]
    public void Refuses_a_link_to_a_node_that_does_not_exist()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("water")!.Children.Add("water-pressure");

        Assert.Contains(ArsMenuValidator.Validate(menu), p => p.Contains("'water-pressure'가 존재하지 않습니다"));
    }

    [Fact]
    public void Refuses_duplicate_keypad_digits_among_siblings()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("parking-report")!.Digit = "1";

        var problem = Assert.Single(ArsMenuValidator.Validate(menu));
        Assert.Contains("키패드 번호 1", problem);
        Assert.Contains("버스·지하철 안내", problem);
        Assert.Contains("불법주정차 신고", problem);
    }

    [Fact]
    public void Refuses_a_form_node_without_a_form_definition()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("bulky-waste")!.FormId = null;
        menu.Find("water-move")!.FormId = "no-such-form";

        var problems = ArsMenuValidator.Validate(menu);

        Assert.Contains(problems, p => p.Contains("대형폐기물 배출 신고") && p.Contains("양식이 지정되지 않았습니다"));
        Assert.Contains(problems, p => p.Contains("'no-such-form'가 정의되어 있지 않습니다"));
    }

    [Fact]
    public void Lists_every_problem_at_once()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("bus-subway")!.LabelEn = "";
        menu.Find("water-bill")!.PromptKo = " ";
        menu.Find("callback")!.Digit = "0";
        menu.Find("living")!.Children.Add("ghost");
        menu.Nodes.Add(new ArsNode { Id = "lonely", Kind = ArsNodeKind.Info, LabelKo = "외톨이", LabelEn = "Lonely", PromptKo = "x", TextKo = "x" });

        var problems = ArsMenuValidator.Validate(menu);

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("영어 이름이 없습니다"));
        Assert.Contains(problems, p => p.Contains("음성 안내 문구가 없습니다"));
        Assert.Contains(problems, p => p.Contains("키패드 번호 0"));
        Assert.Contains(problems, p => p.Contains("'ghost'"));
        Assert.Contains(problems, p => p.Contains("닿을 수 없습니다"));
    }

    [Fact]
    public void Refuses_a_node_under_two_menus_and_a_form_whose_select_has_no_options()
    {
        var menu = DefaultArsMenu.Create();
        menu.Find("living")!.Children.Add("counsellor");
        menu.Find("counsellor")!.Digit = "3";
        menu.FindForm("callback")!.Fields.Single(f => f.Name == "preferredTime").Options.Clear();

        var problems = ArsMenuValidator.Validate(menu);

        Assert.Contains(problems, p => p.Contains("두 메뉴"));
        Assert.Contains(problems, p => p.Contains("보기가 없습니다"));
    }

    [Fact]
    public void Survives_a_json_round_trip_unchanged()
    {
        var menu = DefaultArsMenu.Create();
        var json = ArsJson.Serialize(menu);

        Assert.Equal(json, ArsJson.Serialize(ArsJson.Deserialize(json)));
        Assert.Contains("\"kind\":\"form\"", json);
        Assert.Contains("\"type\":\"vehicle_plate\"", json);
        Assert.Contains("대형폐기물", json);
    }
}

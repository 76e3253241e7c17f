using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ArsSearchTests
{
    [Theory]
    [InlineData("대형폐기물", "bulky-waste")]
    [InlineData("대형 폐기물", "bulky-waste")]
    [InlineData("소파 버리기", "bulky-waste")]
    [InlineData("불법주차", "parking-report")]
    [InlineData("주차 단속", "parking-report")]
    [InlineData("수도요금", "water-bill")]
    [InlineData("이사정산", "water-move")]
    [InlineData("물안나옴", "water-outage")]
    [InlineData("막차", "bus-subway")]
    [InlineData("상담원", "counsellor")]
    [InlineData("bulky waste", "bulky-waste")]
    [InlineData("Call back", "callback")]
    [InlineData("대형패기물", "bulky-waste")]
    [InlineData("불법주정자", "parking-report")]
    [InlineData("수도오금", "water-bill")]
    [InlineData("ㄷㅎㅍㄱㅁ", "bulky-waste")]
    [InlineData("ㅂㅂㅈㅈㅊ", "parking-report")]
    public void Finds_the_entry_citizens_mean_first(string query, string expected)
    {
        var hits = ArsSearch.Find(DefaultArsMenu.Create(), query);

        Assert.NotEmpty(hits);
        Assert.Equal(expected, hits[0].Node.Id);
    }

    [Fact]
    public void Returns_the_path_of_each_hit_from_the_root()
    {
        var hit = ArsSearch.Find(DefaultArsMenu.Create(), "대형폐기물")[0];

        Assert.Equal(["root", "living", "bulky-waste"], hit.Path.Select(n => n.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("여권발급")]
    [InlineData("ㅇㄱ")]
    [InlineData("택시")]
    public void Finds_nothing_for_empty_or_unknown_words(string query)
    {
        Assert.Empty(ArsSearch.Find(DefaultArsMenu.Create(), query));
    }
}

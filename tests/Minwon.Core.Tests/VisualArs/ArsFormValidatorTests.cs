using Minwon.Core.Korean;
using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ArsFormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly HashSet<string> Districts = ["11440", "11110"];

    private static ArsFormAnswers Validate(string formId, Dictionary<string, string?> input, params string[] photos) =>
        ArsFormValidator.Validate(DefaultArsMenu.Create().FindForm(formId)!, input, Districts, photos.ToHashSet(), Today);

    [Fact]
    public void Accepts_a_complete_bulky_waste_request_and_normalises_the_phone()
    {
        var answers = Validate("bulky-waste", new()
        {
            ["district"] = "11440", ["address"] = "서울 마포구  월드컵북로 1", ["items"] = "3인용 소파 1개\n장롱 1개",
            ["date"] = "2026-12-03", ["phone"] = "01012345678",
        });

        Assert.True(answers.IsValid);
        Assert.Equal("010-1234-5678", answers.Values["phone"]);
        Assert.Equal("서울 마포구 월드컵북로 1", answers.Values["address"]);
        Assert.Equal("3인용 소파 1개\n장롱 1개", answers.Values["items"]);
    }

    [Fact]
    public void Names_every_missing_required_field_in_Korean()
    {
        var answers = Validate("bulky-waste", new() { ["address"] = "  " });

        Assert.Equal(["address", "date", "district", "items", "phone"], answers.Errors.Keys.Order());
        Assert.Equal("배출 장소 주소를 입력해 주세요.", answers.Errors["address"]);
    }

    [Theory]
    [InlineData("district", "99999", "자치구를 선택해")]
    [InlineData("date", "2026-11-27", "이후여야")]
    [InlineData("date", "2027-03-01", "까지만")]
    [InlineData("date", "12월 3일", "날짜로 입력해")]
    [InlineData("phone", "공일공-1234", "숫자로 입력해")]
    [InlineData("phone", "010-12-34", "숫자로 입력해")]
    public void Refuses_a_bad_value_with_a_message_that_says_what_to_fix(string field, string value, string expected)
    {
        var input = new Dictionary<string, string?>
        {
            ["district"] = "11440", ["address"] = "마포구 1", ["items"] = "소파", ["date"] = "2026-12-03", ["phone"] = "010-1234-5678",
        };
        input[field] = value;

        var answers = Validate("bulky-waste", input);

        Assert.Contains(expected, Assert.Single(answers.Errors).Value);
    }

    [Fact]
    public void Refuses_text_longer_than_the_maximum()
    {
        var answers = Validate("callback", new() { ["phone"] = "02-120-1200", ["preferredTime"] = "any", ["topic"] = new string('가', 301) });

        Assert.Equal("문의 내용은 300자 이하로 입력해 주세요.", answers.Errors["topic"]);
    }

    [Fact]
    public void Checks_a_pattern_with_the_forms_own_message()
    {
        var answers = Validate("water-move", new() { ["customerNumber"] = "12ab", ["moveOutDate"] = "2026-11-30", ["address"] = "중구 세종대로 110", ["phone"] = "010 9876 5432" });

        Assert.Equal("고객번호는 고지서에 적힌 숫자 8~10자리입니다.", Assert.Single(answers.Errors).Value);
    }

    [Fact]
    public void Requires_the_photo_of_an_illegal_parking_report()
    {
        var input = new Dictionary<string, string?> { ["place"] = "종로구 세종대로 175 앞", ["plate"] = "12가 3456", ["phone"] = "010-1234-5678" };

        Assert.Equal("사진을 첨부해 주세요.", Validate("illegal-parking", input).Errors["photo"]);
        var answers = Validate("illegal-parking", input, "photo");
        Assert.True(answers.IsValid);
        Assert.Equal("12가3456", answers.Values["plate"]);
    }

    [Theory]
    [InlineData("12가3456", true)]
    [InlineData("123나 4567", true)]
    [InlineData("서울12가3456", true)]
    [InlineData("서울 1 가 3456", true)]
    [InlineData("1가3456", false)]
    [InlineData("12A3456", false)]
    [InlineData("12가345", false)]
    [InlineData("뉴욕12가3456", false)]
    public void Recognises_Korean_licence_plates(string plate, bool valid)
    {
        Assert.Equal(valid, VehiclePlate.TryNormalize(plate, out _));
    }

    [Theory]
    [InlineData("010-1234-5678", "010-1234-5678")]
    [InlineData("+82 10 1234 5678", "010-1234-5678")]
    [InlineData("0212345678", "02-1234-5678")]
    [InlineData("031-123-4567", "031-123-4567")]
    public void Normalises_Korean_phone_numbers(string raw, string expected)
    {
        Assert.True(KoreanPhone.TryNormalize(raw, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Masks_a_phone_number_down_to_its_last_two_digits()
    {
        Assert.Equal("***-****-**78", KoreanPhone.Mask("010-1234-5678"));
        Assert.DoesNotContain("1234", KoreanPhone.Mask("010-1234-5678"));
    }

    [Theory]
    [InlineData("주소", "주소를", "주소는")]
    [InlineData("배출 품목", "배출 품목을", "배출 품목은")]
    [InlineData("연락처", "연락처를", "연락처는")]
    [InlineData("PIN", "PIN을(를)", "PIN은(는)")]
    public void Writes_the_particle_that_fits_the_label(string label, string asObject, string asTopic)
    {
        Assert.Equal(asObject, Josa.Object(label));
        Assert.Equal(asTopic, Josa.Topic(label));
    }
}

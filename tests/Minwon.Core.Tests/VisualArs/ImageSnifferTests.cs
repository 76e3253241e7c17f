using System.Text;
using Minwon.Core.VisualArs;

namespace Minwon.Core.Tests.VisualArs;

public sealed class ImageSnifferTests
{
    public static TheoryData<string, byte[], string?> Headers => new()
    {
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "image/jpeg" },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "image/png" },
        { "webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "image/webp" },
        { "heic", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], "image/heic" },
        { "heic mif1", [0, 0, 0, 0x1C, .. "ftypmif1"u8, 0, 0, 0, 0], "image/heic" },
        { "mp4", [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 0, 0], null },
        { "pdf", [.. "%PDF-1.7\n%"u8], null },
        { "html", [.. Encoding.UTF8.GetBytes("<html><script>")], null },
        { "svg", [.. Encoding.UTF8.GetBytes("<svg xmlns=")], null },
        { "exe", [(byte)'M', (byte)'Z', 0x90, 0], null },
        { "empty", [], null },
        { "truncated png", [0x89, 0x50, 0x4E], null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Recognises_photos_by_their_first_bytes_only(string name, byte[] header, string? expected)
    {
        Assert.True(expected == ImageSniffer.Detect(header)?.ContentType, name);
    }
}

using Microsoft.Extensions.Options;
using Minwon.Core.VisualArs;
using Minwon.Server.Data;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// Checks and stores citizens' photos. The type comes from the file's own first bytes, the name is made here
/// (never the citizen's), and files live outside wwwroot so only the staff endpoint can hand them out.
/// </summary>
public sealed class ArsUploadStore(MinwonDbContext db, IOptions<MinwonOptions> minwon, IOptions<ArsOptions> options, TimeProvider clock)
{
    public string Directory => Path.Combine(minwon.Value.ResolvedDataDir, "uploads");

    /// <summary>A Korean message when the file cannot be accepted, else null.</summary>
    public async Task<string?> CheckAsync(IFormFile file, string label, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxUploadBytes;
        if (file.Length == 0)
        {
            return $"{label} 파일이 비어 있습니다.";
        }

        if (file.Length > max)
        {
            return $"{Minwon.Core.VisualArs.Josa.Topic(label)} {max / (1024 * 1024)}MB 이하만 올릴 수 있습니다.";
        }

        return await SniffAsync(file, cancellationToken) is null
            ? $"{Minwon.Core.VisualArs.Josa.Topic(label)} JPEG, PNG, HEIC, WebP 사진만 올릴 수 있습니다."
            : null;
    }

    public async Task<ArsUpload> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var (contentType, extension) = await SniffAsync(file, cancellationToken)
            ?? throw ProblemException.Invalid("사진 형식이 올바르지 않습니다.");
        System.IO.Directory.CreateDirectory(Directory);
        var upload = new ArsUpload
        {
            StoredName = $"{Guid.NewGuid():N}{extension}", ContentType = contentType, Length = file.Length, CreatedAt = clock.GetUtcNow(),
        };
        await using (var target = new FileStream(Path.Combine(Directory, upload.StoredName), FileMode.CreateNew, FileAccess.Write))
        {
            await file.CopyToAsync(target, cancellationToken);
        }

        db.Add(upload);
        return upload;
    }

    /// <summary>A photo that arrived as bytes (an MMS, a mail attachment); refused unless its first bytes are a photo's.</summary>
    public async Task<ArsUpload> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var (contentType, extension) = ImageSniffer.Detect(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength)))
            ?? throw ProblemException.Invalid("사진 형식이 올바르지 않습니다.");
        System.IO.Directory.CreateDirectory(Directory);
        var upload = new ArsUpload
        {
            StoredName = $"{Guid.NewGuid():N}{extension}", ContentType = contentType, Length = content.Length, CreatedAt = clock.GetUtcNow(),
        };
        await File.WriteAllBytesAsync(Path.Combine(Directory, upload.StoredName), content, cancellationToken);
        db.Add(upload);
        return upload;
    }

    public string PathOf(ArsUpload upload) => Path.Combine(Directory, Path.GetFileName(upload.StoredName));

    private static async Task<(string, string)?> SniffAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var header = new byte[ImageSniffer.HeaderLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return ImageSniffer.Detect(header.AsSpan(0, read));
    }
}

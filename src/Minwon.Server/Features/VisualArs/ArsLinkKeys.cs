using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minwon.Server.Data;

namespace Minwon.Server.Features.VisualArs;

/// <summary>
/// The HMAC key for texted links: from configuration when set, otherwise made once, stored in the database
/// encrypted with Data Protection (whose keys every node shares), and cached.
/// </summary>
public sealed class ArsLinkKeys(IOptions<ArsOptions> options, IDataProtectionProvider protection, IServiceScopeFactory scopes)
{
    private const string Name = "link-signing-key";
    private byte[]? key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (key is { } cached)
        {
            return cached;
        }

        if (options.Value.LinkSigningKey is { Length: > 0 } configured)
        {
            return key = Convert.FromBase64String(configured);
        }

        var protector = protection.CreateProtector("Minwon.VisualArs.LinkKey");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MinwonDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var stored = await db.Set<ArsSecret>().AsNoTracking().FirstOrDefaultAsync(s => s.Name == Name, cancellationToken);
            if (stored is not null)
            {
                return key = protector.Unprotect(Convert.FromBase64String(stored.ProtectedValue));
            }

            var fresh = RandomNumberGenerator.GetBytes(32);
            db.Add(new ArsSecret { Name = Name, ProtectedValue = Convert.ToBase64String(protector.Protect(fresh)) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return key = fresh;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Minwon.Server.Data;

namespace Minwon.Server.Features.Reference;

/// <summary>Loads districts and the complaint taxonomy from data-seed/ (shipped next to the binary); idempotent.</summary>
public sealed class SeedReferenceData(MinwonDbContext db)
{
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "data-seed");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var districts = await db.Set<District>().ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var row in ReadCsv("seoul_districts.csv"))
        {
            if (!districts.ContainsKey(row[0]))
            {
                db.Add(new District { Code = row[0], NameKo = row[1], NameEn = row[2], Region = row[3] });
            }
        }

        var categories = await db.Set<Category>().Select(c => c.Major + "/" + c.Minor).ToListAsync(cancellationToken);
        var known = categories.ToHashSet(StringComparer.Ordinal);
        foreach (var row in ReadCsv("seoul120_categories.csv"))
        {
            if (known.Add(row[0] + "/" + row[1]))
            {
                db.Add(new Category { Major = row[0], Minor = row[1], Keywords = row.Length > 2 ? row[2] : "" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // The seed files are simple comma-separated lists without quoted fields.
    private static IEnumerable<string[]> ReadCsv(string file) =>
        File.ReadLines(Path.Combine(SeedDirectory, file)).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => v.Trim()).ToArray());
}

namespace Minwon.Bench.Hosting;

/// <summary>The clone the bench runs from: the first folder above the bench's output that holds Minwon.slnx.</summary>
public static class Repository
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Minwon.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

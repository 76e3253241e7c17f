namespace Minwon.Server.Tests.Knowledge;

/// <summary>Finds eval/knowledge (or, for a path with a folder, eval/PATH) in the repository the tests were built from.</summary>
internal static class EvalFiles
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "eval", file.Contains('/', StringComparison.Ordinal) ? "" : "knowledge", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"eval/knowledge/{file} not found above {AppContext.BaseDirectory}");
    }
}

namespace Minwon.Server.Tests.Knowledge;

/// <summary>Finds eval/knowledge in the repository the tests were built from.</summary>
internal static class EvalFiles
{
    public static string Path(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "eval", "knowledge", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"eval/knowledge/{file} not found above {AppContext.BaseDirectory}");
    }
}

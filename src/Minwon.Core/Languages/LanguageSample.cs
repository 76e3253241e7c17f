namespace Minwon.Core.Languages;

/// <summary>One labelled message of an evaluation set (eval/languages/*.tsv: language TAB text, '#' comments).</summary>
public sealed record LanguageSample(string Language, string Text)
{
    public static IReadOnlyList<LanguageSample> ParseTsv(IEnumerable<string> lines)
    {
        var samples = new List<LanguageSample>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new FormatException($"line {number}: expected 'language<TAB>text'");
            }

            samples.Add(new LanguageSample(line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }

        return samples;
    }
}

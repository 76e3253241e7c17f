using Lucene.Net.Documents;

namespace Minwon.Server.Features.Knowledge.Search;

/// <summary>Turns an article into the Lucene document of one analysis mode.</summary>
public static class KnowledgeDocuments
{
    public static Document Create(Article article, KnowledgeAnalysis analysis)
    {
        var doc = new Document
        {
            new StringField(KnowledgeFields.Id, article.Id, Field.Store.YES),
            new StoredField(KnowledgeFields.Title, article.Title),
            new StoredField(KnowledgeFields.Body, article.Body),
            new StoredField(KnowledgeFields.ShortAnswer, article.ShortAnswer),
        };
        if (article.ValidFrom is { } from)
        {
            doc.Add(new Int64Field(KnowledgeFields.ValidFrom, from.UtcTicks, Field.Store.NO));
        }

        if (article.ValidUntil is { } until)
        {
            doc.Add(new Int64Field(KnowledgeFields.ValidUntil, until.UtcTicks, Field.Store.NO));
        }

        var keywords = string.Join(" \n ", article.Keywords.Append(article.Category));
        var questions = string.Join(" \n ", article.Questions);
        doc.Add(new StoredField(KnowledgeFields.Questions, questions));
        doc.Add(new StoredField(KnowledgeFields.Keywords, keywords));
        var parts = new Dictionary<string, string>
        {
            ["title"] = article.Title,
            ["q"] = questions,
            ["kw"] = keywords,
            ["body"] = article.Body,
        };
        foreach (var (name, _) in KnowledgeFields.Parts)
        {
            var text = parts[name];
            if (analysis == KnowledgeAnalysis.Whitespace)
            {
                doc.Add(new TextField(name + "_w", text, Field.Store.NO));
                continue;
            }

            doc.Add(new TextField(name + "_g", text, Field.Store.NO));

            // Body stems add nothing the body bigrams miss (measured with kb eval), and the body is most of the index.
            if (name != "body")
            {
                doc.Add(new TextField(name + "_s", text, Field.Store.NO));
            }
        }

        if (analysis == KnowledgeAnalysis.Korean)
        {
            doc.Add(new TextField(KnowledgeFields.Typo, string.Join(" \n ", article.Title, questions, keywords), Field.Store.NO));
        }

        return doc;
    }
}

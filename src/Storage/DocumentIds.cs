namespace ParticipaBot.Storage;

/// <summary>Document ids from outside text (Teams ids, space ids, notification keys).</summary>
public static class DocumentIds
{
    /// <summary>The text with the characters Cosmos DB refuses in ids ('/', '\', '?', '#') replaced by '_'.</summary>
    public static string Safe(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is '/' or '\\' or '?' or '#' ? '_' : source[i];
            }
        });
    }
}

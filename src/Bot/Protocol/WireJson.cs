using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ParticipaBot.Bot.Protocol;

/// <summary>How the bot writes the JSON it answers with.</summary>
internal static class WireJson
{
    /// <summary>
    /// Letters of every script as themselves («Información», not "Informaci\u00f3n"): Spanish cards were a sixth longer
    /// escaped and escaping them was a visible share of a turn. HTML-sensitive characters (&lt; &gt; &amp; ' ") are still
    /// escaped, so a value a user typed cannot turn into markup anywhere this JSON is shown.
    /// </summary>
    public static JavaScriptEncoder Encoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);
}

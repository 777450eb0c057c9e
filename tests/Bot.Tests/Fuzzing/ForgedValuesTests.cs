using System.Net;
using System.Text.Json.Nodes;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Tests.Wizard;

namespace ParticipaBot.Bot.Tests.Fuzzing;

/// <summary>Card buttons pressed with forged values: the user reads a clear Spanish refusal, never the internal-error apology.</summary>
public sealed class ForgedValuesTests(WizardHostFixture host) : IClassFixture<WizardHostFixture>
{
    [Theory]
    [InlineData("review.view", "reportId", "rep-2026-999999", "No encontré ese informe.")]
    [InlineData("review.approve", "reportId", "<script>alert(1)</script>", "No encontré ese informe.")]
    [InlineData("schedule.edit", "spaceId", "=HYPERLINK(\"https://evil.example\",\"x\")", "Ese espacio ya no está en el cronograma.")]
    [InlineData("report.next", "draftId", "draft-forged", "No tienes un reporte en curso.")]
    [InlineData("report.start", "spaceId", "sp-unknown", "Ese espacio no está en el cronograma de la vigencia 2026.")]
    public async Task Execute_ForgedValue_AnswersInSpanishWithoutApology(string verb, string key, string value, string refusal)
    {
        await WizardChat.SamplePlanAsync(host.Factory);
        var chat = new WizardChat(host.Factory);

        var (status, card) = await chat.ExecuteRawAsync(verb, new JsonObject { [key] = value });

        Assert.Equal(HttpStatusCode.OK, status);
        var text = card is null ? chat.LastText ?? string.Empty : WizardChat.AllText(card);
        Assert.Contains(refusal, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Texts.Apology.Es, text, StringComparison.Ordinal);
    }
}

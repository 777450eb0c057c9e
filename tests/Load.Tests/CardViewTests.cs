using System.Text;
using System.Text.Json;
using ParticipaBot.LoadTest;

namespace ParticipaBot.Load.Tests;

public sealed class CardViewTests
{
    private const string Step = """
        {"type":"AdaptiveCard","version":"1.5","body":[
          {"type":"TextBlock","text":"Paso 2 de 7"},
          {"type":"TextBlock","text":"Falta la fecha","color":"attention"},
          {"type":"Container","items":[
            {"type":"Input.Text","id":"name","label":"Nombre","maxLength":80,"isRequired":true},
            {"type":"Input.ChoiceSet","id":"groups","label":"Grupos","isMultiSelect":true,
             "choices":[{"title":"Jóvenes","value":"jovenes"},{"title":"Mujeres","value":"mujeres"}]},
            {"type":"Input.Date","id":"date","label":"Fecha","value":"2026-11-20"}]},
          {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"TextBlock","text":"Ayuda"}]}]}],
         "actions":[
          {"type":"Action.Execute","verb":"report.back","data":{"draftId":"d-1","step":"space"}},
          {"type":"Action.Execute","verb":"report.next","data":{"draftId":"d-1","step":"name","name":"viejo","nested":{"a":[1,"dos",null]},"none":null},
           "fallback":{"type":"Action.Submit","verb":"report.fallback"}}]}
        """;

    [Fact]
    public void AView_KeepsWhatItRead_AfterTheAnswerItWasReadFromIsGone()
    {
        var answer = Encoding.UTF8.GetBytes(Step);
        CardView view;
        using (var document = JsonDocument.Parse(answer))
        {
            view = CardView.Of(document.RootElement)!;
        }

        // The generator reuses the buffer for the next answer: whatever the view kept must not point into it.
        Array.Fill(answer, (byte)' ');

        Assert.Equal(CardKind.Step, view.Kind);
        Assert.Equal("Paso 2 de 7", view.FirstText);
        Assert.Equal(["Falta la fecha"], view.Attention);
        Assert.Equal("Paso 2 de 7 | Falta la fecha | Ayuda", view.AllText());
        Assert.Equal(["name", "groups", "date"], view.Inputs.Select(i => i.Id));
        Assert.Equal(["Input.Text", "Input.ChoiceSet", "Input.Date"], view.Inputs.Select(i => i.Type));
        Assert.Equal(["jovenes", "mujeres"], view.Inputs[1].Choices);
        Assert.Equal("2026-11-20", view.Inputs[2].Value);
        Assert.Equal(["report.back", "report.next"], view.Actions.Select(a => a.Verb));

        var next = view.FindAction("report.next")!;
        Assert.Equal("d-1", next.DataString("draftId"));
        Assert.True(next.Has("nested"));
        Assert.False(next.Has("none"));
        Assert.False(next.Has("missing"));
        Assert.Null(next.DataString("nested"));
        Assert.Null(view.FindAction("report.fallback"));
        Assert.Null(view.FindAction("report.next", a => a.DataString("step") == "space"));
    }

    [Fact]
    public void AnInvokeAnswer_IsReadStraightFromItsBytes()
    {
        var answer = Encoding.UTF8.GetBytes($$"""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{{Step}}}""");

        Assert.True(CardView.TryReadInvokeAnswer(answer, out var view));

        Assert.Equal(CardKind.Step, view!.Kind);
        Assert.Equal("Paso 2 de 7 | Falta la fecha | Ayuda", view.AllText());
        Assert.Equal(["name", "groups", "date"], view.Inputs.Select(i => i.Id));
        Assert.Equal(["jovenes", "mujeres"], view.Inputs[1].Choices);
        Assert.True(view.Inputs[1].MultiSelect);
        Assert.Equal(80, view.Inputs[0].MaxLength);
        Assert.True(view.Inputs[0].Required);
        Assert.Equal(["report.back", "report.next"], view.Actions.Select(a => a.Verb));
        Assert.Equal("viejo", view.FindAction("report.next")!.DataString("name"));
    }

    [Theory]
    [InlineData("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Listo"}""")]
    [InlineData("""{"statusCode":200,"value":{"type":"AdaptiveCard"}}""")]
    [InlineData("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive"}""")]
    [InlineData("""[{"type":"application/vnd.microsoft.card.adaptive","value":{}}]""")]
    [InlineData("""{"type":"application/vnd.microsoft.card.adaptive","value":{"body":[""")]
    [InlineData("")]
    public void AnAnswerWithoutACard_IsNotReadAsOne(string answer)
    {
        Assert.False(CardView.TryReadInvokeAnswer(Encoding.UTF8.GetBytes(answer), out var view));
        Assert.Null(view);
    }

    [Theory]
    [InlineData("""[{"type":"TextBlock","text":"x"}]""")]
    [InlineData("\"AdaptiveCard\"")]
    [InlineData("null")]
    public void ACardThatIsNotAnObject_IsRefused(string json)
    {
        var refusal = Assert.Throws<ArgumentException>(() => CardView.Read(Encoding.UTF8.GetBytes(json)));
        Assert.Equal("cardJson", refusal.ParamName);
    }

    [Fact]
    public void ElementsKeepTheirDocumentOrder_WhenTheirTypeComesAfterWhatTheyHold()
    {
        // Types after what the elements hold (an input's inline button, a button carried in another's data): every
        // element still comes in the order of the document.
        const string Card = """
            {"body":[
              {"id":"first","inlineAction":{"verb":"inline","data":{"a":1},"type":"Action.Execute"},"label":"Primero",
               "value":3,"min":1,"max":9,"type":"Input.Number"},
              {"items":[{"text":"Texto","type":"TextBlock"}],"type":"Container"},
              {"type":"Input.Toggle","id":"second","value":true},
              {"type":"Input.Custom","id":"third","value":{"x":[1]}}],
             "actions":[
              {"verb":"outer","data":{"then":{"type":"Action.Execute","verb":"inner"}},"type":"Action.Execute"},
              {"type":"Action.Execute","verb":"last","data":[1,2]}],
             "type":"AdaptiveCard"}
            """;

        var view = CardView.Read(Encoding.UTF8.GetBytes(Card));

        Assert.Equal(["first", "second", "third"], view.Inputs.Select(i => i.Id));
        Assert.Equal(["Input.Number", "Input.Toggle", "Input.Custom"], view.Inputs.Select(i => i.Type));
        Assert.Equal(["3", "true", """{"x":[1]}"""], view.Inputs.Select(i => i.Value));
        Assert.Equal((1.0, 9.0), (view.Inputs[0].Min, view.Inputs[0].Max));
        Assert.Equal("Primero", view.Inputs[0].Label);
        Assert.Equal("second", view.Inputs[1].Label);
        Assert.Equal(["inline", "outer", "inner", "last"], view.Actions.Select(a => a.Verb));
        Assert.True(view.Actions[0].Has("a"));
        Assert.True(view.Actions[1].Has("then"));
        Assert.False(view.Actions[3].Has("a"));
        Assert.Equal("Texto", view.FirstText);
    }

    [Fact]
    public void WriteDataTo_SetsTheInputsOverTheButtonsData_AsAClientSendsIt()
    {
        using var document = JsonDocument.Parse(Step);
        var next = CardView.Of(document.RootElement)!.FindAction("report.next")!;
        var inputs = new Dictionary<string, string> { ["name"] = "Foro \"nuevo\" ñ", ["date"] = "2026-11-21" };

        var written = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(written))
        {
            w.WriteStartObject();
            next.WriteDataTo(w, inputs);
            w.WriteEndObject();
        }

        // Replaced in place, the rest of the data copied as it was (nested values and nulls included), new inputs after.
        using var sent = JsonDocument.Parse(written.WrittenMemory);
        Assert.Equal(
            ["draftId", "step", "name", "nested", "none", "date"],
            sent.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Foro \"nuevo\" ñ", sent.RootElement.GetProperty("name").GetString());
        Assert.Equal("2026-11-21", sent.RootElement.GetProperty("date").GetString());
        Assert.Equal("""{"a":[1,"dos",null]}""", sent.RootElement.GetProperty("nested").GetRawText());
        Assert.Equal(JsonValueKind.Null, sent.RootElement.GetProperty("none").ValueKind);
    }
}

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

using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace ParticipaBot.LoadTest;

/// <summary>
/// One delegate in its personal chat, looping full report flows as a person would: «reportar» (or «Reportar otro» on the
/// confirmation), a due space of its own (or «no programado» once they are all reported), every step filled from the
/// card and «Guardar y seguir», the review, «Enviar reporte», the confirmation with its number.
/// </summary>
public sealed partial class DelegateChat(LoadContext context, DelegateIdentity identity)
{
    private readonly ChannelReader<SinkMessage> _inbox = context.Bot.Sink.Register(identity.ConversationId);
    private readonly Dictionary<string, string> _flowValues = new(StringComparer.Ordinal);

    // The activity being sent and the answer received, each in a buffer of the delegate's own, reused turn after turn
    // (a delegate has one turn at a time). A fresh array per answer, and its parsed copy, outlived the turn often
    // enough that every collection of the generator copied about a megabyte of them, and its pauses land in the
    // latencies it measures.
    private readonly ArrayBufferWriter<byte> _activity = new(2048);
    private readonly ArrayBufferWriter<byte> _answer = new(16 * 1024);
    private string? _token = context.Bot.NewToken();
    private long _tokenAt = Stopwatch.GetTimestamp();
    private int _sequence;
    private int _requestsOut;
    private int _flow;

    // What the delegate last saw of its draft, for the checks after a crash.
    private CardView? _lastWizardCard;
    private InFlight _inFlight;

    private enum InFlight
    {
        None,
        Next,
        Submit,
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public int AcknowledgedAfterRestart { get; private set; }

    /// <summary>Inside a report (a step or the review shown): a kill now leaves a draft to resume.</summary>
    public bool InReport => Volatile.Read(ref _lastWizardCard) is not null;

    /// <summary>
    /// Inside a report with a request on its way to the bot: a kill now interrupts it, and the delegate must resume its
    /// draft with «continuar». A delegate between two requests just goes on after the restart and checks nothing.
    /// </summary>
    public bool InReportAwaitingBot => Volatile.Read(ref _requestsOut) > 0 && InReport;

    [GeneratedRegex(@"(\d+)\D+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ProgressPattern();

    public async Task RunAsync(Func<bool> done, CancellationToken stop)
    {
        CardView? card = null;
        while (!stop.IsCancellationRequested && !done())
        {
            try
            {
                card = await FlowAsync(card, stop);
            }
            catch (TurnInterruptedException)
            {
                card = await ResyncAsync(stop);
            }
            catch (FlowFailedException failure)
            {
                context.Error(failure.Kind, context.Options.Verbose ? $"delegate {identity.Index}: {failure.Message}" : failure.Message[..Math.Min(300, failure.Message.Length)]);
                card = null;
                _lastWizardCard = null;
                _inFlight = InFlight.None;
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One report from wherever the last card left the delegate, to its confirmation.</summary>
    private async Task<CardView> FlowAsync(CardView? card, CancellationToken stop)
    {
        if (card?.Kind is not (CardKind.Step or CardKind.Review))
        {
            _flowValues.Clear();
            _flow++;
            var picker = card?.Kind == CardKind.Confirmation && !context.Options.AlwaysType
                ? await PressAsync(card.FindAction("report"), null, TurnKinds.Picker, stop)
                : await SayAsync("reportar", TurnKinds.Message, stop);
            Expect(picker, CardKind.Picker, "picker");
            var start = picker!.FindAction("report.start", a => a.Has("spaceId"))
                ?? picker.FindAction("report.start", a => a.DataString("unscheduled") == "true")
                ?? throw new FlowFailedException("unexpected-card", "picker without a start button: " + picker.AllText());
            card = await PressAsync(start, null, TurnKinds.Start, stop);
            Expect(card, CardKind.Step, "step 1");
            if (Ordinal(card!) != 1)
            {
                throw new FlowFailedException("unexpected-card", "start did not show step 1: " + card!.AllText());
            }
        }

        var today = BotUnderTest.Today;
        while (card!.Kind == CardKind.Step)
        {
            _lastWizardCard = card;
            var ordinal = Ordinal(card);
            var values = CardFiller.Fill(card.Inputs, today, $"D{identity.Index:000}-F{_flow:00000}", identity.Index + _flow);
            foreach (var (key, value) in values)
            {
                _flowValues[key] = value;
            }

            _inFlight = InFlight.Next;
            var next = await PressAsync(card.FindAction("report.next"), values, TurnKinds.Step, stop);
            _inFlight = InFlight.None;
            if ((next?.Kind == CardKind.Step && Ordinal(next) == ordinal + 1) || next?.Kind == CardKind.Review)
            {
                card = next;
                continue;
            }

            throw new FlowFailedException("unexpected-card", $"after step {ordinal}: {Describe(next)}");
        }

        Expect(card, CardKind.Review, "review");
        _lastWizardCard = card;
        if (card.Attention.Count > 0)
        {
            throw new FlowFailedException("unexpected-card", "review with errors: " + string.Join(" / ", card.Attention));
        }

        return await SubmitAsync(card, stop);
    }

    private async Task<CardView> SubmitAsync(CardView review, CancellationToken stop)
    {
        _inFlight = InFlight.Submit;
        var submit = review.FindAction("report.submit");
        var confirmation = await PressAsync(submit, null, TurnKinds.Submit, stop);
        _inFlight = InFlight.None;
        Expect(confirmation, CardKind.Confirmation, "confirmation");
        var reportId = submit?.DataString("draftId") ?? string.Empty;
        context.Acknowledge(new AcknowledgedReport(identity.Index, reportId, confirmation!.ReportNumber!, context.AcknowledgedValues.Pack(_flowValues), context.Restarted));
        if (context.Restarted)
        {
            AcknowledgedAfterRestart++;
        }

        _lastWizardCard = null;
        return confirmation;
    }

    /// <summary>
    /// After the bot came back: "continuar" must show the last step the delegate saw acknowledged, or the one its
    /// in-flight click was moving to, never an older one; a submit in flight is finished by clicking it again.
    /// </summary>
    private async Task<CardView?> ResyncAsync(CancellationToken stop)
    {
        await context.Gate.WaitUpAsync(stop);
        var seen = _lastWizardCard;
        var inFlight = _inFlight;
        _inFlight = InFlight.None;
        if (seen is null)
        {
            return null;
        }

        CardView? resumed;
        try
        {
            resumed = await SayAsync("continuar", TurnKinds.Resume, stop);
        }
        catch (TurnInterruptedException)
        {
            return await ResyncAsync(stop);
        }

        var acknowledged = seen.Kind == CardKind.Review ? int.MaxValue : Ordinal(seen);
        if (resumed?.Kind is CardKind.Step or CardKind.Review)
        {
            var at = resumed.Kind == CardKind.Review ? int.MaxValue : Ordinal(resumed);
            var allowed = at == acknowledged || (inFlight == InFlight.Next && (at == acknowledged + 1 || (at == int.MaxValue && IsLastStep(seen))));
            context.ResumeChecked(allowed ? null : $"delegate {identity.Index}: draft resumed at step {Show(at)}, acknowledged step {Show(acknowledged)} (in flight: {inFlight})");
            return resumed;
        }

        if (resumed?.Kind == CardKind.Notice && inFlight == InFlight.Submit && seen.Kind == CardKind.Review)
        {
            // The submit was stored before the crash: the draft is closed; the review's button gives the confirmation again.
            context.ResumeChecked(null);
            try
            {
                return await SubmitAsync(seen, stop);
            }
            catch (TurnInterruptedException)
            {
                return null;
            }
        }

        context.ResumeChecked($"delegate {identity.Index}: after the restart «continuar» showed {Describe(resumed)}, acknowledged step {Show(acknowledged)} (in flight: {inFlight})");
        return null;
    }

    private static string Show(int ordinal) => ordinal == int.MaxValue ? "review" : ordinal.ToString(CultureInfo.InvariantCulture);

    private static bool IsLastStep(CardView card) =>
        ProgressPattern().Match(card.FirstText) is { Success: true } match && match.Groups[1].Value == match.Groups[2].Value;

    /// <summary>The step's number from its progress line ("Paso 3 de 7"), or -1.</summary>
    private static int Ordinal(CardView card) =>
        ProgressPattern().Match(card.FirstText) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    private static void Expect(CardView? card, CardKind kind, string what)
    {
        if (card?.Kind != kind)
        {
            throw new FlowFailedException("unexpected-card", $"expected {what}, got {Describe(card)}");
        }
    }

    private static string Describe(CardView? card) => card is null
        ? "no card"
        : $"{card.Kind} «{Truncate(card.AllText(), 400)}»";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    /// <summary>Types a message; the answer is the card the bot replies with through the connector.</summary>
    private async Task<CardView?> SayAsync(string text, string kind, CancellationToken stop)
    {
        var activity = WriteActivity("message", text, null);
        while (_inbox.TryRead(out _))
        {
            // Anything left from an interrupted turn is not the answer to this one.
        }

        var (status, _, started, token) = await PostAsync(activity, stop);
        if (status != HttpStatusCode.OK)
        {
            throw new FlowFailedException("http-" + ((int)status).ToString(CultureInfo.InvariantCulture), $"message «{text}» answered {(int)status}");
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop, token);
        wait.CancelAfter(context.Options.TurnTimeout);
        SinkMessage reply;
        try
        {
            reply = await _inbox.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            if (token.IsCancellationRequested)
            {
                throw new TurnInterruptedException();
            }

            throw new FlowFailedException("timeout", $"no reply to «{text}» within {context.Options.TurnTimeout.TotalSeconds:0} s");
        }

        context.TurnDone(kind, started, reply.ArrivedAt);
        using var document = JsonDocument.Parse(reply.Body);
        var body = document.RootElement;
        return CardView.Of(body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array
            && attachments.GetArrayLength() > 0 && attachments[0].ValueKind == JsonValueKind.Object
            && attachments[0].TryGetProperty("content", out var content) ? content : null);
    }

    /// <summary>Clicks an Action.Execute button with the card's inputs; the answer is the card in the HTTP response.</summary>
    private async Task<CardView?> PressAsync(CardButton? action, IReadOnlyDictionary<string, string>? inputs, string kind, CancellationToken stop)
    {
        var button = action ?? throw new FlowFailedException("unexpected-card", $"{kind}: the card has no button for it");
        var (status, body, started, _) = await PostAsync(WriteActivity("invoke", null, (button, inputs)), stop);
        var answered = Stopwatch.GetTimestamp();
        if (status != HttpStatusCode.OK)
        {
            throw new FlowFailedException("http-" + ((int)status).ToString(CultureInfo.InvariantCulture), $"{kind} answered {(int)status}: {Truncate(Encoding.UTF8.GetString(body.Span), 200)}");
        }

        context.TurnDone(kind, started, answered);

        // Read straight from the delegate's buffer in one pass; the view keeps only what it read.
        if (!CardView.TryReadInvokeAnswer(body.Span, out var card))
        {
            throw new FlowFailedException("unexpected-card", $"{kind} answered without a card: {Truncate(Encoding.UTF8.GetString(body.Span), 300)}");
        }

        return card;
    }

    /// <returns>The answer's body lies in the delegate's own buffer, valid until its next request.</returns>
    private async Task<(HttpStatusCode Status, ReadOnlyMemory<byte> Body, long Started, CancellationToken Down)> PostAsync(ReadOnlyMemory<byte> activity, CancellationToken stop)
    {
        if (context.Options.Think > TimeSpan.Zero)
        {
            await Task.Delay(context.Options.Think, stop);
        }

        await context.Gate.WaitUpAsync(stop);
        var epoch = context.Gate.Epoch;
        var down = context.Gate.DownToken;
        long? due = context.Pacer is { } pacer ? await pacer.WaitForTurnAsync(context.ScheduleEpoch, stop) : null;
        if (_token is not null && Stopwatch.GetElapsedTime(_tokenAt) > TimeSpan.FromMinutes(30))
        {
            _token = context.Bot.NewToken();
            _tokenAt = Stopwatch.GetTimestamp();
        }

        if (!MemoryMarshal.TryGetArray(activity, out var segment))
        {
            segment = activity.ToArray();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, context.Bot.MessagesUrl)
        {
            // A ByteArrayContent over the delegate's buffer, not a ReadOnlyMemoryContent: with the latter the bot spent
            // more CPU per turn in five interleaved runs out of five (the body seems to go out apart from the headers).
            Content = new ByteArrayContent(segment.Array!, segment.Offset, segment.Count) { Headers = { ContentType = Json } },
        };
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop, down);
        timeout.CancelAfter(context.Options.TurnTimeout);
        var started = due ?? Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _requestsOut);
        try
        {
            // Headers first, then the body straight into the delegate's buffer: read whole by SendAsync, it was
            // buffered once by the client and copied again into an array of its own.
            using var response = await context.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            _answer.ResetWrittenCount();
            await using (var stream = await response.Content.ReadAsStreamAsync(timeout.Token))
            {
                int read;
                while ((read = await stream.ReadAsync(_answer.GetMemory(4096), timeout.Token)) > 0)
                {
                    _answer.Advance(read);
                }
            }

            return (response.StatusCode, _answer.WrittenMemory, started, down);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException && !stop.IsCancellationRequested)
        {
            if (context.Gate.Epoch != epoch || down.IsCancellationRequested)
            {
                throw new TurnInterruptedException();
            }

            throw exception is HttpRequestException or IOException
                ? new FlowFailedException("http-connection", exception.Message)
                : new FlowFailedException("timeout", $"no HTTP answer within {context.Options.TurnTimeout.TotalSeconds:0} s");
        }
        finally
        {
            Interlocked.Decrement(ref _requestsOut);
        }
    }

    /// <summary>
    /// The activity a Teams client would send, written straight to UTF-8 into the delegate's own buffer (a delegate has one
    /// turn at a time): a typed message (<paramref name="text"/>) or a click on an Action.Execute button with the card's
    /// inputs merged into the button's data, as a client does. A node tree per activity was a tenth of what the generator
    /// allocated, and its collections pause every turn in flight.
    /// </summary>
    private ReadOnlyMemory<byte> WriteActivity(string type, string? text, (CardButton Button, IReadOnlyDictionary<string, string>? Inputs)? click)
    {
        var n = ++_sequence;
        _activity.ResetWrittenCount();
        using var w = new Utf8JsonWriter(_activity);
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("id", $"{identity.ConversationId}-{context.Gate.Epoch}-{n}");
        w.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        w.WriteString("serviceUrl", context.Bot.Sink.ServiceUrl);
        w.WriteString("channelId", "msteams");
        w.WriteStartObject("from");
        w.WriteString("id", identity.UserId);
        w.WriteString("name", identity.Name);
        w.WriteString("aadObjectId", identity.AadObjectId);
        w.WriteEndObject();
        w.WriteStartObject("conversation");
        w.WriteString("id", identity.ConversationId);
        w.WriteString("conversationType", "personal");
        w.WriteString("tenantId", BotUnderTest.TenantId);
        w.WriteEndObject();
        w.WriteStartObject("recipient");
        w.WriteString("id", "28:" + BotUnderTest.AppId);
        w.WriteString("name", "ParticipaBot");
        w.WriteEndObject();
        w.WriteString("locale", "es-CO");
        w.WriteStartObject("channelData");
        w.WriteStartObject("tenant");
        w.WriteString("id", BotUnderTest.TenantId);
        w.WriteEndObject();
        w.WriteEndObject();
        if (text is not null)
        {
            w.WriteString("text", text);
        }

        if (click is { } pressed)
        {
            var (button, inputs) = pressed;
            w.WriteString("name", "adaptiveCard/action");
            w.WriteStartObject("value");
            w.WriteStartObject("action");
            w.WriteString("type", "Action.Execute");
            w.WriteString("verb", button.Verb);
            w.WriteStartObject("data");
            button.WriteDataTo(w, inputs);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("trigger", "manual");
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.Flush();
        return _activity.WrittenMemory;
    }
}

/// <summary>A turn the bot could not answer because it was killed: the delegate resynchronises after the restart.</summary>
public sealed class TurnInterruptedException : Exception
{
    public TurnInterruptedException()
        : base("The bot went down during the turn.")
    {
    }
}

/// <summary>A flow that went wrong: counted by kind, and the delegate starts a new flow.</summary>
public sealed class FlowFailedException(string kind, string message) : Exception(message)
{
    public string Kind { get; } = kind;
}

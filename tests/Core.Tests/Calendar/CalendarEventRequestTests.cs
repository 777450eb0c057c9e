using ParticipaBot.Core.Calendar;

namespace ParticipaBot.Core.Tests.Calendar;

public sealed class CalendarEventRequestTests
{
    private static readonly CalendarEventRequest Valid = new(
        "space-1",
        1,
        "Mesa de diálogo con veedurías",
        "Escuchar propuestas",
        BogotaTime.FromLocal(new DateOnly(2026, 3, 10), new TimeOnly(9, 0)),
        BogotaTime.FromLocal(new DateOnly(2026, 3, 10), new TimeOnly(11, 0)),
        "Sala 2",
        null,
        ["ana@entidad.gov.co"],
        IsVirtual: false);

    [Fact]
    public void TransactionIdFor_SameSpaceAndVersion_IsStableGuid()
    {
        var first = CalendarEventRequest.TransactionIdFor("space-1", 1);

        Assert.Equal(first, CalendarEventRequest.TransactionIdFor("space-1", 1));
        Assert.Equal(first, Valid.TransactionId);
        Assert.NotEqual(first, CalendarEventRequest.TransactionIdFor("space-1", 2));
        Assert.NotEqual(first, CalendarEventRequest.TransactionIdFor("space-2", 1));
        Assert.True(Guid.TryParseExact(first, "D", out _));
        Assert.Equal(36, first.Length);
    }

    [Fact]
    public void Validate_CompleteRequest_HasNoProblems()
    {
        Assert.Empty(Valid.Validate());
    }

    [Fact]
    public void Validate_EndBeforeStartAndBadEmail_ReportsBothInSpanish()
    {
        var bad = Valid with { End = Valid.Start.AddHours(-1), AttendeeEmails = ["ana"] };

        var problems = bad.Validate();

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("El fin", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Correo de asistente no válido: 'ana'", problems[1], StringComparison.Ordinal);
    }
}

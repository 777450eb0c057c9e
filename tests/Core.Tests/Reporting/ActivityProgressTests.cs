using ParticipaBot.Core.Reporting;

namespace ParticipaBot.Core.Tests.Reporting;

public sealed class ActivityProgressTests
{
    private static (ActivityProgress? Progress, ValidationResult Validation) Validate(params (string Key, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["activity"] = "ACT-3",
            ["cuatrimestre"] = "1",
            ["status"] = "EN_CURSO",
            ["percentage"] = "50",
            ["note"] = "Guía en revisión jurídica.",
        };
        foreach (var (key, value) in changes)
        {
            values[key] = value;
        }

        var context = ReportTestData.Context() with { KnownActivityIds = new HashSet<string>(["ACT-3"]) };
        return ActivityProgressValidator.Validate(values, context);
    }

    [Fact]
    public void Validate_InProgressAtHalf_BuildsTheRecord()
    {
        var (progress, validation) = Validate();

        Assert.True(validation.IsValid);
        Assert.Equal(new ActivityProgress("ACT-3", 2026, 1, ProgressStatus.EnCurso, 50, progress!.Evidence, "Guía en revisión jurídica."), progress);
    }

    [Fact]
    public void Validate_CompletedWithFullPercentageAndEvidence_Accepted()
    {
        var (progress, validation) = Validate(("status", "CUMPLIDA"), ("percentage", "100"), ("evidence.0", "https://intranet.example.gov.co/guia.pdf"));

        Assert.True(validation.IsValid, string.Join("\n", validation.Errors.Select(e => e.Message.Es)));
        Assert.Single(progress!.Evidence);
    }

    [Theory]
    [InlineData("percentage", "101", "percentage", "entre 0 y 100")]
    [InlineData("percentage", "-1", "percentage", "entre 0 y 100")]
    [InlineData("percentage", "50.5", "percentage", "entero")]
    [InlineData("percentage", "mitad", "percentage", "entero")]
    [InlineData("status", "CASI", "status", "elija no iniciada")]
    [InlineData("cuatrimestre", "4", "cuatrimestre", "de 1 a 3")]
    [InlineData("cuatrimestre", "3", "cuatrimestre", "aún no ha comenzado")]
    [InlineData("activity", "ACT-99", "activity", "no es una actividad del plan")]
    [InlineData("evidence.0", "http://example.org/x", "evidence.0", "https")]
    [InlineData("evidence.x", "https://example.org/x", "evidence.x", "https")]
    public void Validate_ForgedValue_Refused(string key, string value, string errorKey, string spanish)
    {
        var (progress, validation) = Validate((key, value));

        Assert.Null(progress);
        Assert.Contains(validation.ForKey(errorKey), e => e.Message.Es.Contains(spanish, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CUMPLIDA", "90", "tiene 100 %")]
    [InlineData("NO_INICIADA", "10", "tiene 0 %")]
    [InlineData("EN_CURSO", "100", "entre 1 % y 99 %")]
    [InlineData("EN_CURSO", "0", "entre 1 % y 99 %")]
    public void Validate_StatusAndPercentageDisagree_Refused(string status, string percentage, string spanish)
    {
        var (_, validation) = Validate(("status", status), ("percentage", percentage), ("evidence.0", "https://example.org/e"));

        Assert.Contains(validation.ForKey("percentage"), e => e.Message.Es.Contains(spanish, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CompletedWithoutEvidence_Refused()
    {
        var (_, validation) = Validate(("status", "CUMPLIDA"), ("percentage", "100"));

        Assert.NotEmpty(validation.ForKey("evidence"));
    }

    [Fact]
    public void CheckConsistency_StoredRecordOutOfRange_Refused() =>
        Assert.False(ActivityProgressValidator.CheckConsistency(new ActivityProgress("A", 2026, 1, ProgressStatus.EnCurso, 150, [], null)).IsValid);
}

using System.Text;
using System.Text.Json;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Storage.Tests.Repositories;

namespace ParticipaBot.Storage.Tests;

/// <summary>
/// Typed collections write the serializer's own bytes as the stored body (no JsonElement written out again): those
/// bytes must be exactly the compact form the element route stores and the size limit counts.
/// </summary>
public sealed class StoredFormTests
{
    private const string Tricky = "Participación — ñandú ÁÉÍÓÚ 日本語 🎉👩🏽‍💻 \"comillas\" \\ barra <b>&amp;</b> ' \u0001\u001f\u007f \u2028\u2029 \t\r\n \uFFFD \uFEFF";

    public static TheoryData<string> Values => ["draft", "minimalDraft", "report", "marker", "anonymous", "loneSurrogate"];

    [Theory]
    [MemberData(nameof(Values))]
    public void SerializerBytes_AreTheStoredForm(string kind)
    {
        var (value, type) = Sample(kind);

        var direct = DocumentLimits.ToStoredForm(JsonSerializer.SerializeToUtf8Bytes(value, type, StorageJson.Options));
        var viaElement = DocumentLimits.SerializeBody(JsonSerializer.SerializeToElement(value, type, StorageJson.Options));

        Assert.Equal(Encoding.UTF8.GetString(viaElement), Encoding.UTF8.GetString(direct));
        Assert.Equal(viaElement, direct);
        Assert.True(DocumentLimits.WritesStoredForm(StorageJson.Options));
    }

    [Fact]
    public void WritesStoredForm_OtherEncoderOrIndented_IsFalse()
    {
        Assert.False(DocumentLimits.WritesStoredForm(JsonSerializerOptions.Default));
        Assert.False(DocumentLimits.WritesStoredForm(new JsonSerializerOptions(StorageJson.Options) { WriteIndented = true }));
        Assert.True(DocumentLimits.WritesStoredForm(new JsonSerializerOptions(StorageJson.Options)));
    }

    private static (object Value, Type Type) Sample(string kind) => kind switch
    {
        "draft" => (new ReportWizardDraft
        {
            Draft = new ReportDraft
            {
                Id = "rep-2026-0f3a",
                Year = 2026,
                CurrentStep = "resultados",
                Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = Tricky, ["clave ñ \"x\""] = "1", ["empty"] = string.Empty },
            },
            EntityId = "alcaldía-de-bogotá",
            UserId = "29:1a2b",
            StartedAt = new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1234567),
            UpdatedAt = DateTimeOffset.UnixEpoch,
            ReturnToReview = true,
        }, typeof(ReportWizardDraft)),
        "minimalDraft" => (new ReportWizardDraft { Draft = new ReportDraft { Id = "r", Year = 1, CurrentStep = "s" }, EntityId = "e", StartedAt = default }, typeof(ReportWizardDraft)),
        "report" => (ReportRepositoryTests.SampleReport("rep-2026-1", Tricky), typeof(ParticipationReport)),
        "marker" => (new ReportedSpace("space-ñ", "rep-2026-1", 2026), typeof(ReportedSpace)),
        "anonymous" => Anonymous(new { text = Tricky, number = 1.5m, big = long.MaxValue, small = double.Epsilon, nested = new { list = new[] { 1, 2 }, none = (string?)null } }),
        _ => (new ReportDraft { Id = "r", Year = 1, CurrentStep = "ab🎉"[..3] }, typeof(ReportDraft)),
    };

    private static (object Value, Type Type) Anonymous(object value) => (value, value.GetType());
}

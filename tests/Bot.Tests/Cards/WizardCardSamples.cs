using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Reporting;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Tests.Cards;

/// <summary>Every card the report wizard can send, rendered from fixed test data (the catalog validates and snapshots them).</summary>
internal static class WizardCardSamples
{
    private const string DraftId = "rep-2026-00000000000000000000000000000001";
    private const string Area = "Grupo de Atención Ciudadana";

    private static readonly ReportValidationContext s_context = new(
        new DateOnly(2026, 6, 30),
        2026,
        new HashSet<string>([Area], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["ESP-001", "ESP-002"], StringComparer.Ordinal),
        Catalogs.Default)
    {
        KnownAreas = new HashSet<string>([Area, "Oficina Asesora de Planeación"], StringComparer.OrdinalIgnoreCase),
    };

    private static readonly Dictionary<string, string> s_spaceLabels = new(StringComparer.Ordinal)
    {
        ["ESP-001"] = "Encuentro territorial de trabajo decente (2026-06-18)",
        ["ESP-002"] = "Taller con organizaciones sociales (2026-05-12)",
    };

    /// <summary>A complete, valid report as the wizard stores it.</summary>
    public static Dictionary<string, string> Valid { get; } = new(StringComparer.Ordinal)
    {
        ["space.id"] = "ESP-001",
        ["activity"] = "act-2",
        ["name"] = "Encuentro territorial de trabajo decente",
        ["heldOn.from"] = "2026-06-18",
        ["area.leader"] = Area,
        ["modality.mode"] = "PRESENCIAL",
        ["place.venue"] = "Pasto",
        ["format"] = "ENCUENTRO_TERRITORIAL",
        ["spaceKind"] = "PLANEACION_PRESUPUESTO",
        ["phase"] = "IMPLEMENTACION",
        ["level"] = "COLABORACION",
        ["activitiesDone"] = "Presentación del plan y mesas de trabajo por subregión.",
        ["goals.0"] = "Estrategia de participación ciudadana",
        ["result.text"] = "Se priorizaron tres acciones de formalización laboral.",
        ["result.category"] = "AJUSTE_PLAN",
        ["valueGroups.actorTypes"] = "SINDICATOS,ENTIDADES_TERRITORIALES",
        ["valueGroups.populationFocus"] = "CAMPESINADO",
        ["participants.total"] = "40",
        ["participants.group.SINDICATOS"] = "12",
        ["items.0.kind"] = "PROPUESTA",
        ["items.0.text"] = "Llevar las jornadas de formalización a las veredas.",
        ["items.0.group"] = "SINDICATOS",
        ["answers.0.decision"] = "EN_ESTUDIO",
        ["commitments.0.what"] = "Publicar la relatoría",
        ["commitments.0.who"] = "Grupo de Atención Ciudadana",
        ["commitments.0.due"] = "2026-07-31",
        ["commitments.0.status"] = "PENDIENTE",
        ["evidence.0.kind"] = "ACTA",
        ["evidence.0.url"] = "https://contoso.sharepoint.com/sites/participacion/acta.pdf",
        ["evidence.1.kind"] = "LISTA_ASISTENCIA",
        ["evidence.1.fileName"] = "Lista de asistencia.pdf",
        ["evidence.1.contentType"] = "pdf",
        ["evidence.1.size"] = "120000",
    };

    /// <summary>Wrong values on every step (a forged card): each step shows its errors next to the fields.</summary>
    public static Dictionary<string, string> Invalid { get; } = new(StringComparer.Ordinal)
    {
        ["space.id"] = "ESP-999",
        ["heldOn.from"] = "2026-07-15",
        ["area.leader"] = "Oficina Asesora de Planeación",
        ["modality.mode"] = "PRESENCIAL",
        ["place.link"] = "http://inseguro.example",
        ["format"] = "KARAOKE",
        ["result.category"] = "X",
        ["participants.total"] = "treinta",
        ["items.0.text"] = "Sin tipo",
        ["commitments.0.what"] = "Sin responsable",
        ["evidence.0.kind"] = "ACTA",
        ["evidence.0.url"] = "http://inseguro.example/acta",
        ["publication.date"] = "2026-07-01",
    };

    public static IEnumerable<KeyValuePair<string, AdaptiveCard>> All(UserLanguage language, string suffix)
    {
        var form = ReportWizard.Form;
        SpaceOption[] due = [new("ESP-001", "Encuentro territorial de trabajo decente", new DateOnly(2026, 6, 18), Area), new("ESP-000", "Mesa de caracterización", new DateOnly(2026, 2, 20), Area, Locked: true)];
        SpaceOption[] upcoming = [new("ESP-003", "Audiencia pública de rendición de cuentas", new DateOnly(2026, 10, 22), Area)];
        var draftSummary = new DraftSummary("Encuentro territorial de trabajo decente", 3, 7);
        yield return KeyValuePair.Create($"wizard-picker.{suffix}", ReportWizardCards.Picker(language, due, upcoming, draftSummary));
        yield return KeyValuePair.Create($"wizard-picker-empty.{suffix}", ReportWizardCards.Picker(language, [], [], null, Texts.WizardSpaceNotYours.For(language)));
        yield return KeyValuePair.Create($"wizard-pending.{suffix}", ReportWizardCards.Pending(language, due, draftSummary));
        yield return KeyValuePair.Create($"wizard-pending-none.{suffix}", ReportWizardCards.Pending(language, [], null));
        foreach (var step in form.Steps.Where(s => s.Id != "revision"))
        {
            yield return KeyValuePair.Create($"wizard-step{step.Number}-empty.{suffix}", Step(step.Id, [], language, validate: false));
            yield return KeyValuePair.Create($"wizard-step{step.Number}-filled.{suffix}", Step(step.Id, Valid, language, validate: false));
            yield return KeyValuePair.Create($"wizard-step{step.Number}-errors.{suffix}", Step(step.Id, Invalid, language, validate: true));
        }

        yield return KeyValuePair.Create($"wizard-review.{suffix}", Review(Valid, language));
        yield return KeyValuePair.Create($"wizard-review-errors.{suffix}", Review(Invalid, language));
        yield return KeyValuePair.Create($"wizard-confirmation.{suffix}", ReportWizardCards.Confirmation(language, ReportNumbers.For(DraftId, 2026), "Encuentro territorial de trabajo decente"));
        yield return KeyValuePair.Create($"wizard-notice.{suffix}", ReportWizardCards.Notice(language, Texts.WizardCancelled.For(language)));
    }

    private static AdaptiveCard Step(string stepId, Dictionary<string, string> values, UserLanguage language, bool validate)
    {
        var wizard = Wizard(values, stepId);
        var validation = validate ? ReportValidator.ValidateStep(ReportWizard.Form, stepId, values, s_context, values) : ValidationResult.Valid;
        return ReportWizardCards.Step(wizard, Context(values, validation, language), values.GetValueOrDefault("name") ?? "—");
    }

    private static AdaptiveCard Review(Dictionary<string, string> values, UserLanguage language)
    {
        var validation = ReportValidator.ValidateAll(ReportWizard.Form, values, s_context);
        return ReportWizardCards.Review(Wizard(values, "revision"), Context(values, validation, language), values.GetValueOrDefault("name") ?? "—");
    }

    private static FieldRenderContext Context(Dictionary<string, string> values, ValidationResult validation, UserLanguage language) =>
        new(ReportWizard.Form, values, validation, s_context, language, s_spaceLabels)
        {
            ActivityLabels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["act-1"] = "1.1 Caracterizar los grupos de valor",
                ["act-2"] = "2.1 Formular la estrategia de participación",
            },
        };

    private static ReportWizardDraft Wizard(Dictionary<string, string> values, string stepId) => new()
    {
        Draft = new ReportDraft { Id = DraftId, Year = 2026, CurrentStep = stepId, Values = values },
        EntityId = "mintrabajo",
        StartedAt = new DateTimeOffset(2026, 6, 30, 15, 0, 0, TimeSpan.Zero),
    };
}

using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Tests.Reporting;

/// <summary>A complete, valid report of a Mintrabajo workshop, and the context it is checked in.</summary>
internal static class ReportTestData
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static Catalogs MintrabajoCatalogs { get; } = Catalogs.Default.Extend(
        VocabularyIds.ActorType,
        ("TRABAJADORES", "Trabajadores", "Workers"),
        ("EMPLEADORES", "Empleadores", "Employers"),
        ("PENSIONADOS", "Pensionados", "Pensioners"));

    public static ReportValidationContext Context(DateOnly? today = null) => new(
        today ?? Today,
        2026,
        new HashSet<string>(["GRUPO_ATENCION"], StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(["ESP-001", "ESP-002"], StringComparer.Ordinal),
        MintrabajoCatalogs);

    public static Dictionary<string, string> ValidValues() => new(StringComparer.Ordinal)
    {
        ["space.id"] = "ESP-001",
        ["activity"] = "ACT-3",
        ["name"] = "Mesa de trabajo con sindicatos del sector",
        ["heldOn.from"] = "2026-03-10",
        ["area.leader"] = "GRUPO_ATENCION",
        ["area.support"] = "OAP",
        ["modality.mode"] = "PRESENCIAL",
        ["place.venue"] = "Sede principal, sala 3",
        ["place.municipality"] = "Bogotá D.C.",
        ["format"] = "TALLER",
        ["spaceKind"] = "CONSULTA_CIUDADANA",
        ["phase"] = "FORMULACION",
        ["level"] = "CONSULTA",
        ["activitiesDone"] = "Presentación del proyecto de política y trabajo en tres mesas temáticas.",
        ["valueGroups.actorTypes"] = "SINDICATOS,TRABAJADORES",
        ["valueGroups.populationFocus"] = "MUJERES",
        ["participants.total"] = "35",
        ["participants.women"] = "20",
        ["participants.men"] = "15",
        ["participants.group.SINDICATOS"] = "10",
        ["goals.0"] = "Política pública de trabajo decente",
        ["goals.1"] = "Formalización laboral",
        ["items.0.kind"] = "PROPUESTA",
        ["items.0.text"] = "Incluir a los trabajadores rurales en la política.",
        ["items.0.group"] = "SINDICATOS",
        ["items.1.kind"] = "PREGUNTA",
        ["items.1.text"] = "¿Cuándo se publica el borrador?",
        ["answers.0.decision"] = "ACOGIDA_PARCIAL",
        ["answers.0.justification"] = "Se incluye en la fase dos por presupuesto.",
        ["answers.0.who"] = "Dirección de Políticas",
        ["answers.0.date"] = "2026-03-20",
        ["result.text"] = "Se recogieron 12 aportes que ajustan el borrador de la política.",
        ["result.category"] = "INSUMO_DIAGNOSTICO",
        ["commitments.0.what"] = "Publicar la versión ajustada",
        ["commitments.0.who"] = "Oficina Asesora de Planeación",
        ["commitments.0.due"] = "2026-09-30",
        ["commitments.0.status"] = "PENDIENTE",
        ["participantEvaluation.surveys"] = "20",
        ["participantEvaluation.satisfaction"] = "87.5",
        ["internalEvaluation.achievements"] = "Alta participación sindical.",
        ["evidence.0.kind"] = "ACTA",
        ["evidence.0.url"] = "https://intranet.example.gov.co/actas/2026-03-10.pdf",
        ["evidence.1.kind"] = "LISTA_ASISTENCIA",
        ["evidence.1.fileName"] = "lista.pdf",
        ["evidence.1.contentType"] = "application/pdf",
        ["evidence.1.size"] = "12345",
        ["publication.date"] = "2026-04-01",
        ["publication.url"] = "https://www.example.gov.co/participa/resultados",
        ["differentialFocus.applied"] = "true",
        ["differentialFocus.description"] = "Intérprete de lengua de señas y horario para madres cabeza de hogar.",
    };

    public static ReportDraft ValidDraft() => new()
    {
        Id = "rep-1",
        Year = 2026,
        CurrentStep = ReportSteps.Review,
        Values = ValidValues(),
    };

    public static ParticipationReport ValidReport()
    {
        var result = ReportBuilder.Build(ReportForm.Default, ValidDraft(), Context());
        Assert.True(result.Succeeded, string.Join("\n", result.Validation.Errors.Select(e => e.Message.Es)));
        return result.Report!;
    }
}

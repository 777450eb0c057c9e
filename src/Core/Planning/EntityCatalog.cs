using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>
/// The controlled vocabularies of one entity (DOMAIN.md): areas, value groups on two axes, institutional goals,
/// phases, kinds of space, levels, modalities and formats. <see cref="Defaults"/> holds the national defaults;
/// entities extend them by configuration and by the names found in their own files.
/// </summary>
public sealed record EntityCatalog(
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> ActorGroups,
    IReadOnlyList<string> PopulationGroups,
    IReadOnlyList<string> Goals,
    IReadOnlyList<string> Phases,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> Formats)
{
    /// <summary>The defaults of DOMAIN.md. Areas hold only names common to every national entity.</summary>
    public static EntityCatalog Defaults { get; } = new(
        Areas:
        [
            "Secretaría General", "Oficina Asesora de Planeación", "Oficina de Control Interno", "Control Interno",
            "Oficina Asesora Jurídica", "Oficina de Tecnologías de la Información", "Grupo de Atención al Ciudadano",
            "Grupo de Atención Ciudadana", "Grupo de Relación con el Ciudadano", "Oficina de Comunicaciones",
            "Grupo de Comunicaciones", "Subdirección Administrativa", "Grupo de Talento Humano",
        ],
        ActorGroups:
        [
            "ciudadanía", "organizaciones sociales y comunitarias", "veedurías", "gremios y empresas", "sindicatos",
            "academia", "entidades públicas", "entidades territoriales", "organismos de control",
            "instancias de participación", "medios", "cooperación/ONG", "servidores públicos",
        ],
        PopulationGroups:
        [
            "mujeres", "jóvenes", "niñez", "personas mayores", "personas con discapacidad", "LGBTIQ+",
            "pueblos indígenas", "comunidades NARP", "pueblo Rrom", "víctimas", "campesinado", "migrantes",
        ],
        Goals: [],
        Phases: ["DIAGNOSTICO", "FORMULACION", "IMPLEMENTACION", "SEGUIMIENTO_EVALUACION"],
        Kinds:
        [
            "diagnóstico e identificación de problemas", "planeación y presupuesto participativo", "consulta ciudadana",
            "colaboración e innovación abierta", "rendición de cuentas", "control social",
        ],
        Levels: ["información", "consulta", "involucramiento/colaboración", "empoderamiento", "control social"],
        Modalities: ["presencial", "virtual", "mixta"],
        Formats:
        [
            "audiencia pública", "foro", "mesa de trabajo", "taller", "conversatorio", "grupo focal",
            "encuentro territorial", "feria", "sesión de instancia", "consulta virtual",
            "proyecto normativo para comentarios", "encuesta",
        ]);

    /// <summary>A copy with more entries appended to each list (duplicates by folded text are dropped).</summary>
    public EntityCatalog Extend(
        IEnumerable<string>? areas = null,
        IEnumerable<string>? actorGroups = null,
        IEnumerable<string>? populationGroups = null,
        IEnumerable<string>? goals = null,
        IEnumerable<string>? formats = null) => this with
        {
            Areas = Merge(Areas, areas),
            ActorGroups = Merge(ActorGroups, actorGroups),
            PopulationGroups = Merge(PopulationGroups, populationGroups),
            Goals = Merge(Goals, goals),
            Formats = Merge(Formats, formats),
        };

    /// <summary>
    /// The catalogue entry the text names (folded comparison: case, accents and spacing ignored), or null.
    /// Phases also match their Spanish words ("Seguimiento y evaluación" → SEGUIMIENTO_EVALUACION).
    /// </summary>
    public static string? Match(IReadOnlyList<string> list, string? text)
    {
        ArgumentNullException.ThrowIfNull(list);
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (var entry in list)
        {
            var candidate = TextFolding.Fold(entry);
            if (candidate == folded || candidate.Replace('_', ' ') == folded.Replace(" y ", " ", StringComparison.Ordinal).Replace('_', ' '))
            {
                return entry;
            }
        }

        return null;
    }

    private static string[] Merge(IReadOnlyList<string> current, IEnumerable<string>? more)
    {
        var result = new List<string>(current);
        var seen = new HashSet<string>(current.Select(TextFolding.Fold), StringComparer.Ordinal);
        foreach (var item in more ?? [])
        {
            if (!string.IsNullOrWhiteSpace(item) && seen.Add(TextFolding.Fold(item)))
            {
                result.Add(item.Trim());
            }
        }

        return [.. result];
    }
}

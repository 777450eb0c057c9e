using System.Globalization;
using ParticipaBot.Bot.Import;
using ParticipaBot.Core.Planning;

namespace ParticipaBot.Bot.SampleData;

/// <summary>
/// A real plan to start with: the Ministerio del Trabajo strategy (public data, embedded) for the given year, with
/// participation spaces spread over that year, so that a newcomer sees real content on a fresh machine.
/// </summary>
internal static class SampleData
{
    public const string ResourceName = "ParticipaBot.Bot.SampleData.mintrabajo-estrategia-participacion.txt";

    public static Plan Build(string entityId, int year, EntityCatalog? catalog = null)
    {
        using var stream = typeof(SampleData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var read = TableFileReader.ReadText(memory.ToArray(), csv: false);
        var result = PlanTableImporter.Import(read.Rows, new PlanImportOptions(entityId, year, Catalog: catalog, SourceName: "mintrabajo-estrategia-participacion.txt"));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The sample plan does not import: " + string.Join("; ", result.Errors));
        }

        var plan = result.Plan!;
        return plan with { Spaces = Spaces(plan) };
    }

    private static List<ScheduledSpace> Spaces(Plan plan)
    {
        var activities = plan.Activities.ToList();
        var year = plan.Year;
        var samples = new (int Activity, string Name, string Kind, string Phase, string Level, string Modality, string Format, string[] Actors, string[] Population, int Month, int Day, int Hour, string Place)[]
        {
            (0, "Mesa de trabajo para caracterizar los grupos de valor", "diagnóstico e identificación de problemas", "DIAGNOSTICO", "consulta", "presencial", "mesa de trabajo", ["sindicatos", "gremios y empresas"], [], 2, 20, 9, "Bogotá, sede principal"),
            (3, "Consulta virtual del cronograma de participación", "consulta ciudadana", "FORMULACION", "consulta", "virtual", "consulta virtual", ["ciudadanía"], ["jóvenes"], 3, 15, 10, "Portal institucional"),
            (4, "Taller con organizaciones sociales sobre el formato de reporte", "colaboración e innovación abierta", "FORMULACION", "involucramiento/colaboración", "mixta", "taller", ["organizaciones sociales y comunitarias"], ["mujeres"], 5, 12, 14, "Medellín"),
            (5, "Encuentro territorial de trabajo decente", "planeación y presupuesto participativo", "IMPLEMENTACION", "involucramiento/colaboración", "presencial", "encuentro territorial", ["entidades territoriales", "sindicatos"], ["campesinado"], 6, 18, 9, "Pasto"),
            (6, "Foro virtual de formalización laboral", "consulta ciudadana", "IMPLEMENTACION", "consulta", "virtual", "foro", ["gremios y empresas", "academia"], [], 8, 6, 15, "Microsoft Teams"),
            (7, "Audiencia pública de rendición de cuentas", "rendición de cuentas", "SEGUIMIENTO_EVALUACION", "información", "mixta", "audiencia pública", ["ciudadanía", "medios"], ["personas con discapacidad"], 10, 22, 9, "Bogotá, auditorio"),
            (8, "Conversatorio con veedurías sobre el cumplimiento de la estrategia", "control social", "SEGUIMIENTO_EVALUACION", "control social", "presencial", "conversatorio", ["veedurías", "organismos de control"], ["víctimas"], 11, 19, 10, "Cali"),
        };
        var spaces = new List<ScheduledSpace>();
        foreach (var s in samples)
        {
            var activity = activities[Math.Min(s.Activity, activities.Count - 1)];
            var date = new DateOnly(year, s.Month, s.Day);
            var text = date.ToString("dddd d 'de' MMMM 'de' yyyy", CultureInfo.GetCultureInfo("es-CO"));
            var period = new PlannedPeriod(PeriodKind.ExactDate, date, date, text, new TimeOnly(s.Hour, 0));
            spaces.Add(new ScheduledSpace(
                PlanIds.Space(plan.Id, s.Name, date), activity.Id, s.Name, s.Kind, s.Phase, s.Level, s.Modality, s.Format,
                s.Actors, s.Population, ["Estrategia de participación ciudadana"], activity.LeaderArea, [], period, s.Place,
                null, null));
        }

        return spaces;
    }
}

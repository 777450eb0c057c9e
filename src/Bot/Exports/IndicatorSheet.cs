using ParticipaBot.Core.Compliance;

namespace ParticipaBot.Bot.Exports;

/// <summary>The indicators of an overview as one sheet: a row per scope and indicator.</summary>
internal static class IndicatorSheet
{
    public static ExportSheet Build(ComplianceOverview overview, bool english)
    {
        ArgumentNullException.ThrowIfNull(overview);
        string[] headers = english
            ? ["Scope", "Period", "Area", "Cut-off", "Code", "Indicator", "Numerator", "Denominator", "Value", "Light"]
            : ["Alcance", "Periodo", "Dependencia", "Corte", "Código", "Indicador", "Numerador", "Denominador", "Valor", "Semáforo"];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var summary in new[] { overview.Entity }.Concat(overview.ByPeriod).Concat(overview.ByArea))
        {
            var scopeName = summary.Scope switch
            {
                { Period: null, Area: null } => english ? "Entity" : "Entidad",
                { Area: null } => english ? "Period" : "Periodo",
                _ => english ? "Area" : "Dependencia",
            };
            foreach (var code in IndicatorCodes.All)
            {
                var indicator = summary[code];
                object? value = indicator.Value is not { } v ? null : indicator.IsRatio ? new Percent(v) : v;
                rows.Add([
                    scopeName,
                    summary.Scope.Period,
                    summary.Scope.Area,
                    summary.CutOff,
                    code,
                    IndicatorNames.Get(code, english),
                    indicator.Numerator,
                    indicator.Denominator,
                    value,
                    LightName(indicator.Light, english),
                ]);
            }
        }

        return new ExportSheet(english ? "Indicators" : "Indicadores", headers, rows);
    }

    public static string LightName(TrafficLight light, bool english) => light switch
    {
        TrafficLight.Green => english ? "Green" : "Verde",
        TrafficLight.Yellow => english ? "Yellow" : "Amarillo",
        TrafficLight.Red => english ? "Red" : "Rojo",
        _ => english ? "No data" : "Sin datos",
    };
}

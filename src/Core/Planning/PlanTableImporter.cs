using System.Globalization;
using System.Text.RegularExpressions;
using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>The fields a plan table's columns can hold (names accepted by the column map in brackets).</summary>
public enum PlanField
{
    /// <summary>Not imported [ignore, ignorar].</summary>
    Ignore,

    /// <summary>Component or strategic line [component, componente, linea].</summary>
    Component,

    /// <summary>Strategic objective of the component [objective, objetivo].</summary>
    Objective,

    /// <summary>Activity description [activity, actividad].</summary>
    Activity,

    /// <summary>Goal / product [product, producto, meta].</summary>
    Product,

    /// <summary>One cell with the leader and "Apoya ..." support areas [area, responsable, dependencia].</summary>
    ResponsibleArea,

    /// <summary>Leader area [leader, lider].</summary>
    Leader,

    /// <summary>Support areas [support, apoyo].</summary>
    Support,

    /// <summary>Start date or month [start, inicio].</summary>
    Start,

    /// <summary>End date or month [end, fin].</summary>
    End,

    /// <summary>Whole period in one cell [period, periodo].</summary>
    Period,

    /// <summary>Cuatrimestre 1 mark [c1].</summary>
    Cuatrimestre1,

    /// <summary>Cuatrimestre 2 mark [c2].</summary>
    Cuatrimestre2,

    /// <summary>Cuatrimestre 3 mark [c3].</summary>
    Cuatrimestre3,
}

/// <summary>
/// Turns the rows of a published plan table (Mintrabajo's components with cuatrimestre X marks, MinCIT's strategic
/// lines with start and end months) into a <see cref="Plan"/>. Pure: rows of cells in, plan and errors out.
/// Headers are recognised in Spanish with their common variants; repeated header rows, HTML remnants and merged
/// cells (blank cells under a component) are handled; anything not understood is an error with row and column.
/// </summary>
public static partial class PlanTableImporter
{
    private static readonly Dictionary<string, PlanField> Synonyms = BuildSynonyms();

    /// <summary>Imports the rows. The result has a plan only when there are no errors.</summary>
    public static PlanImportResult Import(IReadOnlyList<TableRow> rows, PlanImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ImportIssue>();
        var notices = new List<ImportIssue>();
        var catalog = options.Catalog ?? EntityCatalog.Defaults;

        if (rows.All(r => r.IsBlank))
        {
            errors.Add(new ImportIssue(null, "El archivo está vacío: no tiene filas con texto / the file is empty."));
            return new PlanImportResult(null, errors, notices);
        }

        var map = BuildMap(options.ColumnMap, errors);
        var header = FindHeader(rows, map);
        if (header is null)
        {
            errors.Add(new ImportIssue(null,
                "No se encontró la fila de encabezados: se necesita al menos una columna de actividades (\"Actividades\") y otra conocida (\"Componente\", \"Meta / Producto\", \"Dependencia responsable\", \"Fecha Inicio\"...). Use --map \"Encabezado=campo\" para nombrar las columnas / no header row found."));
            return new PlanImportResult(null, errors, notices);
        }

        var (headerIndex, columns, skipRows) = header.Value;
        foreach (var (column, text) in UnknownHeaders(rows[headerIndex], columns))
        {
            errors.Add(new ImportIssue(new SourceLocation(rows[headerIndex].Number, column + 1, text),
                $"Encabezado desconocido «{text}». Use --map \"{text}=campo\" (campos: componente, objetivo, actividad, producto, area, lider, apoyo, inicio, fin, periodo, c1, c2, c3, ignorar) / unknown header."));
        }

        var preamble = rows.Take(headerIndex).Where(r => !r.IsBlank).Select(r => Clean(string.Join(' ', r.Cells))).ToList();
        var year = ResolveYear(options.Year, preamble, errors, notices);
        if (errors.Count > 0 || year is null)
        {
            return new PlanImportResult(null, errors, notices);
        }

        var headerKey = RowKey(rows[headerIndex]);
        var raws = CollectRows(rows, headerIndex, columns, skipRows, headerKey, notices, errors);

        var areaCells = raws.SelectMany(r => new[] { r.Get(PlanField.ResponsibleArea), r.Get(PlanField.Leader), r.Get(PlanField.Support) });
        var splitter = new AreaSplitter(AreaSplitter.LearnAreas(areaCells, catalog.Areas));

        var planId = PlanIds.Plan(options.EntityId, year.Value);
        var components = BuildComponents(raws, columns, planId, year.Value, splitter, [.. rows[headerIndex].Cells], errors);
        if (components.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportIssue(null, "La tabla no tiene actividades / the table has no activities."));
        }

        if (errors.Count > 0)
        {
            return new PlanImportResult(null, errors, notices);
        }

        var title = preamble.FirstOrDefault(p => TextFolding.Fold(p) is var f && (f.Contains("plan", StringComparison.Ordinal) || f.Contains("estrategia", StringComparison.Ordinal)) && !f.StartsWith("objetivo", StringComparison.Ordinal))
            ?? $"Plan de participación ciudadana {year.Value.ToString(CultureInfo.InvariantCulture)}";
        var objective = preamble.FirstOrDefault(p => TextFolding.Fold(p).StartsWith("objetivo general", StringComparison.Ordinal)) is { } o
            ? o[(o.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : null;
        var plan = new Plan(planId, options.EntityId, year.Value, title, objective, components, [], options.SourceName);
        return new PlanImportResult(plan, errors, notices);
    }

    /// <summary>Reads a field name of the column map ("leader", "lider", "c2", "ignorar", ...).</summary>
    public static PlanField? ParseField(string name) => TextFolding.Fold(name) switch
    {
        "ignore" or "ignorar" => PlanField.Ignore,
        "component" or "componente" or "linea" or "linea estrategica" => PlanField.Component,
        "objective" or "objetivo" => PlanField.Objective,
        "activity" or "actividad" => PlanField.Activity,
        "product" or "producto" or "meta" => PlanField.Product,
        "area" or "responsable" or "dependencia" or "responsiblearea" => PlanField.ResponsibleArea,
        "leader" or "lider" => PlanField.Leader,
        "support" or "apoyo" => PlanField.Support,
        "start" or "inicio" => PlanField.Start,
        "end" or "fin" => PlanField.End,
        "period" or "periodo" => PlanField.Period,
        "c1" or "cuatrimestre1" or "cuatrimestre 1" => PlanField.Cuatrimestre1,
        "c2" or "cuatrimestre2" or "cuatrimestre 2" => PlanField.Cuatrimestre2,
        "c3" or "cuatrimestre3" or "cuatrimestre 3" => PlanField.Cuatrimestre3,
        _ => null,
    };

    private sealed class RawRow(int number)
    {
        public int Number { get; } = number;

        public Dictionary<PlanField, (string Text, int Column)> Cells { get; } = [];

        public string Get(PlanField field) => Cells.TryGetValue(field, out var cell) ? cell.Text : string.Empty;

        public bool Has(PlanField field) => !string.IsNullOrWhiteSpace(Get(field));

        public SourceLocation At(PlanField field, Dictionary<int, PlanField> columns, string[] headerCells)
        {
            var column = Cells.TryGetValue(field, out var cell) ? cell.Column : columns.FirstOrDefault(c => c.Value == field).Key;
            return new SourceLocation(Number, column + 1, column < headerCells.Length ? Clean(headerCells[column]) : null);
        }
    }

    private static Dictionary<string, PlanField> BuildMap(IReadOnlyDictionary<string, string>? columnMap, List<ImportIssue> errors)
    {
        var map = new Dictionary<string, PlanField>(Synonyms, StringComparer.Ordinal);
        foreach (var (header, fieldName) in columnMap ?? new Dictionary<string, string>())
        {
            if (ParseField(fieldName) is { } field)
            {
                map[TextFolding.Fold(header)] = field;
            }
            else
            {
                errors.Add(new ImportIssue(null, $"--map \"{header}={fieldName}\": campo desconocido «{fieldName}» / unknown field."));
            }
        }

        return map;
    }

    private static (int Index, Dictionary<int, PlanField> Columns, HashSet<int> SkipRows)? FindHeader(IReadOnlyList<TableRow> rows, Dictionary<string, PlanField> map)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            var columns = new Dictionary<int, PlanField>();
            for (var c = 0; c < rows[r].Cells.Count; c++)
            {
                if (Recognise(rows[r].Cell(c), map) is { } field)
                {
                    columns[c] = field;
                }
            }

            if (!columns.ContainsValue(PlanField.Activity) || columns.Count < 2)
            {
                continue;
            }

            var skip = new HashSet<int>();

            // "CUATRIMESTRE" over three blank headers, with "1 2 3" on the next row.
            var group = rows[r].Cells.Select((text, index) => (text, index)).FirstOrDefault(x => TextFolding.Fold(Clean(x.text)) is "cuatrimestre" or "cuatrimestres");
            if (group.text is not null && r + 1 < rows.Count)
            {
                var next = rows[r + 1];
                for (var c = group.index; c < group.index + 3; c++)
                {
                    var n = TextFolding.Fold(next.Cell(c)) switch { "1" or "i" => 1, "2" or "ii" => 2, "3" or "iii" => 3, _ => 0 };
                    if (n > 0)
                    {
                        columns[c] = PlanField.Cuatrimestre1 + (n - 1);
                    }
                }

                skip.Add(r + 1);
            }

            return (r, columns, skip);
        }

        return null;
    }

    private static PlanField? Recognise(string cell, Dictionary<string, PlanField> map)
    {
        var folded = TextFolding.Fold(Clean(cell)).Trim(':', '*', ' ');
        if (folded.Length == 0)
        {
            return null;
        }

        if (map.TryGetValue(folded, out var field))
        {
            return field;
        }

        var withoutParens = ParensRegex().Replace(folded, string.Empty).Trim();
        if (map.TryGetValue(withoutParens, out field))
        {
            return field;
        }

        var cuatrimestre = CuatrimestreHeaderRegex().Match(folded);
        if (cuatrimestre.Success)
        {
            var n = cuatrimestre.Groups["n"].Value switch { "1" or "i" or "primer" => 1, "2" or "ii" or "segundo" => 2, _ => 3 };
            return PlanField.Cuatrimestre1 + (n - 1);
        }

        return null;
    }

    private static IEnumerable<(int Column, string Text)> UnknownHeaders(TableRow header, Dictionary<int, PlanField> columns)
    {
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var text = Clean(header.Cell(c));
            if (text.Length > 0 && !columns.ContainsKey(c) && TextFolding.Fold(text) is not ("cuatrimestre" or "cuatrimestres"))
            {
                yield return (c, text);
            }
        }
    }

    private static int? ResolveYear(int? optionYear, List<string> preamble, List<ImportIssue> errors, List<ImportIssue> notices)
    {
        var found = preamble.Select(p => YearRegex().Match(p)).FirstOrDefault(m => m.Success);
        int? fileYear = found is null ? null : int.Parse(found.Value, CultureInfo.InvariantCulture);
        if (optionYear is { } y)
        {
            if (fileYear is { } f && f != y)
            {
                notices.Add(new ImportIssue(null, $"El título dice {f} pero se importa como {y} (--year) / the title says {f}; importing as {y}."));
            }

            return y;
        }

        if (fileYear is null)
        {
            errors.Add(new ImportIssue(null, "El archivo no dice de qué año es el plan: indique --year AAAA / the file does not state the plan's year: pass --year."));
        }

        return fileYear;
    }

    private static string RowKey(TableRow row) => string.Join('|', row.Cells.Select(c => TextFolding.Fold(Clean(c))).Where(c => c.Length > 0));

    private static List<RawRow> CollectRows(
        IReadOnlyList<TableRow> rows, int headerIndex, Dictionary<int, PlanField> columns, HashSet<int> skipRows, string headerKey,
        List<ImportIssue> notices, List<ImportIssue> errors)
    {
        var subHeaderKey = skipRows.Count > 0 ? RowKey(rows[skipRows.First()]) : null;
        var raws = new List<RawRow>();
        for (var r = headerIndex + 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (skipRows.Contains(r) || row.IsBlank)
            {
                continue;
            }

            var key = RowKey(row);
            if (key == headerKey)
            {
                // Tables split across pages repeat their header; the sub-header ("1 2 3") follows it.
                if (r + 1 < rows.Count && subHeaderKey is not null && RowKey(rows[r + 1]) == subHeaderKey)
                {
                    r++;
                }

                continue;
            }

            if (row.Cells.Count == 1 && columns.Count > 1)
            {
                // A line without tabs inside the table is a cell that wrapped across lines.
                if (raws.Count == 0)
                {
                    errors.Add(new ImportIssue(new SourceLocation(row.Number), $"Texto fuera de la tabla: «{Clean(row.Cell(0))}» / text outside the table."));
                    continue;
                }

                var last = raws[^1];
                var lastField = last.Cells.OrderBy(c => c.Value.Column).Last(c => c.Value.Text.Length > 0).Key;
                var (text, column) = last.Cells[lastField];
                last.Cells[lastField] = ($"{text} {Clean(row.Cell(0))}", column);
                notices.Add(new ImportIssue(new SourceLocation(row.Number), "Línea unida a la celda anterior (texto partido en varias líneas) / joined to the previous cell."));
                continue;
            }

            var raw = new RawRow(row.Number);
            foreach (var (column, field) in columns)
            {
                if (field != PlanField.Ignore)
                {
                    raw.Cells[field] = (Clean(row.Cell(column)), column);
                }
            }

            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (!columns.ContainsKey(c) && !string.IsNullOrWhiteSpace(row.Cell(c)))
                {
                    errors.Add(new ImportIssue(new SourceLocation(row.Number, c + 1), $"Texto en una columna sin encabezado: «{Clean(row.Cell(c))}» / text in a column without header."));
                }
            }

            raws.Add(raw);
        }

        return raws;
    }

    private static List<PlanComponent> BuildComponents(
        List<RawRow> raws, Dictionary<int, PlanField> columns, string planId, int year, AreaSplitter splitter, string[] headerCells, List<ImportIssue> errors)
    {
        var components = new List<(string Name, string? Objective, List<RawRow> Rows)>();
        var hasComponentColumn = columns.ContainsValue(PlanField.Component);
        foreach (var raw in raws)
        {
            if (raw.Has(PlanField.Component) && (components.Count == 0 || !TextFolding.EqualsFolded(components[^1].Name, raw.Get(PlanField.Component))))
            {
                components.Add((raw.Get(PlanField.Component), null, []));
            }
            else if (components.Count == 0)
            {
                if (hasComponentColumn)
                {
                    errors.Add(new ImportIssue(raw.At(PlanField.Component, columns, headerCells), "La primera actividad no tiene componente / the first activity has no component."));
                    return [];
                }

                components.Add(("Actividades", null, []));
            }

            var current = components[^1];
            if (current.Objective is null && raw.Has(PlanField.Objective))
            {
                components[^1] = current with { Objective = raw.Get(PlanField.Objective) };
            }

            if (!raw.Has(PlanField.Activity))
            {
                var rest = raw.Cells.Where(c => c.Key is not (PlanField.Component or PlanField.Objective) && c.Value.Text.Length > 0).ToList();
                if (rest.Count > 0 && current.Rows.Count > 0)
                {
                    // A wrapped row: its cells continue the previous activity's cells.
                    var previous = current.Rows[^1];
                    foreach (var (field, cell) in rest)
                    {
                        var before = previous.Get(field);
                        previous.Cells[field] = (before.Length == 0 ? cell.Text : $"{before} {cell.Text}", cell.Column);
                    }
                }
                else if (rest.Count > 0)
                {
                    errors.Add(new ImportIssue(raw.At(PlanField.Activity, columns, headerCells), "Fila sin actividad / row without an activity."));
                }

                continue;
            }

            current.Rows.Add(raw);
        }

        var result = new List<PlanComponent>();
        for (var ci = 0; ci < components.Count; ci++)
        {
            var (name, objective, rows) = components[ci];
            var componentNumber = ci + 1;
            var activities = new List<PlanActivity>();
            RawRow? previous = null;
            foreach (var raw in rows)
            {
                // Merged cells: a blank leader, support or area cell repeats the one above within the component.
                foreach (var field in new[] { PlanField.ResponsibleArea, PlanField.Leader, PlanField.Support })
                {
                    if (!raw.Has(field) && previous is not null && previous.Has(field))
                    {
                        raw.Cells[field] = previous.Cells[field];
                    }
                }

                previous = raw;
                var activityNumber = activities.Count + 1;
                var activity = BuildActivity(raw, columns, headerCells, planId, componentNumber, activityNumber, year, splitter, errors);
                if (activity is not null)
                {
                    activities.Add(activity);
                }
            }

            var (_, componentName) = StripNumbering(name);
            result.Add(new PlanComponent(PlanIds.Component(planId, componentNumber), componentNumber, componentName, objective, activities));
        }

        return result;
    }

    private static PlanActivity? BuildActivity(
        RawRow raw, Dictionary<int, PlanField> columns, string[] headerCells, string planId, int component, int number, int year, AreaSplitter splitter, List<ImportIssue> errors)
    {
        var errorCount = errors.Count;
        var period = ReadPeriod(raw, columns, headerCells, year, errors);

        AreaSplit areas;
        SourceLocation areaAt;
        if (columns.ContainsValue(PlanField.Leader) || columns.ContainsValue(PlanField.Support))
        {
            areas = splitter.Split(raw.Get(PlanField.Leader), raw.Get(PlanField.Support));
            areaAt = raw.At(PlanField.Leader, columns, headerCells);
        }
        else
        {
            areas = splitter.Split(raw.Get(PlanField.ResponsibleArea));
            areaAt = raw.At(PlanField.ResponsibleArea, columns, headerCells);
        }

        if (areas.Unrecognised.Count > 0)
        {
            errors.Add(new ImportIssue(areaAt,
                $"No se pudo separar en dependencias conocidas: {string.Join(", ", areas.Unrecognised.Select(u => $"«{u}»"))}. Escríbalas separadas por comas o añádalas al catálogo de áreas de la entidad / could not split into known areas."));
        }

        if (errors.Count > errorCount || period is null)
        {
            return null;
        }

        var (_, description) = StripNumbering(raw.Get(PlanField.Activity));
        var product = raw.Get(PlanField.Product);
        var location = new SourceLocation(raw.Number);
        return new PlanActivity(
            PlanIds.Activity(planId, component, number),
            $"{component.ToString(CultureInfo.InvariantCulture)}.{number.ToString(CultureInfo.InvariantCulture)}",
            description,
            product.Length == 0 ? null : product,
            areas.Leader,
            areas.Support,
            period,
            period.ExpectedMilestones(),
            location);
    }

    private static PlannedPeriod? ReadPeriod(RawRow raw, Dictionary<int, PlanField> columns, string[] headerCells, int year, List<ImportIssue> errors)
    {
        var marked = new List<int>();
        var marks = new List<string>();
        foreach (var field in new[] { PlanField.Cuatrimestre1, PlanField.Cuatrimestre2, PlanField.Cuatrimestre3 })
        {
            var text = raw.Get(field);
            if (text.Length == 0)
            {
                continue;
            }

            if (TextFolding.Fold(text) is "x" or "si" or "✓" or "✔" or "•")
            {
                var n = field - PlanField.Cuatrimestre1 + 1;
                marked.Add(n);
                marks.Add($"{text} en cuatrimestre {n.ToString(CultureInfo.InvariantCulture)}");
            }
            else
            {
                errors.Add(new ImportIssue(raw.At(field, columns, headerCells), $"Marca de cuatrimestre no reconocida «{text}»: use X / unrecognised cuatrimestre mark."));
                return null;
            }
        }

        if (marked.Count > 0)
        {
            return PlannedPeriod.ForCuatrimestres(year, marked, string.Join("; ", marks));
        }

        PeriodParseResult result;
        PlanField where;
        if (raw.Has(PlanField.Start) || raw.Has(PlanField.End))
        {
            result = PeriodParser.ParseRange(raw.Get(PlanField.Start), raw.Get(PlanField.End), year);
            where = raw.Has(PlanField.Start) ? PlanField.Start : PlanField.End;
        }
        else if (raw.Has(PlanField.Period))
        {
            result = PeriodParser.Parse(raw.Get(PlanField.Period), year);
            where = PlanField.Period;
        }
        else
        {
            errors.Add(new ImportIssue(new SourceLocation(raw.Number), "La actividad no tiene periodo (ni cuatrimestre marcado ni fechas) / the activity has no planned period."));
            return null;
        }

        if (!result.Succeeded)
        {
            errors.Add(new ImportIssue(raw.At(where, columns, headerCells), result.Error!));
        }

        return result.Period;
    }

    private static (int? Number, string Text) StripNumbering(string text)
    {
        var match = NumberingRegex().Match(text);
        if (!match.Success || match.Groups["rest"].Value.Trim().Length == 0)
        {
            return (null, text.Trim());
        }

        return (int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["rest"].Value.Trim());
    }

    /// <summary>Removes HTML remnants (&lt;u&gt;, &lt;i&gt;) and collapses white space.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var withoutTags = HtmlTagRegex().Replace(text, string.Empty).Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace("&amp;", "&", StringComparison.OrdinalIgnoreCase);
        return SpacesRegex().Replace(withoutTags, " ").Trim();
    }

    private static Dictionary<string, PlanField> BuildSynonyms()
    {
        var entries = new (PlanField Field, string[] Names)[]
        {
            (PlanField.Component, ["componente", "componentes", "linea estrategica", "lineas estrategicas", "linea", "eje", "eje estrategico", "ejes estrategicos", "estrategia", "dimension"]),
            (PlanField.Objective, ["objetivo", "objetivo estrategico", "objetivos estrategicos", "objetivo especifico", "objetivos", "proposito"]),
            (PlanField.Activity, ["actividad", "actividades", "accion", "acciones", "actividades a desarrollar", "descripcion de la actividad"]),
            (PlanField.Product, ["meta/producto", "meta / producto", "meta - producto", "meta producto", "meta", "metas", "producto", "productos", "entregable", "entregables", "producto esperado", "meta o producto", "metas/productos"]),
            (PlanField.ResponsibleArea, ["dependencia responsable", "dependencias responsables", "area responsable", "areas responsables", "responsable", "responsables", "dependencia"]),
            (PlanField.Leader, ["lider", "lideres", "dependencia lider", "area lider", "lider responsable"]),
            (PlanField.Support, ["apoyo", "apoya", "dependencia de apoyo", "dependencias de apoyo", "areas de apoyo", "area de apoyo", "corresponsable", "corresponsables"]),
            (PlanField.Start, ["fecha inicio", "fecha de inicio", "inicio", "fecha inicial", "mes de inicio", "mes inicio", "desde"]),
            (PlanField.End, ["fecha finalizacion", "fecha de finalizacion", "fecha fin", "fecha final", "fecha de terminacion", "fecha terminacion", "fin", "mes de finalizacion", "mes fin", "hasta", "fecha de cierre"]),
            (PlanField.Period, ["periodo", "fecha", "fecha programada", "plazo", "periodo de ejecucion", "fecha de ejecucion", "tiempo de ejecucion"]),
        };
        var map = new Dictionary<string, PlanField>(StringComparer.Ordinal);
        foreach (var (field, names) in entries)
        {
            foreach (var name in names)
            {
                map[name] = field;
            }
        }

        return map;
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTagRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex ParensRegex();

    [GeneratedRegex(@"^(?:(?<n>1|2|3|i|ii|iii|primer|segundo|tercer)\s+cuatrimestre|cuatrimestre\s+(?<n>1|2|3|i|ii|iii)|c(?<n>1|2|3))$")]
    private static partial Regex CuatrimestreHeaderRegex();

    [GeneratedRegex(@"\b20\d{2}\b")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"^\s*(?:(?:l[ií]nea(?:\s+estrat[eé]gica)?|componente|eje(?:\s+estrat[eé]gico)?)\s*(?:n[°º.o]*\s*)?)?(?<n>\d{1,2})\s*[.:)\-–]\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberingRegex();
}

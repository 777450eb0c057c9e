using System.Globalization;
using System.Text.RegularExpressions;
using ParticipaBot.Core.Text;

namespace ParticipaBot.Core.Planning;

/// <summary>What the period parser understood, or why it refused (Spanish first, English after a slash).</summary>
/// <param name="Period">The period, when understood.</param>
/// <param name="Error">Why it was refused, naming the text; null when understood.</param>
public sealed record PeriodParseResult(PlannedPeriod? Period, string? Error)
{
    /// <summary>True when the text was understood.</summary>
    public bool Succeeded => Period is not null;

    internal static PeriodParseResult Ok(PlannedPeriod period) => new(period, null);

    internal static PeriodParseResult Fail(string error) => new(null, error);
}

/// <summary>
/// Reads planned periods the way Colombian entities write them: "Viernes 24 de Noviembre de 2023 - 09:00 AM",
/// "19 y 20 de abril", "22 al 28 de abril de 2017", "Marzo de 2022", "segundo cuatrimestre", "mensual",
/// "por definir", "24/11/2023". A missing year is the plan's year. What it cannot read it refuses, never guesses.
/// </summary>
public static partial class PeriodParser
{
    private const string MonthPattern =
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ene|feb|mar|abr|may|jun|jul|ago|sept|sep|oct|nov|dic";

    private static readonly string[] Weekdays = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"];

    private static readonly Dictionary<string, string> Recurrences = new(StringComparer.Ordinal)
    {
        ["mensual"] = "mensual",
        ["mensualmente"] = "mensual",
        ["bimestral"] = "bimestral",
        ["trimestral"] = "trimestral",
        ["trimestralmente"] = "trimestral",
        ["semestral"] = "semestral",
        ["semestralmente"] = "semestral",
        ["semanal"] = "semanal",
        ["quincenal"] = "quincenal",
        ["permanente"] = "permanente",
        ["continuo"] = "permanente",
        ["continua"] = "permanente",
        ["cada mes"] = "mensual",
    };

    /// <summary>Parses one period written in a single cell.</summary>
    /// <param name="text">The text as written.</param>
    /// <param name="defaultYear">The plan's year, used when the text has none.</param>
    public static PeriodParseResult Parse(string? text, int defaultYear)
    {
        var original = text ?? string.Empty;
        var t = Clean(original);
        if (t.Length == 0)
        {
            return PeriodParseResult.Fail("El periodo está vacío / the period is empty.");
        }

        if (ToBeDefinedRegex().IsMatch(t))
        {
            return PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.ToBeDefined, null, null, original));
        }

        if (Recurrences.TryGetValue(t, out var recurrence))
        {
            return PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.Recurring, new DateOnly(defaultYear, 1, 1), new DateOnly(defaultYear, 12, 31), original, Recurrence: recurrence));
        }

        var yearMatch = WholeYearRegex().Match(t);
        if (yearMatch.Success)
        {
            var year = yearMatch.Groups["y"].Success ? int.Parse(yearMatch.Groups["y"].Value, CultureInfo.InvariantCulture) : defaultYear;
            return PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), original));
        }

        if (t.Contains("cuatrimestre", StringComparison.Ordinal))
        {
            return ParseDivision(t, original, defaultYear, "cuatrimestre", 3);
        }

        if (t.Contains("trimestre", StringComparison.Ordinal))
        {
            return ParseDivision(t, original, defaultYear, "trimestre", 4);
        }

        if (t.Contains("semestre", StringComparison.Ordinal))
        {
            return ParseDivision(t, original, defaultYear, "semestre", 2);
        }

        return ParseDates(t, original, defaultYear);
    }

    /// <summary>
    /// Combines a start cell and an end cell ("Fecha Inicio" / "Fecha Finalización") into one period: two months give
    /// a month range ("Marzo de 2022" .. "Noviembre de 2022"), two days a date range.
    /// </summary>
    public static PeriodParseResult ParseRange(string? startText, string? endText, int defaultYear)
    {
        if (string.IsNullOrWhiteSpace(endText))
        {
            return Parse(startText, defaultYear);
        }

        if (string.IsNullOrWhiteSpace(startText))
        {
            return Parse(endText, defaultYear);
        }

        var start = Parse(startText, defaultYear);
        if (!start.Succeeded)
        {
            return PeriodParseResult.Fail($"Fecha de inicio: {start.Error}");
        }

        var end = Parse(endText, defaultYear);
        if (!end.Succeeded)
        {
            return PeriodParseResult.Fail($"Fecha de finalización: {end.Error}");
        }

        var s = start.Period!;
        var e = end.Period!;
        if (s.Start is null || e.End is null)
        {
            return PeriodParseResult.Fail($"No se puede combinar «{startText}» con «{endText}»: una de las dos está por definir / cannot combine a start or end to be defined.");
        }

        if (e.End < s.Start)
        {
            return PeriodParseResult.Fail($"La fecha de finalización «{endText!.Trim()}» es anterior a la de inicio «{startText!.Trim()}» / the end is before the start.");
        }

        var kind = s.Kind == PeriodKind.Month && e.Kind == PeriodKind.Month
            ? (s.Start == e.Start ? PeriodKind.Month : PeriodKind.MonthRange)
            : PeriodKind.DateRange;
        return PeriodParseResult.Ok(new PlannedPeriod(kind, s.Start, e.End, $"{startText!.Trim()} a {endText!.Trim()}", s.Time));
    }

    /// <summary>Reads a time of day: "09:00 AM", "5:00 p. m.", "12:00 m" (noon), "15:30", "3 pm".</summary>
    public static bool TryParseTime(string? text, out TimeOnly time)
    {
        time = default;
        var t = Clean(text ?? string.Empty);
        var match = TimeRegex().Match(t);
        return match.Success && match.Index == 0 && match.Length == t.Length && TryTime(match, out time);
    }

    private static PeriodParseResult ParseDivision(string t, string original, int defaultYear, string word, int count)
    {
        var year = defaultYear;
        var numbers = new List<int>();
        foreach (var token in DivisionTokenRegex().Matches(t).Select(m => m.Value))
        {
            if (token.StartsWith(word, StringComparison.Ordinal) || token is "y" or "," or "-" or "al" or "a" or "de" or "del" or "el" or "la" or "los" or "las" or "e" or "vigencia")
            {
                continue;
            }

            if (token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                year = y;
                continue;
            }

            var n = Ordinal(token);
            if (n is null || n > count)
            {
                return PeriodParseResult.Fail($"No se entiende «{original.Trim()}»: «{token}» no es un {word} válido (1 a {count}) / not a valid {word}.");
            }

            numbers.Add(n.Value);
        }

        if (numbers.Count == 0)
        {
            return PeriodParseResult.Fail($"No se entiende «{original.Trim()}»: falta el número del {word} / which {word}?");
        }

        if (t.Contains(" al ", StringComparison.Ordinal) || t.Contains('-', StringComparison.Ordinal))
        {
            numbers = [.. Enumerable.Range(numbers.Min(), numbers.Max() - numbers.Min() + 1)];
        }

        numbers = [.. numbers.Distinct().Order()];
        var months = 12 / count;
        var start = new DateOnly(year, ((numbers[0] - 1) * months) + 1, 1);
        var end = PlannedPeriod.LastDayOfMonth(year, numbers[^1] * months);
        return word switch
        {
            "cuatrimestre" => PeriodParseResult.Ok(PlannedPeriod.ForCuatrimestres(year, numbers, original)),
            "trimestre" => PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.Quarter, start, end, original)),
            _ => PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.Semester, start, end, original)),
        };
    }

    private static int? Ordinal(string token) => token switch
    {
        "1" or "i" or "primer" or "primero" or "primera" or "1er" or "1o" or "1ro" or "1°" or "1º" => 1,
        "2" or "ii" or "segundo" or "segunda" or "2do" or "2o" or "2°" or "2º" => 2,
        "3" or "iii" or "tercer" or "tercero" or "tercera" or "3er" or "3ro" or "3o" or "3°" or "3º" => 3,
        "4" or "iv" or "cuarto" or "cuarta" or "4to" or "4o" or "4°" or "4º" => 4,
        _ => null,
    };

    private static PeriodParseResult ParseDates(string t, string original, int defaultYear)
    {
        TimeOnly? time = null;
        var timeMatch = TimeRegex().Match(t);
        if (timeMatch.Success)
        {
            if (!TryTime(timeMatch, out var parsed))
            {
                return PeriodParseResult.Fail($"No se entiende la hora «{timeMatch.Value}» en «{original.Trim()}» / invalid time.");
            }

            time = parsed;
            t = t.Remove(timeMatch.Index, timeMatch.Length);
        }

        t = TimeFillerRegex().Replace(t, " ");
        foreach (var weekday in Weekdays)
        {
            if (t.StartsWith(weekday, StringComparison.Ordinal))
            {
                t = t[weekday.Length..];
                break;
            }
        }

        t = t.Trim(' ', ',', '-', '–', '.', ';');
        if (t.Length == 0)
        {
            return PeriodParseResult.Fail($"«{original.Trim()}» tiene una hora pero no una fecha / a time without a date.");
        }

        var numeric = NumericDateRegex().Match(t);
        if (numeric.Success)
        {
            return Day(numeric.Groups["y"].Value, numeric.Groups["m"].Value, numeric.Groups["d"].Value, original, defaultYear, time, PeriodKind.ExactDate);
        }

        var iso = IsoDateRegex().Match(t);
        if (iso.Success)
        {
            return Day(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, original, defaultYear, time, PeriodKind.ExactDate);
        }

        var crossMonth = CrossMonthRangeRegex().Match(t);
        if (crossMonth.Success)
        {
            var endYear = YearOr(crossMonth.Groups["y2"].Value, defaultYear);
            var startYear = YearOr(crossMonth.Groups["y1"].Value, endYear);
            var start = SafeDate(startYear, Month(crossMonth.Groups["m1"].Value), Int(crossMonth.Groups["d1"].Value));
            var end = SafeDate(endYear, Month(crossMonth.Groups["m2"].Value), Int(crossMonth.Groups["d2"].Value));
            return RangeResult(start, end, original, time, PeriodKind.DateRange);
        }

        var days = DayListRegex().Match(t);
        if (days.Success)
        {
            var year = YearOr(days.Groups["y"].Value, defaultYear);
            var month = Month(days.Groups["m"].Value);
            var numbers = DigitsRegex().Matches(days.Groups["days"].Value).Select(m => Int(m.Value)).ToArray();
            var dates = numbers.Select(d => SafeDate(year, month, d)).ToArray();
            if (dates.Any(d => d is null))
            {
                return PeriodParseResult.Fail($"«{original.Trim()}» nombra un día que no existe en ese mes / a day that does not exist.");
            }

            if (numbers.Length == 1)
            {
                return PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.ExactDate, dates[0], dates[0], original, time));
            }

            return RangeResult(dates.Min(), dates.Max(), original, time, PeriodKind.DateRange);
        }

        var monthRange = MonthRangeRegex().Match(t);
        if (monthRange.Success)
        {
            var endYear = YearOr(monthRange.Groups["y2"].Value, defaultYear);
            var startYear = YearOr(monthRange.Groups["y1"].Value, endYear);
            var start = new DateOnly(startYear, Month(monthRange.Groups["m1"].Value), 1);
            var end = PlannedPeriod.LastDayOfMonth(endYear, Month(monthRange.Groups["m2"].Value));
            return RangeResult(start, end, original, time, PeriodKind.MonthRange);
        }

        var single = MonthRegex().Match(t);
        if (single.Success)
        {
            var year = YearOr(single.Groups["y"].Value, defaultYear);
            var month = Month(single.Groups["m"].Value);
            return PeriodParseResult.Ok(new PlannedPeriod(PeriodKind.Month, new DateOnly(year, month, 1), PlannedPeriod.LastDayOfMonth(year, month), original, time));
        }

        return PeriodParseResult.Fail(
            $"No se entiende la fecha o periodo «{original.Trim()}». Formas aceptadas: «24 de noviembre de 2023», «19 y 20 de abril», «22 al 28 de abril de 2017», «Marzo de 2022», «marzo a noviembre», «segundo cuatrimestre», «primer semestre», «mensual», «por definir», «24/11/2023» / unrecognised date or period.");
    }

    private static PeriodParseResult Day(string y, string m, string d, string original, int defaultYear, TimeOnly? time, PeriodKind kind)
    {
        var date = SafeDate(YearOr(y, defaultYear), Int(m), Int(d));
        return date is null
            ? PeriodParseResult.Fail($"La fecha «{original.Trim()}» no existe / no such date.")
            : PeriodParseResult.Ok(new PlannedPeriod(kind, date, date, original, time));
    }

    private static PeriodParseResult RangeResult(DateOnly? start, DateOnly? end, string original, TimeOnly? time, PeriodKind kind)
    {
        if (start is null || end is null)
        {
            return PeriodParseResult.Fail($"«{original.Trim()}» nombra un día que no existe / a day that does not exist.");
        }

        return end < start
            ? PeriodParseResult.Fail($"En «{original.Trim()}» el final es anterior al inicio / the end is before the start.")
            : PeriodParseResult.Ok(new PlannedPeriod(kind, start, end, original, time));
    }

    private static bool TryTime(Match match, out TimeOnly time)
    {
        time = default;
        var hour = Int(match.Groups["h"].Value);
        var minute = match.Groups["min"].Success ? Int(match.Groups["min"].Value) : 0;
        var marker = match.Groups["ampm"].Value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        switch (marker)
        {
            case "am":
                if (hour is < 1 or > 12)
                {
                    return false;
                }

                hour %= 12;
                break;
            case "pm":
                if (hour is < 1 or > 12)
                {
                    return false;
                }

                hour = hour % 12 + 12;
                break;
            case "m":
                // "12:00 m" is meridiem: noon.
                if (hour != 12)
                {
                    return false;
                }

                break;
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    private static string Clean(string text)
    {
        var folded = TextFolding.Fold(HtmlTagRegex().Replace(text, " "));
        return folded.Trim().TrimEnd('.', ';', ',').Trim();
    }

    private static int YearOr(string text, int fallback) => text.Length == 0 ? fallback : Int(text);

    private static int Int(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Month(string name) => name switch
    {
        "enero" or "ene" => 1,
        "febrero" or "feb" => 2,
        "marzo" or "mar" => 3,
        "abril" or "abr" => 4,
        "mayo" or "may" => 5,
        "junio" or "jun" => 6,
        "julio" or "jul" => 7,
        "agosto" or "ago" => 8,
        "septiembre" or "setiembre" or "sep" or "sept" => 9,
        "octubre" or "oct" => 10,
        "noviembre" or "nov" => 11,
        "diciembre" or "dic" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown month."),
    };

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTagRegex();

    [GeneratedRegex(@"(^|\b)(pte\.?|pendiente|por|a)\s+(por\s+)?(definir|confirmar)\b|^por definir$|^sin fecha$")]
    private static partial Regex ToBeDefinedRegex();

    [GeneratedRegex(@"^(?:todo el ano|anual|vigencia|durante la vigencia|ano)(?:\s+(?:de\s+)?(?<y>\d{4}))?$|^(?:vigencia\s+|ano\s+)?(?<y>\d{4})$")]
    private static partial Regex WholeYearRegex();

    [GeneratedRegex(@"\d{4}|[a-z0-9°º]+|,|-")]
    private static partial Regex DivisionTokenRegex();

    [GeneratedRegex(@"(?<h>\d{1,2})(?::(?<min>\d{2}))\s*(?<ampm>a\.?\s?m\.?|p\.?\s?m\.?|m\b\.?|h\b|hrs?\b)?|(?<h>\d{1,2})\s*(?<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?=\W|$)")]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"\s(?:-|–|a las|a la|hora:?|,)\s*(?=$)|\s+a las\s*$")]
    private static partial Regex TimeFillerRegex();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})$")]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:t[\d:.]+)?$")]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"^(?:del?\s+)?(?<d1>\d{1,2})\s+(?:de\s+)?(?<m1>" + MonthPattern + @")\.?(?:\s*(?:,|de|del)?\s*(?<y1>\d{4}))?\s*(?:al|a|hasta el|hasta|-|–)\s*(?:el\s+)?(?<d2>\d{1,2})\s+(?:de\s+)?(?<m2>" + MonthPattern + @")\.?(?:\s*(?:,|de|del)?\s*(?<y2>\d{4}))?$")]
    private static partial Regex CrossMonthRangeRegex();

    [GeneratedRegex(@"^(?:del?\s+|los dias\s+|el\s+)?(?<days>\d{1,2}(?:\s*(?:,|y|e|al|a|-|–|hasta el)\s*\d{1,2})*)\s+(?:de\s+)?(?<m>" + MonthPattern + @")\.?(?:\s*(?:,|de|del)?\s*(?<y>\d{4}))?$")]
    private static partial Regex DayListRegex();

    [GeneratedRegex(@"^(?:de\s+|desde\s+)?(?<m1>" + MonthPattern + @")\.?(?:\s*(?:de|del)?\s*(?<y1>\d{4}))?\s*(?:a|al|hasta|-|–)\s*(?<m2>" + MonthPattern + @")\.?(?:\s*(?:de|del)?\s*(?<y2>\d{4}))?$")]
    private static partial Regex MonthRangeRegex();

    [GeneratedRegex(@"^(?:mes de\s+)?(?<m>" + MonthPattern + @")\.?(?:\s*(?:de|del)?\s*(?<y>\d{4}))?$")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex DigitsRegex();
}

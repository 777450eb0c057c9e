using ParticipaBot.Core.Reporting.Form;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Core.Reporting;

/// <summary>
/// The options a card offers for a choice input, from the same sources the validator accepts, so a card never offers
/// what the server would refuse.
/// </summary>
public static class ReportChoices
{
    /// <summary>
    /// Options of a choice or multi-choice part: the user's own areas for the leader area, the entity's areas for
    /// support areas, the known spaces (labelled by id; the host relabels them with the space names), or the
    /// catalog vocabulary.
    /// </summary>
    public static IReadOnlyList<VocabularyEntry> Options(FieldPart part, ReportValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(context);
        var areas = context.Catalogs.TryGet(VocabularyIds.Area, out var areaVocabulary) ? areaVocabulary : DefaultVocabularies.Area;
        VocabularyEntry Area(string code, int order) =>
            areas.Find(code) is { } entry ? entry with { Order = order } : new VocabularyEntry(code, new LocalizedText(code, code), order);

        if (part.Rule<KnownSpaceRule>() is not null)
        {
            return [.. context.KnownSpaceIds.Order(StringComparer.Ordinal).Select((id, i) => new VocabularyEntry(id, new LocalizedText(id, id), i + 1))];
        }

        if (part.Rule<AllowedAreaRule>() is not null)
        {
            return [.. context.AllowedAreas.Order(StringComparer.Ordinal).Select((code, i) => Area(code, i + 1))];
        }

        if (part.VocabularyId == VocabularyIds.Area)
        {
            return context.KnownAreas is { } known
                ? [.. known.Order(StringComparer.Ordinal).Select((code, i) => Area(code, i + 1))]
                : areas.Entries;
        }

        return part.VocabularyId is { } id && context.Catalogs.TryGet(id, out var vocabulary) ? vocabulary.Entries : [];
    }
}

namespace ParticipaBot.Core.Vocabularies;

/// <summary>
/// The vocabularies one entity uses: the defaults, extended or replaced from the entity's configuration
/// (Mintrabajo adds trabajadores, empleadores and pensionados to the actor types). Immutable: every change returns
/// a new catalog.
/// </summary>
public sealed class Catalogs
{
    private readonly Dictionary<string, Vocabulary> _byId;

    private Catalogs(IEnumerable<Vocabulary> vocabularies) =>
        _byId = vocabularies.ToDictionary(v => v.Id, StringComparer.Ordinal);

    /// <summary>The defaults of docs/report-form.md, with no areas.</summary>
    public static Catalogs Default { get; } = new(DefaultVocabularies.All);

    public IReadOnlyCollection<Vocabulary> All => _byId.Values;

    /// <summary>The vocabulary with this id; throws for an id no catalog defines (a programming error, not user input).</summary>
    public Vocabulary Get(string id) =>
        _byId.TryGetValue(id, out var vocabulary)
            ? vocabulary
            : throw new KeyNotFoundException($"No hay un vocabulario «{id}» en el catálogo.");

    public bool TryGet(string id, out Vocabulary vocabulary) => _byId.TryGetValue(id, out vocabulary!);

    /// <summary>Adds entries to one vocabulary (after the defaults).</summary>
    public Catalogs Extend(string id, IEnumerable<VocabularyEntry> extra) => With(Get(id).Extend(extra));

    /// <summary>Adds entries given as (code, Spanish label, English label).</summary>
    public Catalogs Extend(string id, params (string Code, string Es, string En)[] extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return Extend(id, extra.Select(e => new VocabularyEntry(e.Code, new LocalizedText(e.Es, e.En), 0)));
    }

    /// <summary>Replaces (or adds) one vocabulary.</summary>
    public Catalogs With(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var copy = new Dictionary<string, Vocabulary>(_byId, StringComparer.Ordinal) { [vocabulary.Id] = vocabulary };
        return new Catalogs(copy.Values);
    }
}

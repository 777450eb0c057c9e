namespace ParticipaBot.Core.Reporting.Form;

/// <summary>What a field of the report holds, which decides how a card renders it.</summary>
public enum FieldKind
{
    Text,
    LongText,
    Date,
    DateRange,
    Number,
    Choice,
    MultiChoice,
    Toggle,
    UrlList,
    TextList,
    ItemList,
    CommitmentList,
    Composite,
}

/// <summary>What one input of a field holds (a field has one or more inputs, its parts).</summary>
public enum PartKind
{
    Text,
    LongText,
    Date,
    Number,
    Choice,
    MultiChoice,
    Toggle,
    Url,
}

/// <summary>Where the wizard takes a field's first value from (the scheduled space), so the delegate confirms rather than retypes.</summary>
public enum PrefillSource
{
    None,
    SpaceId,
    ActivityId,
    Name,
    PlannedDate,
    LeaderArea,
    Modality,
    Place,
    Format,
    Kind,
    Phase,
    Level,
    TargetValueGroups,
    Goals,
}

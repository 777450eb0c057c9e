namespace ParticipaBot.Core.Vocabularies;

/// <summary>The identifiers of the controlled vocabularies an entity configures.</summary>
public static class VocabularyIds
{
    public const string Phase = "phase";
    public const string SpaceKind = "space-kind";
    public const string Level = "level";
    public const string Modality = "modality";
    public const string Format = "format";
    public const string ActorType = "actor-type";
    public const string PopulationFocus = "population-focus";
    public const string ItemKind = "item-kind";
    public const string AnswerDecision = "answer-decision";
    public const string ResultCategory = "result-category";
    public const string ReportStatus = "report-status";
    public const string ProgressStatus = "progress-status";
    public const string CommitmentStatus = "commitment-status";
    public const string EvidenceKind = "evidence-kind";

    /// <summary>The entity's areas (dependencias); empty by default, filled from the entity's configuration or plan.</summary>
    public const string Area = "area";
}

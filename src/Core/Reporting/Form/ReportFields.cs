namespace ParticipaBot.Core.Reporting.Form;

/// <summary>Stable ids of the report's fields and steps (the prefix of every input key).</summary>
public static class ReportFields
{
    public const string Space = "space";
    public const string Activity = "activity";
    public const string Name = "name";
    public const string HeldOn = "heldOn";
    public const string Area = "area";
    public const string Modality = "modality";
    public const string Place = "place";
    public const string Format = "format";
    public const string SpaceKind = "spaceKind";
    public const string Phase = "phase";
    public const string Level = "level";
    public const string ActivitiesDone = "activitiesDone";
    public const string ValueGroups = "valueGroups";
    public const string Participants = "participants";
    public const string Goals = "goals";
    public const string Items = "items";
    public const string Answers = "answers";
    public const string Result = "result";
    public const string Commitments = "commitments";
    public const string ParticipantEvaluation = "participantEvaluation";
    public const string InternalEvaluation = "internalEvaluation";
    public const string Evidence = "evidence";
    public const string Publication = "publication";
    public const string DifferentialFocus = "differentialFocus";
    public const string Status = "status";
}

/// <summary>Stable ids of the wizard's steps.</summary>
public static class ReportSteps
{
    public const string Space = "espacio";
    public const string Details = "datos";
    public const string WhatHappened = "que-se-hizo";
    public const string Participants = "participantes";
    public const string Contributions = "aportes";
    public const string Follow = "compromisos";
    public const string Evidence = "evidencias";
    public const string Review = "revision";
}

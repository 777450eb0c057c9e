using ParticipaBot.Bot.Conversations;

namespace ParticipaBot.Bot.Review;

/// <summary>
/// The commands of report review, answers, progress and schedule management. The coordinators' commands are listed in
/// help but get no button on the welcome card, which every delegate sees.
/// </summary>
internal static class ReviewCommands
{
    public static readonly CommandDescriptor MyReports = new(
        "myReports", ["mis informes", "mis reportes"], ["my reports"], ReviewTexts.MyReportsTitle, ReviewTexts.MyReportsHelp, 22);

    public static readonly CommandDescriptor ToApprove = new(
        "toApprove", ["por aprobar"], ["to approve"], ReviewTexts.ToApproveTitle, ReviewTexts.ToApproveHelp, 24, ShowButton: false);

    public static readonly CommandDescriptor AnswerProposals = new(
        "answerProposals", ["responder propuestas", "responder aportes"], ["answer proposals"], ReviewTexts.AnswerProposalsTitle, ReviewTexts.AnswerProposalsHelp, 26);

    public static readonly CommandDescriptor Progress = new(
        "progress", ["avance", "registrar avance"], ["progress"], ReviewTexts.ProgressTitle, ReviewTexts.ProgressHelp, 28);

    public static readonly CommandDescriptor Schedule = new(
        "schedule", ["programar", "cronograma"], ["schedule"], ReviewTexts.ScheduleTitle, ReviewTexts.ScheduleHelp, 55, ShowButton: false);
}

/// <summary>Verbs of the review and schedule cards.</summary>
internal static class ReviewVerbs
{
    public const string View = "review.view";
    public const string History = "review.history";
    public const string Edit = "review.edit";
    public const string SaveEdit = "review.saveEdit";
    public const string Approve = "review.approve";
    public const string Return = "review.return";
    public const string ConfirmReturn = "review.confirmReturn";
    public const string Unlock = "review.unlock";
    public const string Answers = "review.answers";
    public const string SaveAnswers = "review.saveAnswers";
    public const string SaveProgress = "progress.save";
    public const string SpaceNew = "schedule.new";
    public const string SpaceEdit = "schedule.edit";
    public const string SpaceReschedule = "schedule.reschedule";
    public const string SpaceCancel = "schedule.cancel";
    public const string SpaceSave = "schedule.save";

    /// <summary>Data keys the cards add next to their inputs (never treated as inputs).</summary>
    public const string ReportId = "reportId";
    public const string Year = "year";
    public const string SpaceId = "spaceId";
    public const string SpaceVersion = "spaceVersion";
    public const string Change = "change";
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ParticipaBot.Bot.Cards;
using ParticipaBot.Bot.Conversations;
using ParticipaBot.Bot.Planning;
using ParticipaBot.Core.Access;
using ParticipaBot.Core.Calendar;
using ParticipaBot.Core.Reporting;
using ParticipaBot.Core.Vocabularies;

namespace ParticipaBot.Bot.Review;

/// <summary>Who acts in a turn, with the roles <see cref="IRoleResolver"/> gives them, and what each role may do.</summary>
/// <param name="Key">The id reports record for them: Entra object id, else Teams user id.</param>
internal sealed record ReviewActor(string Key, string Name, UserRoles Roles)
{
    public bool IsCoordinator => Roles.IsCoordinator;

    /// <summary>Coordinators and internal control see every report.</summary>
    public bool SeesAll => Roles.IsCoordinator || Roles.IsInternalControl;

    public bool MayView(ParticipationReport report) =>
        SeesAll || Roles.IsDelegateOf(report.LeaderArea) || string.Equals(report.SubmittedBy, Key, StringComparison.OrdinalIgnoreCase);

    /// <summary>Changing content (edit, answers): the coordinators, or a delegate of the report's leading area.</summary>
    public bool MayChange(ParticipationReport report) => Roles.IsCoordinator || Roles.IsDelegateOf(report.LeaderArea);

    /// <summary>The workflow role for <see cref="ReportWorkflow"/>.</summary>
    public ReportActorRole RoleFor(ParticipationReport report) =>
        Roles.IsCoordinator ? ReportActorRole.Coordinator
        : Roles.IsDelegateOf(report.LeaderArea) ? ReportActorRole.Delegate
        : ReportActorRole.InternalControl;
}

/// <summary>
/// What every review handler needs for one turn: the entity, the plan year and today in Bogotá, the actor and their
/// roles, and one place that refuses with a clear message and logs the refusal without user text.
/// </summary>
internal sealed class ReviewSession(
    IOptions<EntityOptions> entity,
    TimeProvider time,
    IRoleResolver roles,
    ILogger<ReviewSession> logger)
{
    public string EntityId => entity.Value.Id;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => BogotaTime.Today(time);

    public int Year => Today.Year;

    public ReviewActor Actor(TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.User.AadObjectId is { Length: > 0 } aad ? aad : context.User.Id ?? "anonymous";
        return new ReviewActor(key, context.User.Name ?? key, roles.For(context.User));
    }

    /// <summary>The year a card action names, else the current plan year.</summary>
    public int YearOf(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return int.TryParse(action.GetString(ReviewVerbs.Year), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 2000 and < 2200
            ? year
            : Year;
    }

    /// <summary>Tells the user why not, and logs what was refused (never their text).</summary>
    public async Task RefuseAsync(TurnContext context, string action, string reason, LocalizedText message)
    {
        ArgumentNullException.ThrowIfNull(context);
        Log.Refused(logger, action, reason);
        await context.RespondWithTextAsync(message);
    }

    /// <summary>True for coordinators; otherwise refuses (read-only for internal control) and returns false.</summary>
    public async Task<bool> RequireCoordinatorAsync(TurnContext context, ReviewActor actor, string action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.IsCoordinator)
        {
            return true;
        }

        await RefuseAsync(context, action, "not a coordinator", actor.Roles.IsInternalControl ? ReviewTexts.ReadOnly : ReviewTexts.CoordinatorsOnly);
        return false;
    }

    /// <summary>True for those who may write something (coordinators, delegates); refuses nobody and read-only internal control.</summary>
    public async Task<bool> RequireWriterAsync(TurnContext context, ReviewActor actor, string action)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Roles.IsNobody)
        {
            await RefuseAsync(context, action, "no role", ReviewTexts.NoRole);
            return false;
        }

        if (!actor.IsCoordinator && actor.Roles.DelegateAreas.Count == 0 && !actor.Roles.DelegateOfAnyArea)
        {
            await RefuseAsync(context, action, "internal control is read-only", ReviewTexts.ReadOnly);
            return false;
        }

        return true;
    }

    /// <summary>The card's inputs as strings (Input.Number arrives as a number), without the verb and the data keys.</summary>
    public static Dictionary<string, string> Inputs(CardAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Inputs([ReviewVerbs.ReportId, ReviewVerbs.Year, ReviewVerbs.SpaceId, ReviewVerbs.SpaceVersion, ReviewVerbs.Change], max: 200);
    }
}

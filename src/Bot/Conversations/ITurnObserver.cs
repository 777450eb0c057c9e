namespace ParticipaBot.Bot.Conversations;

/// <summary>
/// Sees every turn before it is routed (e.g. to keep the user roster and personal conversation references fresh).
/// Register with <c>services.AddScoped&lt;ITurnObserver, T&gt;()</c>; an observer must not reply, and its failure
/// must not stop the turn, so it handles its own errors.
/// </summary>
internal interface ITurnObserver
{
    Task ObserveAsync(TurnContext context);
}

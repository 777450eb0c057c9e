namespace ParticipaBot.Bot.Notifications;

internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Notificación enviada / notification sent: {Key} (attempt {Attempt}).")]
    public static partial void Sent(ILogger logger, string key, int attempt);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Notificación fallida, se reintentará / notification failed, will retry: {Key} (attempt {Attempt}, next {NextAttemptAt:O}).")]
    public static partial void Failed(ILogger logger, string key, int attempt, DateTimeOffset? nextAttemptAt);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Notificación aparcada tras {Attempts} intentos / notification parked: {Key}: {Error}")]
    public static partial void Parked(ILogger logger, string key, int attempts, string error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Notificación retomada de una instancia caída / notification taken over from {PreviousOwner}: {Key}.")]
    public static partial void TakenOver(ILogger logger, string key, string previousOwner);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Otra instancia tomó la notificación / another instance took the notification over: {Key}.")]
    public static partial void LeaseLost(ILogger logger, string key);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "Error en el ciclo de notificaciones / notification tick failed.")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Canal notificado vinculado / channel bound: {ConversationId} (area {Area}).")]
    public static partial void Bound(ILogger logger, string conversationId, string? area);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Information, Message = "Notificaciones desactivadas (Notifications:Enabled=false) / notifications disabled.")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Debug, Message = "Ciclo de notificaciones / notification tick: {Due} due, {Sent} sent, {Failed} failed, {Parked} parked.")]
    public static partial void Tick(ILogger logger, int due, int sent, int failed, int parked);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "No se pudo leer la lista de miembros del equipo / could not read the team roster.")]
    public static partial void RosterFailed(ILogger logger, Exception exception);
}

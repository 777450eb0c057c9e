namespace ParticipaBot.Core.Calendar;

/// <summary>
/// Colombia's civil time: America/Bogota, UTC−5 all year (no daylight saving since 1993).
/// Every date a user reads or types is Bogotá time; instants are stored as <see cref="DateTimeOffset"/>.
/// </summary>
public static class BogotaTime
{
    /// <summary>The IANA id, also accepted by Microsoft Graph in dateTimeTimeZone.</summary>
    public const string IanaId = "America/Bogota";

    /// <summary>The Windows id of the same zone.</summary>
    public const string WindowsId = "SA Pacific Standard Time";

    private static readonly Lazy<TimeZoneInfo> LazyZone = new(FindZone);

    public static TimeZoneInfo Zone => LazyZone.Value;

    /// <summary>The current instant, as Bogotá sees it (offset −05:00).</summary>
    public static DateTimeOffset Now(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToBogota(timeProvider.GetUtcNow());
    }

    /// <summary>Today's date in Bogotá (differs from the UTC date between 19:00 and 24:00 local).</summary>
    public static DateOnly Today(TimeProvider timeProvider) => DateOnly.FromDateTime(Now(timeProvider).DateTime);

    /// <summary>The same instant with Bogotá's offset.</summary>
    public static DateTimeOffset ToBogota(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant of a Bogotá wall-clock date and time.</summary>
    public static DateTimeOffset FromLocal(DateOnly date, TimeOnly time) => FromLocal(date.ToDateTime(time));

    /// <summary>The instant of a Bogotá wall-clock time; the Kind of <paramref name="local"/> is ignored.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(IanaId);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Containers without tzdata: Bogotá has had a fixed UTC−5 offset since 1993, so a fixed zone is exact.
            return TimeZoneInfo.CreateCustomTimeZone(IanaId, TimeSpan.FromHours(-5), "Bogotá", "COT");
        }
    }
}

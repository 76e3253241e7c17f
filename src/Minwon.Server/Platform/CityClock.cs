namespace Minwon.Server.Platform;

/// <summary>
/// The city's wall clock: "today", receipt dates, opening hours, analytics days and every time shown to people are in
/// the zone set by Minwon:Chat:TimeZone (default Asia/Seoul), whatever the server's own zone. Built on the injected
/// <see cref="TimeProvider"/>, so tests move it with a fake clock.
/// </summary>
public sealed class CityClock
{
    public const string Setting = "Minwon:Chat:TimeZone";

    /// <summary>The zone when the setting is absent, and for offline tools that run without settings.</summary>
    public static readonly TimeZoneInfo DefaultZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private readonly TimeProvider time;

    public CityClock(TimeProvider time, IConfiguration configuration)
        : this(time, configuration[Setting] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : DefaultZone)
    {
    }

    public CityClock(TimeProvider time, TimeZoneInfo zone)
    {
        this.time = time;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Now in the city's zone (its offset on the value).</summary>
    public DateTimeOffset Now => Local(time.GetUtcNow());

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>A wall-clock time in the city (a form's date, a file's time without offset) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>The instant the city's day starts.</summary>
    public DateTimeOffset StartOf(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));
}

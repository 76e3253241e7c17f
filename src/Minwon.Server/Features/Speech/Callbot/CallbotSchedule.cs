using System.Globalization;
using Microsoft.Extensions.Options;
using Minwon.Server.Features.Voice;
using Minwon.Server.Platform;

namespace Minwon.Server.Features.Speech.Callbot;

/// <summary>Whether the callbot answers a call on this line at this time of day (decided when the call connects).</summary>
public sealed class CallbotSchedule(IOptions<CallbotOptions> options, CityClock clock)
{
    public bool Serves(string transport, string? dialled)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return false;
        }

        return o.Lines.Count == 0 || Matching(transport, dialled).Any();
    }

    /// <summary>The language of the first rule serving this call that sets one ("en"), else Korean.</summary>
    public string LanguageOf(string transport, string? dialled) =>
        CallbotPhrases.Of(Matching(transport, dialled).Select(l => l.Language).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)));

    private IEnumerable<CallbotLine> Matching(string transport, string? dialled)
    {
        var line = transport == CallRecords.WebCall ? "webcall" : dialled ?? "";
        var now = clock.Now.TimeOfDay;
        return options.Value.Lines.Where(l => (l.Number == "*" || string.Equals(l.Number, line, StringComparison.OrdinalIgnoreCase)) && Within(now, l.From, l.To));
    }

    public static bool Within(TimeSpan now, string from, string to)
    {
        var start = Parse(from);
        var end = Parse(to);
        return start <= end ? now >= start && now < end : now >= start || now < end;
    }

    /// <summary>HH:mm, with "24:00" as the end of the day.</summary>
    public static TimeSpan Parse(string value) => value == "24:00"
        ? TimeSpan.FromHours(24)
        : TimeSpan.ParseExact(value, @"hh\:mm", CultureInfo.InvariantCulture);

    public static bool Valid(CallbotLine line) =>
        !string.IsNullOrWhiteSpace(line.Number) && Try(line.From) && Try(line.To) && CallbotPhrases.Supported(line.Language);

    private static bool Try(string value) =>
        value == "24:00" || TimeSpan.TryParseExact(value, @"hh\:mm", CultureInfo.InvariantCulture, out var t) && t < TimeSpan.FromHours(24);
}

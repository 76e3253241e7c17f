using Minwon.Core.Reference;

namespace Minwon.Core.IssueAlerting;

/// <summary>
/// Realistic citizen contacts for demos, tests and benchmarks: Poisson arrivals with the daily and weekly shape of a
/// city hotline (quiet nights, a late-morning peak, busy Mondays, half volume on Sundays), a category mix that moves
/// with the hour, districts in proportion to population and noisy Korean wording; plus injected incidents, each a burst
/// on one topic in one district (or city-wide) that ramps up and decays. Pure and seeded: the same options give the
/// same stream. Incidents are planned up front (<see cref="Incidents"/>); <see cref="Generate"/> streams hour by hour.
/// </summary>
public sealed class TrafficGenerator
{
    // Share of a day's contacts per hour, and relative volume Monday..Sunday.
    private static readonly double[] HourShare = [1.2, 0.8, 0.6, 0.5, 0.5, 0.7, 1.5, 3.0, 5.0, 8.0, 8.5, 8.0, 6.0, 7.5, 8.0, 7.8, 7.2, 6.5, 5.0, 4.0, 3.3, 2.8, 2.2, 1.7];
    private static readonly double[] DayFactor = [1.3, 1.08, 1.03, 1.02, 1.0, 0.62, 0.5];
    private static readonly string[] Lines = ["1호선", "2호선", "3호선", "4호선", "5호선", "6호선", "7호선", "9호선", "신분당선", "경의중앙선"];
    private static readonly string[] Buses = ["150", "272", "470", "602", "7016", "9401", "143", "741", "6411", "3012", "마포08", "강남01"];
    private static readonly (string Channel, double Weight)[] Channels = [("phone", 0.68), ("chat", 0.17), ("sms", 0.08), ("app", 0.07)];

    private readonly TrafficGeneratorOptions options;
    private readonly IReadOnlyList<string> districts;
    private readonly double[] districtWeights;
    private readonly List<ContactEvent> incidentEvents = [];

    public TrafficGenerator(TrafficGeneratorOptions options, IReadOnlyList<string>? districts = null)
    {
        this.options = options;
        this.districts = districts ?? SeoulPlaces.Instance.Districts;
        districtWeights = [.. this.districts.Select(d => (double)SeoulPlaces.Population(d))];
        Incidents = PlanIncidents(new Random(unchecked((options.Seed * 7919) + 104729)));
        incidentEvents.Sort((a, b) => a.Time.CompareTo(b.Time));
    }

    public IReadOnlyList<InjectedIncident> Incidents { get; }

    /// <summary>Every contact of the stream in time order.</summary>
    public IEnumerable<ContactEvent> Generate()
    {
        var random = new Random(options.Seed);
        var total = HourShare.Sum();
        var weekMean = DayFactor.Average();
        var next = 0;
        for (var hour = 0; hour < options.Days * 24; hour++)
        {
            var start = options.Start.AddHours(hour);
            var weekday = ((int)start.DayOfWeek + 6) % 7;
            var expected = options.PerDay * HourShare[start.Hour] / total * DayFactor[weekday] / weekMean;
            var batch = new List<ContactEvent>();
            var count = Poisson(expected, random);
            for (var i = 0; i < count; i++)
            {
                batch.Add(Background(start.AddSeconds(random.NextDouble() * 3600), weekday >= 5, random));
            }

            var end = start.AddHours(1);
            while (next < incidentEvents.Count && incidentEvents[next].Time < end)
            {
                batch.Add(incidentEvents[next++]);
            }

            batch.Sort((a, b) => a.Time.CompareTo(b.Time));
            foreach (var contact in batch)
            {
                yield return contact;
            }
        }
    }

    private ContactEvent Background(DateTimeOffset time, bool weekend, Random random)
    {
        var categories = BackgroundTexts.Categories;
        var weights = categories.Select(c => c.Weight * BackgroundTexts.ShapeFactor(c.Shape, time.Hour, weekend)).ToArray();
        var category = categories[Pick(weights, random)];
        var district = districts[Pick(districtWeights, random)];
        var template = category.Texts[random.Next(category.Texts.Length)];
        var text = TextNoise.Apply(Fill(template, district, SeoulPlaces.SampleDong(district, random), random), random);
        return new ContactEvent(time, text, category.Minor, district, Channel(random));
    }

    private List<InjectedIncident> PlanIncidents(Random random)
    {
        var planned = new List<InjectedIncident>();
        var span = TimeSpan.FromDays(options.Days) - options.QuietStart - TimeSpan.FromHours(6);
        for (var n = 0; n < options.Incidents && span > TimeSpan.Zero; n++)
        {
            var type = IncidentCatalog.Types[random.Next(IncidentCatalog.Types.Count)];
            var district = type.CityWide ? null : districts[Pick(districtWeights, random)];
            var onset = options.Start + options.QuietStart;
            for (var attempt = 0; attempt < 50; attempt++)
            {
                onset = options.Start + options.QuietStart + TimeSpan.FromMinutes(Math.Floor(random.NextDouble() * span.TotalMinutes));
                // Ground truth must stay separable: no two incidents start within 3 hours, and one kind of incident
                // does not recur within 36 hours (two overlapping bus strikes are one strike to anyone).
                if (planned.TrueForAll(p => Math.Abs((p.Onset - onset).TotalHours) > (p.Type == type.Name ? 36 : 3)))
                {
                    break;
                }
            }

            planned.Add(Inject(type, district, onset, random));
        }

        return planned;
    }

    private InjectedIncident Inject(IncidentType type, string? district, DateTimeOffset onset, Random random)
    {
        var tier = random.NextDouble();
        var size = tier < 0.4 ? random.Next(15, 41) : tier < 0.8 ? random.Next(40, 151) : random.Next(150, 601);
        size *= type.CityWide ? 4 : 1;
        var ramp = type.CityWide ? 30 + random.NextDouble() * 30 : 10 + random.NextDouble() * 20;
        var decay = type.CityWide ? 120 + random.NextDouble() * 240 : 30 + random.NextDouble() * 90;
        var rampShare = ramp / (ramp + 2 * decay);
        var dong = district is null ? null : SeoulPlaces.SampleDong(district, random);
        var line = Lines[random.Next(Lines.Length)];
        var end = onset;
        for (var i = 0; i < size; i++)
        {
            var minutes = random.NextDouble() < rampShare
                ? ramp * Math.Sqrt(random.NextDouble())
                : ramp + Math.Min(-decay * Math.Log(1 - random.NextDouble()), 5 * decay);
            var time = onset.AddMinutes(minutes);
            var where = district is not null && random.NextDouble() < 0.88 ? district : districts[Pick(districtWeights, random)];
            var place = where == district && random.NextDouble() < 0.8 ? dong! : SeoulPlaces.SampleDong(where, random);
            var template = type.Texts[random.Next(type.Texts.Count)].Replace("{노선}", line, StringComparison.Ordinal);
            var category = random.NextDouble() < 0.85 ? type.Category : random.NextDouble() < 0.5 ? "전화번호·기관 안내" : "자치구 민원 연결";
            incidentEvents.Add(new ContactEvent(time, TextNoise.Apply(Fill(template, where, place, random), random), category, where, Channel(random)));
            end = time > end ? time : end;
        }

        return new InjectedIncident(type.Name, onset, end, district, type.Category, type.Terms, size);
    }

    private static string Fill(string template, string district, string dong, Random random) => template
        .Replace("{동}", dong, StringComparison.Ordinal)
        .Replace("{구}", district, StringComparison.Ordinal)
        .Replace("{노선}", Lines[random.Next(Lines.Length)], StringComparison.Ordinal)
        .Replace("{버스}", Buses[random.Next(Buses.Length)], StringComparison.Ordinal);

    private static string Channel(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (channel, weight) in Channels)
        {
            if ((roll -= weight) < 0)
            {
                return channel;
            }
        }

        return "phone";
    }

    private static int Pick(double[] weights, Random random)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static int Poisson(double mean, Random random)
    {
        if (mean > 50)
        {
            var u = 1 - random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * normal));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}

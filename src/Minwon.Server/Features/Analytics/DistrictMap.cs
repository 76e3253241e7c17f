using System.Globalization;
using System.Text;
using System.Text.Json;
using Minwon.Server.Features.Reference;

namespace Minwon.Server.Features.Analytics;

/// <summary>One district's outline as an SVG path, and where to put its label.</summary>
public sealed record DistrictShape(string Name, string Path, double LabelX, double LabelY);

/// <summary>
/// Seoul's 25 districts from data-seed/seoul_districts.geojson as SVG paths, projected equirectangularly (longitude
/// shrunk by the cosine of the mid latitude) and scaled to the bounding box. Read once per process.
/// </summary>
public sealed class DistrictMap
{
    public const double Width = 600;

    private readonly Lazy<(IReadOnlyList<DistrictShape> Shapes, double Height)> map = new(Load);

    public IReadOnlyList<DistrictShape> Shapes => map.Value.Shapes;

    public double Height => map.Value.Height;

    private static (IReadOnlyList<DistrictShape>, double) Load()
    {
        var path = Path.Combine(SeedReferenceData.SeedDirectory, "seoul_districts.geojson");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var features = new List<(string Name, List<List<(double Lon, double Lat)>> Rings)>();
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var name = feature.GetProperty("properties").GetProperty("name").GetString() ?? "";
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? coordinates.EnumerateArray().ToList() : [coordinates];
            var rings = polygons.SelectMany(p => p.EnumerateArray())
                .Select(ring => ring.EnumerateArray().Select(pt => (pt[0].GetDouble(), pt[1].GetDouble())).ToList()).ToList();
            features.Add((name, rings));
        }

        var points = features.SelectMany(f => f.Rings).SelectMany(r => r).ToList();
        var (minLon, maxLon) = (points.Min(p => p.Lon), points.Max(p => p.Lon));
        var (minLat, maxLat) = (points.Min(p => p.Lat), points.Max(p => p.Lat));
        var shrink = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        var scale = Width / ((maxLon - minLon) * shrink);
        var height = (maxLat - minLat) * scale;
        (double X, double Y) Project((double Lon, double Lat) p) => ((p.Lon - minLon) * shrink * scale, (maxLat - p.Lat) * scale);

        var shapes = new List<DistrictShape>();
        foreach (var (name, rings) in features)
        {
            var d = new StringBuilder();
            foreach (var ring in rings)
            {
                for (var i = 0; i < ring.Count; i++)
                {
                    var (x, y) = Project(ring[i]);
                    d.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(',')
                        .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                }

                d.Append('Z');
            }

            // The mean of the outer ring's vertices is inside every Seoul district, good enough for a label.
            var outer = rings.OrderByDescending(r => r.Count).First().Select(Project).ToList();
            shapes.Add(new DistrictShape(name, d.ToString(), outer.Average(p => p.X), outer.Average(p => p.Y)));
        }

        return (shapes, height);
    }
}

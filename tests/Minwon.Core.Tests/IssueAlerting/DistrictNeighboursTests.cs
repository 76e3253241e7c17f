using System.Text.Json;
using Minwon.Core.IssueAlerting;
using Minwon.Core.Reference;

namespace Minwon.Core.Tests.IssueAlerting;

/// <summary>
/// <see cref="DistrictNeighbours"/> is a hand-written table; the project ships Seoul's district boundaries
/// (data-seed/seoul_districts.geojson, the dashboard's map). Each pair whose boundaries share an edge (a land border, or
/// one in the middle of the Han) must be in the table, and each pair in the table must at least touch there.
/// </summary>
public sealed class DistrictNeighboursTests
{
    [Fact]
    public void The_table_matches_the_shipped_district_boundaries()
    {
        var boundaries = Boundaries();
        var names = boundaries.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SeoulPlaces.Instance.Districts.Order(StringComparer.Ordinal), names);

        var missing = new List<string>();
        var far = new List<string>();
        foreach (var (a, i) in names.Select((name, i) => (name, i)))
        {
            foreach (var b in names.Skip(i + 1))
            {
                var edge = boundaries[a].Edges.Overlaps(boundaries[b].Edges);
                var touch = edge || boundaries[a].Points.Overlaps(boundaries[b].Points);
                if (edge && !DistrictNeighbours.SameOrNext(a, b))
                {
                    missing.Add($"{a}-{b}");
                }

                if (!touch && DistrictNeighbours.SameOrNext(a, b))
                {
                    far.Add($"{a}-{b}");
                }

                Assert.Equal(DistrictNeighbours.SameOrNext(a, b), DistrictNeighbours.SameOrNext(b, a));
                Assert.Equal(DistrictNeighbours.SameOrNext(a, b), DistrictNeighbours.Of(a).Contains(b));
            }
        }

        Assert.True(missing.Count == 0, "sharing an edge, not in the table: " + string.Join(", ", missing));
        Assert.True(far.Count == 0, "in the table, not touching: " + string.Join(", ", far));
    }

    [Theory]
    [InlineData("")]
    [InlineData("마포")]
    [InlineData("수원시")]
    public void A_name_outside_the_25_districts_has_no_neighbours(string name)
    {
        Assert.Empty(DistrictNeighbours.Of(name));
        Assert.False(DistrictNeighbours.SameOrNext(name, "마포구"));
        Assert.True(DistrictNeighbours.SameOrNext(name, name));
    }

    private static Dictionary<string, (HashSet<(double, double)> Points, HashSet<((double, double), (double, double))> Edges)> Boundaries()
    {
        var path = "";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && path.Length == 0; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data-seed", "seoul_districts.geojson");
            path = File.Exists(candidate) ? candidate : "";
        }

        Assert.True(path.Length > 0, "data-seed/seoul_districts.geojson not found above " + AppContext.BaseDirectory);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<string, (HashSet<(double, double)>, HashSet<((double, double), (double, double))>)>(StringComparer.Ordinal);
        foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var points = new HashSet<(double, double)>();
            var edges = new HashSet<((double, double), (double, double))>();
            foreach (var ring in polygons.SelectMany(polygon => polygon.EnumerateArray()))
            {
                var ringPoints = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
                points.UnionWith(ringPoints);
                foreach (var (p, q) in ringPoints.Zip(ringPoints.Skip(1)))
                {
                    // Undirected: the neighbour walks the shared edge the other way.
                    edges.Add(p.CompareTo(q) <= 0 ? (p, q) : (q, p));
                }
            }

            result[feature.GetProperty("properties").GetProperty("name").GetString()!] = (points, edges);
        }

        return result;
    }
}

using System.Globalization;
using System.Text;

namespace GenesysCloud.Typed.Benchmarks;

/// <summary>Draws docs/benchmarks.svg from BenchmarkDotNet's CSV report of <see cref="RequestOverheadBenchmarks"/>: per
/// call shape, generated and Refit as a multiple of hand-written (fastest iteration, the Min column), against the 1.10×
/// target. <c>dotnet run -c Release -- chart BenchmarkDotNet.Artifacts/results/…-report.csv ../../docs/benchmarks.svg</c></summary>
public static class Chart
{
    public static int Run(string csvPath, string svgPath)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = Split(lines[0]);
        int Column(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        var method = Column("Method");
        var min = Column("Min") >= 0 ? Column("Min") : Column("Mean");
        if (method < 0 || min < 0) throw new InvalidOperationException($"{csvPath} has no Method and Min/Mean columns.");
        var times = lines.Skip(1).Select(Split).Where(r => r.Length > Math.Max(method, min))
            .ToDictionary(r => r[method], r => Nanoseconds(r[min]));

        var shapes = new[] { ("Get", "GET a user"), ("Patch", "PATCH a user"), ("Page", "page of 100") };
        var rows = shapes.Where(s => times.ContainsKey("HandWritten_" + s.Item1)).Select(s =>
        {
            var baseline = times["HandWritten_" + s.Item1];
            return (Label: s.Item2, Ours: times["Generated_" + s.Item1] / baseline, Refit: times["Refit_" + s.Item1] / baseline);
        }).ToList();

        const int width = 780, rowHeight = 70, left = 120, top = 40;
        var height = top + rowHeight * rows.Count + 40;
        var scaleMax = Math.Max(2.0, rows.Max(r => Math.Max(r.Ours, r.Refit)) * 1.1);
        double X(double ratio) => left + (width - left - 20) * ratio / scaleMax;
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        svg.AppendLine("<text x=\"10\" y=\"20\" font-size=\"14\">Per-call time as a multiple of hand-written HttpClient (fastest iteration; lower is better)</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, ours, refit) = rows[i];
            var y = top + i * rowHeight;
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + 28}\">{label}</text>");
            Bar(svg, y + 8, X(ours) - left, "#2b6cb0", $"GenesysCloud.Typed {ours:0.00}×");
            Bar(svg, y + 34, X(refit) - left, "#a0aec0", $"Refit 16.4 {refit:0.00}×");
        }
        var target = X(1.10);
        svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{target:0.0}\" y1=\"{top - 6}\" x2=\"{target:0.0}\" y2=\"{height - 30}\" stroke=\"#c53030\" stroke-dasharray=\"4 3\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{target + 4:0.0}\" y=\"{height - 16}\" fill=\"#c53030\">target 1.10×</text>");
        var one = X(1.0);
        svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{one:0.0}\" y1=\"{top - 6}\" x2=\"{one:0.0}\" y2=\"{height - 30}\" stroke=\"#4a5568\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{one - 60:0.0}\" y=\"{height - 16}\">hand-written 1×</text>");
        svg.AppendLine("</svg>");
        File.WriteAllText(svgPath, svg.ToString());
        foreach (var r in rows) Console.WriteLine(FormattableString.Invariant($"{r.Label}: generated {r.Ours:0.00}×, Refit {r.Refit:0.00}×"));
        return 0;

        void Bar(StringBuilder s, double y, double w, string color, string text)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y:0.0}\" width=\"{Math.Max(1, w):0.0}\" height=\"20\" fill=\"{color}\"/>");
            s.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{left + Math.Max(1, w) + 6:0.0}\" y=\"{y + 15:0.0}\">{text}</text>");
        }
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();

    /// <summary>"3.235 μs" → 3235.</summary>
    private static double Nanoseconds(string text)
    {
        var parts = text.Replace("\u00a0", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = double.Parse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture);
        return (parts.Length > 1 ? parts[1] : "ns") switch
        {
            "ns" => value,
            "μs" or "us" or "µs" => value * 1_000,
            "ms" => value * 1_000_000,
            "s" => value * 1_000_000_000,
            var unit => throw new FormatException($"Unknown time unit '{unit}' in '{text}'."),
        };
    }
}

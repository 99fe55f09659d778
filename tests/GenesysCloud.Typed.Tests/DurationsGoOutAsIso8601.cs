using System.Text.RegularExpressions;
using System.Xml;

namespace GenesysCloud.Typed.Tests;

/// <summary>TimeSpan route, query and header values go out as ISO 8601 durations (what Genesys Cloud reads for
/// intervals and granularities): every value, whatever its size, sign or precision, is a well-formed duration that
/// reads back as exactly the same TimeSpan.</summary>
public sealed partial class DurationsGoOutAsIso8601
{
    public static IEnumerable<object[]> Durations()
    {
        var random = new Random(1515);
        var values = new List<TimeSpan>
        {
            TimeSpan.Zero, TimeSpan.FromTicks(1), TimeSpan.FromTicks(-1), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(59),
            TimeSpan.FromMinutes(30), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(30), TimeSpan.FromDays(1), TimeSpan.FromDays(31),
            -TimeSpan.FromMinutes(5), TimeSpan.MaxValue, TimeSpan.MinValue + TimeSpan.FromTicks(1),
        };
        while (values.Count < 400) values.Add(TimeSpan.FromTicks(random.NextInt64(-TimeSpan.TicksPerDay * 4000, TimeSpan.TicksPerDay * 4000)));
        return values.Chunk(50).Select(chunk => new object[] { chunk });
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void Every_duration_is_iso_8601_and_reads_back_exactly(TimeSpan[] values)
    {
        foreach (var value in values)
        {
            var text = QueryBuilder.FormatDuration(value);
            Assert.Matches(Iso8601Duration(), text);
            Assert.Equal(value, XmlConvert.ToTimeSpan(text));
        }
    }

    [Theory]
    [InlineData(0, 0, 0, "PT0S")]
    [InlineData(0, 30, 0, "PT30M")]
    [InlineData(1, 30, 0, "PT1H30M")]
    [InlineData(24, 0, 0, "P1D")]
    [InlineData(0, 0, -5, "-PT5S")]
    public void Common_durations_read_as_a_person_writes_them(int hours, int minutes, int seconds, string expected) =>
        Assert.Equal(expected, QueryBuilder.FormatDuration(new TimeSpan(hours, minutes, seconds)));

    [GeneratedRegex(@"^-?P(?=\d|T\d)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex Iso8601Duration();
}

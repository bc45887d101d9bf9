using Scalewise.Core.Traces;

namespace Scalewise.Core.Tests.Traces;

public sealed class TraceReaderTests
{
    private static WorkloadTrace Read(string csv) => TraceReader.Read(new StringReader(csv));

    private static TraceFormatException Rejected(string csv) => Assert.Throws<TraceFormatException>(() => Read(csv));

    [Fact]
    public void Read_WellFormedTrace_GivesEveryMinuteInOrder()
    {
        var trace = Read("timestamp,requests\n1995-07-01T00:00:00Z,42\n1995-07-01T00:01:00Z,62\n1995-07-01T00:02:00Z,0\n");

        Assert.Equal(new DateTimeOffset(1995, 7, 1, 0, 0, 0, TimeSpan.Zero), trace.Start);
        Assert.Equal(3, trace.Length);
        Assert.Equal([42, 62, 0], Enumerable.Range(0, 3).Select(trace.RequestsAt).ToArray());
        Assert.Equal(0, trace.MissingMinutes);
    }

    [Fact]
    public void Read_MissingMinutes_AreGapsWithNoDataNotZero()
    {
        var trace = Read("timestamp,requests\r\n1995-07-01T00:00:00Z,5\r\n1995-07-01T00:03:00Z,7\r\n");

        Assert.Equal(4, trace.Length);
        Assert.Equal(2, trace.MissingMinutes);
        Assert.Null(trace.RequestsAt(1));
        Assert.Null(trace.RequestsAt(2));
        Assert.Equal(7, trace.RequestsAt(3));
    }

    [Fact]
    public void Read_ByteOrderMarkAndSpaces_AreAccepted()
    {
        var trace = Read("\uFEFFtimestamp,requests\n1995-07-01T00:00:00Z, 9\n");

        Assert.Equal(9, trace.RequestsAt(0));
    }

    [Fact]
    public void Read_WrongHeader_NamesLineOne()
    {
        var error = Rejected("time,count\n1995-07-01T00:00:00Z,5\n");

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("timestamp,requests", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyInput_SaysTheTraceIsEmpty()
    {
        var error = Rejected(string.Empty);

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderOnly_SaysThereAreNoRows()
    {
        var error = Rejected("timestamp,requests\n");

        Assert.Contains("no rows", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1995-07-01 00:01:00,5", "ISO 8601")]
    [InlineData("07/01/1995 00:01,5", "ISO 8601")]
    [InlineData("1995-07-01T02:01:00+02:00,5", "UTC")]
    [InlineData("1995-07-01T00:01:30Z,5", "whole minute")]
    [InlineData("1995-07-01T00:01:00Z,-3", "negative")]
    [InlineData("1995-07-01T00:01:00Z,4.5", "whole number")]
    [InlineData("1995-07-01T00:01:00Z,", "whole number")]
    [InlineData("1995-07-01T00:01:00Z,99999999999", "whole number")]
    [InlineData("1995-07-01T00:01:00Z", "two fields")]
    [InlineData("1995-07-01T00:01:00Z,5,6", "two fields")]
    [InlineData("", "two fields")]
    [InlineData("1995-07-01T00:00:00Z,5", "time order")]
    [InlineData("1995-06-30T23:59:00Z,5", "time order")]
    public void Read_BadRow_NamesItsLineAndWhatIsAccepted(string row, string expected)
    {
        var error = Rejected($"timestamp,requests\n1995-07-01T00:00:00Z,1\n{row}\n1995-07-01T00:05:00Z,1\n");

        Assert.Equal(3, error.LineNumber);
        Assert.StartsWith("line 3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

using Gateway.CloudEvents;

namespace Gateway.Tests.CloudEvents;

public sealed class StrictBase64Tests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("AQ==", new byte[] { 1 })]
    [InlineData("TWE=", new byte[] { 0x4D, 0x61 })]
    [InlineData("TWFu", new byte[] { 0x4D, 0x61, 0x6E })]
    [InlineData("+/+/", new byte[] { 0xFB, 0xFF, 0xBF })]
    public void TryDecode_Valid_ReturnsBytes(string text, byte[] expected)
    {
        Assert.True(StrictBase64.TryDecode(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("x", 0)]
    [InlineData("TWFU=", 4)]
    [InlineData("==TQ", 0)]
    [InlineData("TQ=A", 3)]
    [InlineData("T===", 1)]
    [InlineData("TW Fu", 2)]
    [InlineData("TWFu\n", 4)]
    [InlineData("TW-_", 2)]
    [InlineData("TWFuTQ", 4)]
    public void FirstInvalidIndex_Invalid_PointsAtProblem(string text, int expectedIndex)
    {
        Assert.False(StrictBase64.IsValid(text));
        Assert.Equal(expectedIndex, StrictBase64.FirstInvalidIndex(text));
    }
}

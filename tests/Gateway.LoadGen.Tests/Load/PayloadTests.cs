using System.Text;
using System.Text.Json;
using Gateway.LoadGen.Load;

namespace Gateway.LoadGen.Tests.Load;

public sealed class PayloadTests
{
    [Fact]
    public void Create_IsJsonOfExactlyTheAskedSize()
    {
        var payload = Payload.Create(256);

        Assert.Equal(256, payload.Length);
        using var document = JsonDocument.Parse(payload);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void Create_SmallerThanTheSkeleton_NamesTheMinimum()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Payload.Create(10));

        Assert.Contains($"at least {Payload.MinimumSize} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ThenRead_FromAnEnvelopeAroundThePayload_ReturnsTheStamp()
    {
        var payload = Payload.Create(100);
        var envelope = Encoding.UTF8.GetBytes($"{{\"topic\":\"t\",\"data\":{Encoding.UTF8.GetString(payload)}}}");

        Payload.Write(envelope, Payload.StampOffsets(envelope), 1234567890123);

        Assert.Equal(1234567890123, Payload.Read(envelope));
        using var document = JsonDocument.Parse(envelope);
        Assert.Equal("00000001234567890123", document.RootElement.GetProperty("data").GetProperty("t").GetString());
    }

    [Fact]
    public void Bulk_IsAnArrayOfEntriesEachWithItsOwnStampSlot()
    {
        var body = Payload.Bulk(Payload.Create(64), 3);

        using var document = JsonDocument.Parse(body);
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.Equal(["0", "1", "2"], document.RootElement.EnumerateArray().Select(e => e.GetProperty("entryId").GetString()));
        Assert.Equal(3, Payload.StampOffsets(body).Length);
    }

    [Fact]
    public void Read_WithoutStamp_IsNull()
    {
        Assert.Null(Payload.Read("{\"topic\":\"orders\"}"u8));
    }
}

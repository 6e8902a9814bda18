using Gateway.LoadGen.Metrics;

namespace Gateway.LoadGen.Tests.Metrics;

public sealed class RedisClientsTests
{
    // As redis-server 7.0 answers INFO clients.
    private const string Reply =
        "# Clients\r\nconnected_clients:1003\r\ncluster_connections:0\r\nmaxclients:10000\r\nclient_recent_max_input_buffer:20480\r\n"
        + "client_recent_max_output_buffer:0\r\nblocked_clients:1000\r\ntracking_clients:0\r\nclients_in_timeout_table:1000\r\n";

    [Fact]
    public void OthersThanTheAsker_InfoClientsReply_IsConnectedClientsMinusOne()
    {
        Assert.Equal(1002, RedisClients.OthersThanTheAsker(Reply));
    }

    [Fact]
    public void OthersThanTheAsker_OnlyTheAskerConnected_IsZero()
    {
        Assert.Equal(0, RedisClients.OthersThanTheAsker("# Clients\r\nconnected_clients:1\r\nblocked_clients:0\r\n"));
    }

    [Fact]
    public void OthersThanTheAsker_ReplyWithoutTheField_Throws()
    {
        Assert.Throws<FormatException>(() => RedisClients.OthersThanTheAsker("# Clients\r\nblocked_clients:0\r\n"));
    }
}

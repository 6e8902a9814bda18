using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Kafka.TestCluster;

/// <summary>
/// librdkafka's Kafka-protocol mock cluster, running inside this process: real TCP listeners on
/// loopback that speak produce, fetch, consumer groups and offset commits, plus fault injection.
/// It lives until disposed or until the process ends.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    /// <summary>Starts a cluster of <paramref name="brokerCount"/> brokers, numbered 1 to N.</summary>
    public MockKafkaCluster(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        var errorText = new byte[512];
        var conf = LibrdkafkaMock.ConfNew();
        // The hosting handle never talks to anything; keep it quiet.
        Set(conf, "log_level", "0", errorText);
        _handle = LibrdkafkaMock.KafkaNew(LibrdkafkaMock.ProducerHandle, conf, errorText, (nuint)errorText.Length);
        if (_handle == IntPtr.Zero)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka refused to create the handle that hosts the mock cluster: {Text(errorText)}");
        }

        _cluster = LibrdkafkaMock.ClusterNew(_handle, brokerCount);
        if (_cluster == IntPtr.Zero)
        {
            LibrdkafkaMock.KafkaDestroy(_handle);
            throw new InvalidOperationException("librdkafka could not start its mock cluster.");
        }

        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.ClusterBootstraps(_cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
    }

    /// <summary>Comma-separated <c>host:port</c> list of every broker.</summary>
    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Creates a topic now, rather than on first use (where it gets the mock's default partition count).</summary>
    public void CreateTopic(string name, int partitions, int replicationFactor = 1) =>
        Check(LibrdkafkaMock.TopicCreate(Cluster, name, partitions, replicationFactor), $"create topic '{name}'");

    /// <summary>Closes the broker's listener and connections until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) => Check(LibrdkafkaMock.BrokerSetDown(Cluster, brokerId), $"take broker {brokerId} down");

    public void SetBrokerUp(int brokerId) => Check(LibrdkafkaMock.BrokerSetUp(Cluster, brokerId), $"bring broker {brokerId} up");

    /// <summary>Delays every response of the broker by <paramref name="milliseconds"/>.</summary>
    public void SetRtt(int brokerId, int milliseconds) => Check(LibrdkafkaMock.BrokerSetRtt(Cluster, brokerId, milliseconds), $"set the round trip of broker {brokerId}");

    /// <summary>
    /// Makes the next requests of Kafka API <paramref name="apiKey"/> (0 = Produce, 1 = Fetch, …) fail
    /// with the given Kafka error codes, one per request, in order, on any broker.
    /// </summary>
    public void PushRequestErrors(short apiKey, params int[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        LibrdkafkaMock.PushRequestErrors(Cluster, apiKey, (nuint)errors.Length, errors);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaMock.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                LibrdkafkaMock.KafkaDestroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private IntPtr Cluster => _cluster != IntPtr.Zero ? _cluster : throw new ObjectDisposedException(nameof(MockKafkaCluster));

    private static void Set(IntPtr conf, string name, string value, byte[] errorText)
    {
        if (LibrdkafkaMock.ConfSet(conf, name, value, errorText, (nuint)errorText.Length) != LibrdkafkaMock.ConfigurationAccepted)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka refused '{name}': {Text(errorText)}");
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"The mock cluster could not {what}: {LibrdkafkaMock.Describe(error)}");
        }
    }

    private static string Text(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }
}

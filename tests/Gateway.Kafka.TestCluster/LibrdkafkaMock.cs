using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Kafka.TestCluster;

/// <summary>
/// The parts of librdkafka's C API that start and steer its Kafka-protocol mock cluster, called
/// through function pointers taken from the very library instance Confluent.Kafka loaded
/// (<see cref="BundledLibrdkafka"/>), so the mock and the clients under test run one librdkafka.
/// </summary>
internal static unsafe class LibrdkafkaMock
{
    /// <summary><c>RD_KAFKA_PRODUCER</c>: the handle type that hosts the mock cluster.</summary>
    public const int ProducerHandle = 0;

    /// <summary><c>RD_KAFKA_CONF_OK</c>.</summary>
    public const int ConfigurationAccepted = 0;

    private static readonly IntPtr Library = BundledLibrdkafka.Handle;

    private static readonly delegate* unmanaged<IntPtr> ConfNewFn = (delegate* unmanaged<IntPtr>)Export("rd_kafka_conf_new");
    private static readonly delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int> ConfSetFn = (delegate* unmanaged<IntPtr, byte*, byte*, byte*, nuint, int>)Export("rd_kafka_conf_set");
    private static readonly delegate* unmanaged<IntPtr, void> ConfDestroyFn = (delegate* unmanaged<IntPtr, void>)Export("rd_kafka_conf_destroy");
    private static readonly delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr> KafkaNewFn = (delegate* unmanaged<int, IntPtr, byte*, nuint, IntPtr>)Export("rd_kafka_new");
    private static readonly delegate* unmanaged<IntPtr, void> KafkaDestroyFn = (delegate* unmanaged<IntPtr, void>)Export("rd_kafka_destroy");
    private static readonly delegate* unmanaged<IntPtr, int, IntPtr> ClusterNewFn = (delegate* unmanaged<IntPtr, int, IntPtr>)Export("rd_kafka_mock_cluster_new");
    private static readonly delegate* unmanaged<IntPtr, void> ClusterDestroyFn = (delegate* unmanaged<IntPtr, void>)Export("rd_kafka_mock_cluster_destroy");
    private static readonly delegate* unmanaged<IntPtr, IntPtr> ClusterBootstrapsFn = (delegate* unmanaged<IntPtr, IntPtr>)Export("rd_kafka_mock_cluster_bootstraps");
    private static readonly delegate* unmanaged<IntPtr, byte*, int, int, int> TopicCreateFn = (delegate* unmanaged<IntPtr, byte*, int, int, int>)Export("rd_kafka_mock_topic_create");
    private static readonly delegate* unmanaged<IntPtr, int, int> BrokerSetDownFn = (delegate* unmanaged<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_down");
    private static readonly delegate* unmanaged<IntPtr, int, int> BrokerSetUpFn = (delegate* unmanaged<IntPtr, int, int>)Export("rd_kafka_mock_broker_set_up");
    private static readonly delegate* unmanaged<IntPtr, int, int, int> BrokerSetRttFn = (delegate* unmanaged<IntPtr, int, int, int>)Export("rd_kafka_mock_broker_set_rtt");
    private static readonly delegate* unmanaged<IntPtr, short, nuint, int*, void> PushRequestErrorsFn = (delegate* unmanaged<IntPtr, short, nuint, int*, void>)Export("rd_kafka_mock_push_request_errors_array");
    private static readonly delegate* unmanaged<int, IntPtr> ErrorToStringFn = (delegate* unmanaged<int, IntPtr>)Export("rd_kafka_err2str");

    public static IntPtr ConfNew() => ConfNewFn();

    public static int ConfSet(IntPtr conf, string name, string value, byte[] errorText, nuint errorTextSize)
    {
        fixed (byte* n = Utf8(name), v = Utf8(value), e = errorText)
        {
            return ConfSetFn(conf, n, v, e, errorTextSize);
        }
    }

    public static void ConfDestroy(IntPtr conf) => ConfDestroyFn(conf);

    /// <summary>Takes ownership of <paramref name="conf"/> on success only.</summary>
    public static IntPtr KafkaNew(int type, IntPtr conf, byte[] errorText, nuint errorTextSize)
    {
        fixed (byte* e = errorText)
        {
            return KafkaNewFn(type, conf, e, errorTextSize);
        }
    }

    public static void KafkaDestroy(IntPtr handle) => KafkaDestroyFn(handle);

    public static IntPtr ClusterNew(IntPtr handle, int brokerCount) => ClusterNewFn(handle, brokerCount);

    public static void ClusterDestroy(IntPtr cluster) => ClusterDestroyFn(cluster);

    public static IntPtr ClusterBootstraps(IntPtr cluster) => ClusterBootstrapsFn(cluster);

    public static int TopicCreate(IntPtr cluster, string topic, int partitionCount, int replicationFactor)
    {
        fixed (byte* t = Utf8(topic))
        {
            return TopicCreateFn(cluster, t, partitionCount, replicationFactor);
        }
    }

    public static int BrokerSetDown(IntPtr cluster, int brokerId) => BrokerSetDownFn(cluster, brokerId);

    public static int BrokerSetUp(IntPtr cluster, int brokerId) => BrokerSetUpFn(cluster, brokerId);

    public static int BrokerSetRtt(IntPtr cluster, int brokerId, int rttMilliseconds) => BrokerSetRttFn(cluster, brokerId, rttMilliseconds);

    public static void PushRequestErrors(IntPtr cluster, short apiKey, nuint count, int[] errors)
    {
        fixed (int* e = errors)
        {
            PushRequestErrorsFn(cluster, apiKey, count, e);
        }
    }

    public static string Describe(int error) => Marshal.PtrToStringUTF8(ErrorToStringFn(error)) ?? $"error {error}";

    private static IntPtr Export(string name) => NativeLibrary.GetExport(Library, name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + '\0');
}

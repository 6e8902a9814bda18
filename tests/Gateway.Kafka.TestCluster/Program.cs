namespace Gateway.Kafka.TestCluster;

/// <summary>
/// Runs a mock cluster as its own process, so a test can kill the process under test while the
/// broker and its data live on. Prints <c>BOOTSTRAP=&lt;list&gt;</c>, then serves until stdin closes
/// or the process is killed. Optional argument: the number of brokers (default 1).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var brokers = args.Length > 0 && int.TryParse(args[0], out var count) && count > 0 ? count : 1;
        using var cluster = new MockKafkaCluster(brokers);
        Console.Out.WriteLine($"BOOTSTRAP={cluster.BootstrapServers}");
        Console.Out.Flush();

        // Reading to the end returns when the parent closes our stdin or goes away.
        Console.In.ReadToEnd();
        return 0;
    }
}

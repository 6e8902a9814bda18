namespace Gateway.LoadGen.Suite;

/// <summary>Durations and rates of the suite; <see cref="Quick"/> keeps it under three minutes.</summary>
/// <param name="Connections">Workers in closed-loop runs: the messages in flight.</param>
/// <param name="RateConnections">
/// Workers in fixed-rate runs. HTTP/1.1 has one request in flight per connection, so an open loop needs more
/// connections than rate × latency, or it turns back into a closed loop when the target slows down.
/// </param>
/// <param name="ManySubscriptions">The "many" of the subscription-count and idle scenarios.</param>
/// <param name="IdleSettle">The idle scenario's time to settle after every subscription delivered once.</param>
/// <param name="IdleWindow">The idle scenario's window, in which nothing is published.</param>
internal sealed record SuiteSettings(
    bool IsQuick,
    int Connections,
    int RateConnections,
    TimeSpan Warmup,
    TimeSpan Duration,
    IReadOnlyList<double> PublishRates,
    IReadOnlyList<double> DeliveryRates,
    int BulkEntries,
    double FanOutRate,
    int FanOutApps,
    double SubscriptionsRate,
    int ManySubscriptions,
    TimeSpan IdleSettle,
    TimeSpan IdleWindow)
{
    public static SuiteSettings Full(int connections) => new(
        false, connections, 32, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), [1000, 5000, 20000], [1000, 5000], 100, 500, 10, 1000, 1000, Load.IdleWindow.DefaultSettle, TimeSpan.FromSeconds(10));

    public static SuiteSettings Quick(int connections) => new(
        true, connections, 32, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), [1000], [1000], 100, 200, 10, 500, 1000, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3));
}

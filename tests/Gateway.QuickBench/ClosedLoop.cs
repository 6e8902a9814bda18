using System.Diagnostics;
using System.Text;

namespace Gateway.QuickBench;

/// <summary>Throughput: each connection sends its next request as soon as the previous one answered.</summary>
internal static class ClosedLoop
{
    /// <returns>Successful (2xx) requests per second, and how many requests failed.</returns>
    public static async Task<(double PerSecond, long Failures)> RunAsync(IReadOnlyList<HttpClient> connections, string path, TimeSpan duration)
    {
        long succeeded = 0;
        long failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select(client => Task.Run(async () =>
        {
            var sequence = 0;
            while (clock.Elapsed < duration)
            {
                var body = new StringContent($"{{\"id\":\"t-{sequence++}\"}}", Encoding.UTF8, "application/json");
                try
                {
                    using var response = await client.PostAsync(path, body);
                    Interlocked.Increment(ref response.IsSuccessStatusCode ? ref succeeded : ref failed);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return (succeeded / clock.Elapsed.TotalSeconds, failed);
    }
}

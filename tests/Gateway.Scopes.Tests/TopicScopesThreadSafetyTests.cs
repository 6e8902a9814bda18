namespace Gateway.Scopes.Tests;

public class TopicScopesThreadSafetyTests
{
    private const int AppCount = 300;

    [Fact]
    public void Check_ParallelCallsForManyApps_EqualSingleThreadedResults()
    {
        var metadata = TestMetadata.Of(
            ("publishingScopes", string.Join(';', Enumerable.Range(0, AppCount).Select(i => $"app{i}=t{i % 7},t{i % 11}"))),
            ("subscriptionScopes", string.Join(';', Enumerable.Range(0, AppCount).Where(i => i % 3 == 0).Select(i => $"app{i}=t{i % 5}"))),
            ("protectedTopics", "t1,t4"),
            ("allowedTopics", string.Join(',', Enumerable.Range(0, 12).Select(i => $"t{i}"))));
        var queries = AllQueries();
        var reference = TopicScopes.Parse(metadata);
        var expected = queries.Select(q => reference.Check(q.AppId, q.Topic, q.Operation)).ToArray();

        // A fresh instance so every app's lists are first computed under contention.
        var shared = TopicScopes.Parse(metadata);
        var actual = new ScopeDecision[queries.Length];
        var order = Enumerable.Range(0, queries.Length).ToArray();
        new Random(20240601).Shuffle(order);
        Parallel.ForEach(
            order,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) },
            i => actual[i] = shared.Check(queries[i].AppId, queries[i].Topic, queries[i].Operation));

        Assert.Equal(expected, actual);
        Assert.Contains(expected, d => d.Allowed);
        Assert.Contains(expected, d => !d.Allowed);
    }

    private static (string AppId, string Topic, ScopeOperation Operation)[] AllQueries() =>
        (from app in Enumerable.Range(0, AppCount + 20)
         from topic in Enumerable.Range(0, 13)
         from operation in new[] { ScopeOperation.Publish, ScopeOperation.Subscribe }
         select ($"app{app}", $"t{topic}", operation)).ToArray();
}

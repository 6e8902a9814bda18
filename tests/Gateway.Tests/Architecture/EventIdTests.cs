using System.Reflection;
using Gateway.Drivers;
using Gateway.Pubsub;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Architecture;

/// <summary>Every log event of the gateway and its drivers takes its id from <see cref="EventIds"/>, and no id names two events.</summary>
public sealed class EventIdTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Gateway.Hosting.GatewayOptions).Assembly,
        .. DriverCatalog.Default.Values.Select(factory => factory.GetType().Assembly).Distinct(),
    ];

    private static readonly BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    [Fact]
    public void NoEventId_NamesTwoEvents()
    {
        var duplicates = LogMethods().GroupBy(method => method.Id).Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(method => method.Name))}").ToList();

        Assert.True(duplicates.Count == 0, "Event ids used by more than one event:\n" + string.Join("\n", duplicates));
    }

    [Fact]
    public void EveryLogEvent_TakesItsIdFromTheTable_AndEveryTableEntryIsUsed()
    {
        var table = typeof(EventIds).GetNestedTypes()
            .SelectMany(group => group.GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.IsLiteral)
                .Select(field => (Id: (int)field.GetRawConstantValue()!, Name: $"{group.Name}.{field.Name}")))
            .ToList();
        var logged = LogMethods().ToList();

        Assert.Equal(table.Count, table.Select(entry => entry.Id).Distinct().Count());
        Assert.Empty(logged.Where(method => !table.Any(entry => entry.Id == method.Id)).Select(method => $"{method.Name} uses {method.Id}, which is not in EventIds"));
        Assert.Empty(table.Where(entry => !logged.Any(method => method.Id == entry.Id)).Select(entry => $"EventIds.{entry.Name} ({entry.Id}) is used by no event"));
        Assert.True(logged.Count > 80, $"only {logged.Count} log events found: the scan is not looking at the gateway's assemblies");
    }

    private static IEnumerable<(int Id, string Name)> LogMethods() =>
        from assembly in Assemblies
        from type in assembly.GetTypes()
        from method in type.GetMethods(AllMethods)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{type.Name}.{method.Name}");
}

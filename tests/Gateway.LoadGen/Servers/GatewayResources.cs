using System.Text;

namespace Gateway.LoadGen.Servers;

/// <summary>One subscription resource: app <c>app-&lt;AppIndex&gt;</c> receives <paramref name="Topic"/> of <paramref name="Broker"/> on <c>/&lt;topic&gt;</c>.</summary>
internal sealed record BenchSubscription(BrokerKind Broker, string Topic, int AppIndex);

/// <summary>Writes the resources folder a gateway under test runs with: components, apps, subscriptions.</summary>
internal static class GatewayResources
{
    public static string Write(
        string directory,
        IReadOnlyDictionary<BrokerKind, IReadOnlyDictionary<string, string>> components,
        IReadOnlyList<Uri> appAddresses,
        IReadOnlyList<BenchSubscription> subscriptions)
    {
        var folder = Path.Combine(directory, "resources");
        Directory.CreateDirectory(folder);
        var yaml = new StringBuilder();
        foreach (var (kind, metadata) in components)
        {
            yaml.Append("---\napiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: ").Append(kind.ComponentName())
                .Append("\nspec:\n  type: ").Append(kind.ComponentType()).Append("\n  version: v1\n");
            if (metadata.Count > 0)
            {
                yaml.Append("  metadata:\n");
                foreach (var (name, value) in metadata)
                {
                    yaml.Append("  - name: ").Append(name).Append("\n    value: \"").Append(value).Append("\"\n");
                }
            }
        }

        var usedApps = subscriptions.Select(s => s.AppIndex).Distinct().Order();
        foreach (var index in usedApps)
        {
            yaml.Append("---\napiVersion: gateway/v1alpha1\nkind: App\nmetadata:\n  name: ").Append(BenchPki.AppId(index))
                .Append("\nspec:\n  baseUrl: ").Append(appAddresses[index].ToString().TrimEnd('/')).Append('\n');
        }

        var number = 0;
        foreach (var subscription in subscriptions)
        {
            yaml.Append("---\napiVersion: dapr.io/v2alpha1\nkind: Subscription\nmetadata:\n  name: sub-").Append(number++)
                .Append("\nspec:\n  pubsubname: ").Append(subscription.Broker.ComponentName())
                .Append("\n  topic: ").Append(subscription.Topic)
                .Append("\n  routes:\n    default: /").Append(subscription.Topic)
                .Append("\nscopes:\n- ").Append(BenchPki.AppId(subscription.AppIndex)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "resources.yaml"), yaml.ToString());
        return folder;
    }
}

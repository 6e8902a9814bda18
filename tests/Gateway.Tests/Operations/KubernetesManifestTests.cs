using Gateway.Cli;
using Gateway.Pubsub;
using Gateway.Resources;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Operations;

/// <summary>The manifests in <c>docs/kubernetes/</c>, parsed and cross-checked: kinds, probes, files, selectors, resources.</summary>
public sealed class KubernetesManifestTests
{
    private const string SpiffeMount = "/var/run/secrets/spiffe.io";

    private static readonly IReadOnlyList<YamlMappingNode> Manifests = Directory
        .EnumerateFiles(RepositoryFiles.PathOf("docs/kubernetes"), "*.yaml")
        .Order(StringComparer.Ordinal)
        .SelectMany(file => YamlDocuments.Load(File.ReadAllText(file)))
        .ToList();

    private static YamlMappingNode Deployment => Single("Deployment");

    private static YamlMappingNode PodSpec => Deployment.Map("spec").Map("template").Map("spec");

    private static YamlMappingNode Container => (YamlMappingNode)PodSpec.Seq("containers").Children.Single();

    private static List<string> Args => Container.Seq("args").Texts().ToList();

    [Fact]
    public void Manifests_AreTheExpectedKindsAndApiVersions()
    {
        var kinds = Manifests.Select(manifest => $"{manifest.Text("apiVersion")} {manifest.Text("kind")}").Order(StringComparer.Ordinal);

        Assert.Equal(
            ["apps/v1 Deployment", "networking.k8s.io/v1 NetworkPolicy", "policy/v1 PodDisruptionBudget", "v1 ConfigMap", "v1 Namespace", "v1 Service", "v1 ServiceAccount"],
            kinds);
        Assert.All(Manifests.Where(m => m.Text("kind") != "Namespace"), m => Assert.Equal("pubsub", m.Map("metadata").Text("namespace")));
    }

    [Fact]
    public void Deployment_HasTwoReplicas_ProbesOnHealthzOverHttps_ResourcesAndALockedDownContainer()
    {
        Assert.Equal("2", Deployment.Map("spec").Text("replicas"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            var get = Container.Map(probe).Map("httpGet");
            Assert.Equal("/v1.0/healthz", get.Text("path"));
            Assert.Equal("HTTPS", get.Text("scheme"));
            Assert.Equal("3500", get.Text("port"));
        }

        Assert.Equal("https://0.0.0.0:3500", Args[Args.IndexOf("--listen") + 1]);
        Assert.True(Container.Map("resources").Map("requests").Has("memory"));
        Assert.True(Container.Map("resources").Map("limits").Has("memory"));
        Assert.Equal("true", PodSpec.Map("securityContext").Text("runAsNonRoot"));
        Assert.Equal("true", Container.Map("securityContext").Text("readOnlyRootFilesystem"));
        Assert.Equal("false", Container.Map("securityContext").Text("allowPrivilegeEscalation"));
    }

    [Fact]
    public void ContainerArgs_AreAcceptedByTheRunCommand()
    {
        Assert.Equal("run", Args[0]);

        var parsed = RunCommand.Create().Parse(Args.Skip(1).ToArray());

        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.UnmatchedTokens);
    }

    [Fact]
    public void ContainerArgs_UseTheCsiDriverSpiffeFiles_WithTheKubernetesIdShape()
    {
        var spiffeVolume = Volume(MountOf(SpiffeMount).Text("name"));
        Assert.Equal("spiffe.csi.cert-manager.io", spiffeVolume.Map("csi").Text("driver"));
        Assert.Equal("true", MountOf(SpiffeMount).Text("readOnly"));

        Assert.Equal($"{SpiffeMount}/tls.crt", Args[Args.IndexOf("--svid-cert") + 1]);
        Assert.Equal($"{SpiffeMount}/tls.key", Args[Args.IndexOf("--svid-key") + 1]);
        Assert.Equal($"cluster.local={SpiffeMount}/ca.crt", Args[Args.IndexOf("--trust-bundle") + 1]);
        Assert.Equal("cluster.local=k8s-sa", Args[Args.IndexOf("--id-shape") + 1]);
    }

    [Fact]
    public void ResourcesPath_HoldsEveryConfigMapKey_AndWritableFoldersAreVolumes()
    {
        var resourcesPath = Args[Args.IndexOf("--resources-path") + 1];
        var configMap = Single("ConfigMap");
        var mounted = Mounts()
            .Where(mount => mount.Has("subPath") && Volume(mount.Text("name")).Has("configMap"))
            .ToDictionary(mount => mount.Text("subPath"), mount => mount.Text("mountPath"), StringComparer.Ordinal);

        Assert.All(Mounts().Where(mount => mount.Has("subPath")), mount => Assert.Equal(configMap.Map("metadata").Text("name"), Volume(mount.Text("name")).Map("configMap").Text("name")));
        Assert.Equal(configMap.Map("data").Keys().Order(StringComparer.Ordinal), mounted.Keys.Order(StringComparer.Ordinal));
        Assert.All(mounted, pair => Assert.Equal($"{resourcesPath}/{pair.Key}", pair.Value));

        var stateDirectory = Container.Seq("env").Children.Cast<YamlMappingNode>().Single(env => env.Text("name") == "Gateway__StateDirectory").Text("value");
        Assert.StartsWith(MountOf("/var/lib/gateway").Text("mountPath") + "/", stateDirectory, StringComparison.Ordinal);
        Assert.True(Volume(MountOf("/tmp").Text("name")).Has("emptyDir"));
    }

    [Fact]
    public void ConfigMapResources_LoadWithTheGatewaysLoader()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-configmap-").FullName;
        try
        {
            foreach (var entry in Single("ConfigMap").Map("data").Children)
            {
                File.WriteAllText(Path.Combine(directory, ((YamlScalarNode)entry.Key).Value!), ((YamlScalarNode)entry.Value).Value);
            }

            var loaded = ResourceLoader.Load(directory, DriverCatalog.Default);

            Assert.Empty(loaded.Errors);
            Assert.Single(loaded.Resources!.Components);
            Assert.All(loaded.Resources.Apps, app => Assert.Equal($"spiffe://cluster.local/ns/{app.Namespace}/sa/{app.AppId}", app.SpiffeId));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ServicePdbAndNetworkPolicy_SelectTheDeploymentsPods()
    {
        var podLabels = Deployment.Map("spec").Map("template").Map("metadata").Map("labels");
        var selectors = new[]
        {
            Single("Service").Map("spec").Map("selector"),
            Single("PodDisruptionBudget").Map("spec").Map("selector").Map("matchLabels"),
            Single("NetworkPolicy").Map("spec").Map("podSelector").Map("matchLabels"),
            Deployment.Map("spec").Map("selector").Map("matchLabels"),
        };

        Assert.All(selectors, selector => Assert.All(selector.Keys(), key => Assert.Equal(selector.Text(key), podLabels.Text(key))));
        var containerPorts = Container.Seq("ports").Children.Cast<YamlMappingNode>().Select(port => port.Text("name")).ToList();
        Assert.All(Single("Service").Map("spec").Seq("ports").Children.Cast<YamlMappingNode>(), port => Assert.Contains(port.Text("targetPort"), containerPorts));
        var allowedPorts = Single("NetworkPolicy").Map("spec").Seq("ingress").Children.Cast<YamlMappingNode>()
            .SelectMany(rule => rule.Seq("ports").Children.Cast<YamlMappingNode>().Select(port => port.Text("port")));
        Assert.Contains("3500", allowedPorts);
        Assert.Equal("gateway", PodSpec.Text("serviceAccountName"));
        Assert.Equal("gateway", Single("ServiceAccount").Map("metadata").Text("name"));
    }

    private static YamlMappingNode Single(string kind) => Assert.Single(Manifests, manifest => manifest.Text("kind") == kind);

    private static IEnumerable<YamlMappingNode> Mounts() => Container.Seq("volumeMounts").Children.Cast<YamlMappingNode>();

    private static YamlMappingNode MountOf(string mountPath) => Assert.Single(Mounts(), mount => mount.Text("mountPath") == mountPath);

    private static YamlMappingNode Volume(string name) =>
        Assert.Single(PodSpec.Seq("volumes").Children.Cast<YamlMappingNode>(), volume => volume.Text("name") == name);
}

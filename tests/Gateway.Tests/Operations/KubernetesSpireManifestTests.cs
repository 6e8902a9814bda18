using Gateway.Cli;
using Gateway.Credentials;
using Gateway.Credentials.WorkloadApi;
using Gateway.Hosting;
using YamlDotNet.RepresentationModel;

namespace Gateway.Tests.Operations;

/// <summary>
/// <c>docs/kubernetes/spire/</c>: the Deployment taking its identity from the SPIRE agent's Workload API, and
/// the registration entries for the gateway and the apps, checked against the gateway and the main manifests.
/// </summary>
public sealed class KubernetesSpireManifestTests
{
    private static readonly YamlMappingNode Deployment = Assert.Single(YamlDocuments.Load(RepositoryFiles.Read("docs/kubernetes/spire/deployment.yaml")));

    private static readonly IReadOnlyList<YamlMappingNode> Registrations = YamlDocuments.Load(RepositoryFiles.Read("docs/kubernetes/spire/clusterspiffeid.yaml"));

    private static YamlMappingNode PodSpec => Deployment.Map("spec").Map("template").Map("spec");

    private static YamlMappingNode Container => (YamlMappingNode)PodSpec.Seq("containers").Children.Single();

    private static List<string> Args => Container.Seq("args").Texts().ToList();

    private static string EndpointVariable =>
        Container.Seq("env").Children.Cast<YamlMappingNode>().Single(env => env.Text("name") == WorkloadApiOptions.EndpointVariable).Text("value");

    [Fact]
    public void ContainerArgs_AreAcceptedByTheRunCommand_AndNameNoCredentialFiles()
    {
        Assert.Equal("run", Args[0]);
        var parsed = RunCommand.Create().Parse(Args.Skip(1).ToArray());

        Assert.Empty(parsed.Errors);
        Assert.Empty(parsed.UnmatchedTokens);
        Assert.DoesNotContain("--svid-cert", Args);
        Assert.DoesNotContain("--trust-bundle", Args);
        Assert.Equal("cluster.local=k8s-sa", Args[Args.IndexOf("--id-shape") + 1]);
    }

    [Fact]
    public void SpiffeEndpointSocket_IsInTheCsiSpiffeVolume_AndSelectsTheWorkloadApi()
    {
        var options = new GatewayOptions();
        var endpoint = GatewayCredentialSource.Resolve(options, name => name == WorkloadApiOptions.EndpointVariable ? EndpointVariable : null);

        Assert.NotNull(endpoint?.SocketPath);
        var mount = Assert.Single(
            Container.Seq("volumeMounts").Children.Cast<YamlMappingNode>(),
            mount => endpoint.SocketPath.StartsWith(mount.Text("mountPath") + "/", StringComparison.Ordinal));
        Assert.Equal("true", mount.Text("readOnly"));
        var volume = Assert.Single(PodSpec.Seq("volumes").Children.Cast<YamlMappingNode>(), volume => volume.Text("name") == mount.Text("name"));
        Assert.Equal("csi.spiffe.io", volume.Map("csi").Text("driver"));
    }

    [Fact]
    public void ProbesAndLockedDownContainer_AreAsInTheMainDeployment()
    {
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/v1.0/healthz", Container.Map(probe).Map("httpGet").Text("path"));
        }

        Assert.Equal("true", PodSpec.Map("securityContext").Text("runAsNonRoot"));
        Assert.Equal("true", Container.Map("securityContext").Text("readOnlyRootFilesystem"));
        Assert.Equal("gateway", PodSpec.Text("serviceAccountName"));
        Assert.Equal("pubsub", Deployment.Map("metadata").Text("namespace"));
    }

    [Fact]
    public void Registrations_GiveTheGatewayAndTheAppsTheServiceAccountShape()
    {
        const string ServiceAccountTemplate = "spiffe://{{ .TrustDomain }}/ns/{{ .PodMeta.Namespace }}/sa/{{ .PodSpec.ServiceAccountName }}";
        Assert.Equal(2, Registrations.Count);
        Assert.All(Registrations, entry =>
        {
            Assert.Equal("ClusterSPIFFEID", entry.Text("kind"));
            Assert.Equal(ServiceAccountTemplate, entry.Map("spec").Text("spiffeIDTemplate"));
        });

        var gateway = Registrations.Single(entry => entry.Map("metadata").Text("name") == "pubsub-gateway").Map("spec");
        var podLabels = Deployment.Map("spec").Map("template").Map("metadata").Map("labels");
        Assert.All(gateway.Map("podSelector").Map("matchLabels").Keys(), key => Assert.Equal(gateway.Map("podSelector").Map("matchLabels").Text(key), podLabels.Text(key)));
        Assert.Equal("pubsub", gateway.Map("namespaceSelector").Map("matchLabels").Text("kubernetes.io/metadata.name"));
    }
}

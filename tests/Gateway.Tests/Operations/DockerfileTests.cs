using System.Xml.Linq;

namespace Gateway.Tests.Operations;

/// <summary>
/// <c>gateway/Dockerfile</c>, checked without a Docker engine: its publish command is the one these tests
/// run, what it copies is everything that command needs, and the artefact it produces runs.
/// </summary>
[Collection(Integration.IntegrationCollection.Name)]
public sealed class DockerfileTests(ITestOutputHelper output)
{
    /// <summary>The build stage's publish, minus its architecture and output folder (the image uses $TARGETARCH and /app).</summary>
    private const string PublishCommand = "dotnet publish gateway/Gateway/Gateway.csproj -c Release --no-self-contained -a";

    private static readonly string[] Lines = RepositoryFiles.Read("gateway/Dockerfile").Split('\n').Select(line => line.Trim()).ToArray();

    [Fact]
    public void BuildStage_RunsThePublishCommandThisTestRuns()
    {
        var publish = Assert.Single(Lines, line => line.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.Equal($"RUN {PublishCommand} $TARGETARCH -o /app", publish);
    }

    [Fact]
    public void BuildStage_CopiesEveryProjectThePublishNeeds()
    {
        var copied = Lines.TakeWhile(line => !line.StartsWith("RUN dotnet publish", StringComparison.Ordinal))
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToList();

        Assert.Contains("global.json", copied);
        Assert.Contains("Directory.Build.props", copied);
        foreach (var project in ProjectClosure("gateway/Gateway/Gateway.csproj"))
        {
            Assert.True(copied.Any(source => source.EndsWith('/') && project.StartsWith(source, StringComparison.Ordinal)), $"{project} is not copied into the build stage");
        }
    }

    [Fact]
    public void RuntimeStage_NeedsNoSystemPackage_RunsAsNonRoot_StartsTheGateway()
    {
        var runtime = Lines.SkipWhile(line => !line.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(runtime);
        Assert.DoesNotContain(Lines, line => line.Contains("librdkafka1", StringComparison.Ordinal) || line.Contains("apt-get", StringComparison.Ordinal));
        Assert.Equal("USER $APP_UID", Assert.Single(runtime, line => line.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"gateway.dll\"]", runtime);
        Assert.Contains("COPY components/ /components/", runtime);
        Assert.Contains(runtime, line => line.StartsWith("EXPOSE ", StringComparison.Ordinal) && line.Contains("3500", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.Contains("Gateway__ResourcesPath=/components", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishedArtefact_ValidatesTheComposeResources()
    {
        var publishDirectory = Directory.CreateTempSubdirectory("gateway-publish-").FullName;
        try
        {
            // Docker's TARGETARCH for this machine: the image built here would carry exactly these files.
            var architecture = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
            var (publishExit, publishOutput) = await CommandRunner.RunAsync("dotnet", [.. PublishCommand.Split(' ')[1..], architecture, "-o", publishDirectory, "--nologo"]);
            Assert.True(publishExit == 0, publishOutput);
            var librdkafka = Directory.EnumerateFiles(publishDirectory, "*librdkafka*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(publishDirectory, f)).ToList();
            output.WriteLine($"librdkafka files in the artefact: {string.Join(", ", librdkafka)}");
            Assert.NotEmpty(librdkafka);
            Assert.DoesNotContain(librdkafka, f => f.Contains("win-", StringComparison.Ordinal) || f.Contains("osx-", StringComparison.Ordinal) || f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".dylib", StringComparison.Ordinal));

            var (validateExit, validateOutput) = await CommandRunner.RunAsync("dotnet", Path.Combine(publishDirectory, "gateway.dll"), "validate", "--resources-path", "components/compose");

            output.WriteLine(validateOutput);
            Assert.Equal(0, validateExit);
            Assert.Contains("valid: 2 component(s)", validateOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(publishDirectory, recursive: true);
        }
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(RepositoryFiles.PathOf(current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, directory, reference.Attribute("Include")!.Value));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, full).Replace(Path.DirectorySeparatorChar, '/'));
            }
        }

        return seen;
    }
}

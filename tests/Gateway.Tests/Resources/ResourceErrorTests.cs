using Gateway.Resources;

namespace Gateway.Tests.Resources;

public sealed class ResourceErrorTests
{
    [Fact]
    public void ToString_NamedResource_ShowsFileLineNameAndKind()
    {
        var error = new ResourceError("components/pubsub.yaml", 7, "pubsub", "Component", "something is wrong");

        Assert.Equal("components/pubsub.yaml:7: resource 'pubsub' (Component): something is wrong", error.ToString());
    }

    [Fact]
    public void ToString_UnnamedDocument_ShowsTheDocumentNumberAndKind()
    {
        var error = new ResourceError("all.yaml", 12, null, "App", "field 'metadata.name' is required") { Document = 2 };

        Assert.Equal("all.yaml:12: document 2 (App): field 'metadata.name' is required", error.ToString());
    }

    [Fact]
    public void ToString_FileLevelProblem_ShowsOnlyTheFile()
    {
        var error = new ResourceError("broken.yaml", 0, null, null, "cannot read the file");

        Assert.Equal("broken.yaml: cannot read the file", error.ToString());
    }
}

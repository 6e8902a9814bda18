using Gateway.Resources;

namespace Gateway.Tests.Resources.Parsing;

public sealed class AppParserTests
{
    [Fact]
    public void Parse_MinimalApp_UsesNameAsAppIdAndTheDefaults()
    {
        var set = ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://orders:8443")));

        Assert.Equal(
            new AppSpec("orders", "default", "orders", "https://orders:8443", null, false, 16, new ResourceLocation("resources.yaml", 1)),
            Assert.Single(set.Apps));
    }

    [Fact]
    public void Parse_AllFields_AreKept()
    {
        var yaml = ResourceYaml.App("appId: orders-api\nbaseUrl: http://127.0.0.1:3000/base\nallowInsecure: true\nspiffeId: spiffe://example.org/ns/default/orders-api\nmaxConcurrency: 2");

        var app = Assert.Single(ResultAssert.Loaded(ResourceFolder.LoadSingle(yaml)).Apps);

        Assert.Equal(("orders-api", "http://127.0.0.1:3000/base", true, "spiffe://example.org/ns/default/orders-api", 2), (app.AppId, app.BaseUrl, app.AllowInsecure, app.SpiffeId, app.MaxConcurrency));
    }

    [Theory]
    [InlineData("http", "Http")]
    [InlineData("grpc", "Grpc")]
    public void Parse_Protocol_IsKept(string protocol, string expected)
    {
        var app = Assert.Single(ResultAssert.Loaded(ResourceFolder.LoadSingle(ResourceYaml.App($"baseUrl: https://orders:8443\nprotocol: {protocol}"))).Apps);

        Assert.Equal(expected, app.Protocol.ToString());
    }

    [Fact]
    public void Parse_UnknownProtocol_IsRejectedWithTheChoices()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://orders:8443\nprotocol: grpcs"));

        ResultAssert.SingleError(result, "'spec.protocol' is 'grpcs'; use 'http' (the default) or 'grpc'");
    }

    [Theory]
    [InlineData("http://orders:3000", "use https, or set 'spec.allowInsecure: true'")]
    [InlineData("orders:8443", "uses the scheme 'orders'; use https")]
    [InlineData("/relative/path", "is not an absolute URL")]
    [InlineData("https://orders:8443/?debug=1", "has a query or fragment")]
    [InlineData("https://orders:8443/#top", "has a query or fragment")]
    [InlineData("ws://orders:8443", "uses the scheme 'ws'")]
    public void Parse_UnusableBaseUrl_IsRejectedWithWhatToDo(string baseUrl, string expected)
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App($"baseUrl: \"{baseUrl}\""));

        ResultAssert.SingleError(result, "resources.yaml:6: resource 'orders' (App): 'spec.baseUrl'", expected);
    }

    [Fact]
    public void Parse_BaseUrlWithCredentials_IsRejectedWithoutEchoingThem()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://user:s3cret@orders:8443"));

        var error = ResultAssert.SingleError(result, "contains a user name or password");
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingBaseUrl_IsReported()
    {
        ResultAssert.SingleError(ResourceFolder.LoadSingle(ResourceYaml.App("appId: orders")), "field 'spec.baseUrl' is required");
    }

    [Fact]
    public void Parse_SpiffeIdWithoutScheme_IsRejected()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://o:1\nspiffeId: example.org/orders"));

        ResultAssert.SingleError(result, "resources.yaml:7:", "a SPIFFE ID starts with 'spiffe://'");
    }

    [Theory]
    [InlineData("maxConcurrency: 0", "'spec.maxConcurrency' must be a whole number of at least 1")]
    [InlineData("maxConcurrency: many", "'spec.maxConcurrency' must be a whole number of at least 1, but is 'many'")]
    [InlineData("allowInsecure: 1", "'spec.allowInsecure' must be true or false")]
    [InlineData("appId: a/b", "is not a valid app ID")]
    [InlineData("BASEURL: https://x", "field 'spec.baseUrl' is given more than once")]
    public void Parse_BadField_IsReported(string field, string expected)
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App($"baseUrl: https://o:1\n{field}"));

        ResultAssert.SingleError(result, expected);
    }

    [Fact]
    public void Parse_AppWithScopes_WarnsThatTheyHaveNoEffect()
    {
        var result = ResourceFolder.LoadSingle(ResourceYaml.App("baseUrl: https://o:1") + "\nscopes: [a]");

        ResultAssert.Loaded(result);
        ResultAssert.SingleWarning(result, "'scopes' has no effect on an App");
    }
}

using Dapr.Client.Autogen.Grpc.v1;
using Gateway.Tests.TestSupport;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Reflection.V1Alpha;
using DaprGrpc = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace Gateway.Tests.Integration;

/// <summary>
/// The gRPC front door as a raw client sees it (Dapr.Protos' generated client, gRPC reflection): Dapr's codes
/// and details for requests the SDK never sends, the methods the gateway does not serve, reflection, and
/// authentication of every call on the one port that also serves HTTP/1.1.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class GrpcApiTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("", "orders", "DAPR_PUBSUB_NAME_EMPTY", "pubsub name is empty")]
    [InlineData("pubsub", "", "DAPR_PUBSUB_TOPIC_NAME_EMPTY", "topic is empty in pubsub pubsub")]
    public async Task PublishEvent_EmptyName_IsInvalidArgumentWithDaprReason(string pubsub, string topic, string reason, string message)
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "raw-publisher");
        var client = new DaprGrpc.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PublishEventAsync(new PublishEventRequest { PubsubName = pubsub, Topic = topic }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
        var status = error.GetRpcStatus()!;
        Assert.Equal(reason, status.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task PublishEvent_RawPayloadNotBoolean_IsInvalidArgument()
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "raw-publisher");
        var client = new DaprGrpc.DaprClient(channel);
        var request = new PublishEventRequest { PubsubName = "pubsub", Topic = "orders", Data = ByteString.CopyFromUtf8("{}"), Metadata = { ["rawPayload"] = "maybe" } };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PublishEventAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("DAPR_PUBSUB_METADATA_DESERIALIZATION", error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task OtherDaprMethod_IsUnimplementedAndNamed()
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "raw-publisher");
        var client = new DaprGrpc.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetStateAsync(new GetStateRequest { StoreName = "s", Key = "k" }));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("dapr.proto.runtime.v1.Dapr/GetState", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherDaprMethod_WithoutCertificate_IsUnauthenticatedFirst()
    {
        using var channel = DaprSdkClients.Channel(fixture.Gateway.BaseAddress, fixture.Pki.Ca.Certificate, certificate: null);
        var client = new DaprGrpc.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.GetStateAsync(new GetStateRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Publish_WithCertificateOfAnotherCa_IsUnauthenticatedWithReason()
    {
        using var otherPki = new TestPki();
        using var channel = DaprSdkClients.Channel(fixture.Gateway.BaseAddress, fixture.Pki.Ca.Certificate, otherPki.IssueApp("intruder"));
        var client = new DaprGrpc.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.PublishEventAsync(new PublishEventRequest { PubsubName = "pubsub", Topic = "orders" }));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("client certificate refused", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reflection_V1AndV1Alpha_ListTheDaprService()
    {
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "raw-publisher");

        var alpha = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await alpha.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await alpha.RequestStream.CompleteAsync();
        Assert.True(await alpha.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("dapr.proto.runtime.v1.Dapr", alpha.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));

        var v1 = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await v1.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { FileContainingSymbol = "dapr.proto.runtime.v1.Dapr" });
        await v1.RequestStream.CompleteAsync();
        Assert.True(await v1.ResponseStream.MoveNext(CancellationToken.None));
        Assert.NotEmpty(v1.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public async Task OnePort_ServesHttp1AndGrpc()
    {
        using var http = fixture.Gateway.ClientFor("raw-publisher");
        using var channel = DaprSdkClients.ChannelFor(fixture.Gateway, "raw-publisher");

        using var response = await http.GetAsync("/v1.0/metadata");
        var metadata = await new DaprGrpc.DaprClient(channel).GetMetadataAsync(new GetMetadataRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("raw-publisher", metadata.Id);
    }
}

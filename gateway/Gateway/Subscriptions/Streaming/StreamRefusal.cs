using Grpc.Core;

namespace Gateway.Subscriptions.Streaming;

/// <summary>Why a streaming subscription was not opened, with the gRPC code the stream ends with.</summary>
internal sealed record StreamRefusal(StatusCode Code, string Message);

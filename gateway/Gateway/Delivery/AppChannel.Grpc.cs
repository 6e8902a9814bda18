using System.Runtime.CompilerServices;
using Gateway.Resiliency;
using Grpc.Core;
using Grpc.Net.Client;

namespace Gateway.Delivery;

/// <summary>
/// gRPC calls to an app (Dapr's <c>AppCallback</c>) on the same connection pool as its HTTP deliveries: the same
/// client certificate, the same check of the app's SPIFFE ID, rotation, back-off and concurrency slots. HTTP/2 is
/// negotiated by ALPN for an <c>https</c> app and spoken with prior knowledge for an allowed <c>http</c> one.
/// </summary>
internal sealed partial class AppChannel
{
    private readonly ConditionalWeakTable<HttpClient, CallInvoker> _invokers = [];

    /// <summary>
    /// One unary call that delivers: waits for the app's back-off and a concurrency slot, bounds the exchange by
    /// <paramref name="timeout"/>, and reads the answer with <paramref name="interpret"/>. gRPC errors become
    /// replies as Dapr reads them: <c>Unimplemented</c> drops, any other code retries carrying it (for
    /// <c>matching.gRPCStatusCodes</c>); only <paramref name="cancellationToken"/> throws.
    /// </summary>
    public async Task<AppReply> CallAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, IEnumerable<KeyValuePair<string, string>> headers, TimeSpan timeout,
        Func<TResponse, AppReply> interpret, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        await _backoff.WaitAsync(cancellationToken);
        using var slot = await _limiter.AcquireAsync(cancellationToken);
        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exchange.CancelAfter(timeout);
        try
        {
            var response = await UnaryAsync(method, request, headers, exchange.Token);
            _backoff.Answered();
            return interpret(response);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested && exchange.IsCancellationRequested)
        {
            return new AppReply(AppReplyStatus.Retry, 0, $"the app did not answer within {timeout.TotalSeconds:0.###} s ({ex.StatusCode})");
        }
        catch (RpcException ex) when (ex.Status.DebugException is HttpRequestException unreachable)
        {
            _backoff.Unreachable();
            return new AppReply(AppReplyStatus.Retry, 0, CertificateRefusal(unreachable) ?? $"cannot reach the app at {_baseUri}: {unreachable.Message}", (int)ex.StatusCode);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            _backoff.Answered();
            return new AppReply(AppReplyStatus.Drop, 0, $"the app does not implement {method.FullName}", (int)ex.StatusCode);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _backoff.Answered();
            return new AppReply(AppReplyStatus.Retry, 0, $"the app answered {ex.StatusCode}: {ex.Status.Detail}", (int)ex.StatusCode);
        }
    }

    /// <summary>
    /// One unary call outside delivery (subscription discovery), on the current pool. Failures throw
    /// <see cref="RpcException"/>; a refused certificate says so in its detail.
    /// </summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var metadata = new global::Grpc.Core.Metadata();
        foreach (var (name, value) in headers)
        {
            metadata.Add(name.ToLowerInvariant(), value);
        }

        using var lease = _clients.Acquire();
        var invoker = _invokers.GetValue(lease.Client, client => GrpcChannel.ForAddress(_baseUri, new GrpcChannelOptions
        {
            HttpClient = client,
            DisposeHttpClient = false,
            MaxReceiveMessageSize = MaxReplyBytes,
        }).CreateCallInvoker());
        try
        {
            using var call = invoker.AsyncUnaryCall(method, null, new CallOptions(metadata, cancellationToken: cancellationToken), request);
            return await call.ResponseAsync;
        }
        catch (RpcException ex) when (ex.Status.DebugException is HttpRequestException unreachable && CertificateRefusal(unreachable) is { } refusal)
        {
            throw new RpcException(new Status(ex.StatusCode, refusal, unreachable));
        }
    }
}

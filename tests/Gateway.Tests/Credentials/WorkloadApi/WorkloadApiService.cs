using Gateway.Credentials.WorkloadApi;
using Grpc.Core;
using Microsoft.Extensions.Hosting;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>The streaming methods of the tests' Workload API server; the unary ones are left unimplemented.</summary>
internal sealed class WorkloadApiService(WorkloadApiState state, IHostApplicationLifetime lifetime) : SpiffeWorkloadAPI.SpiffeWorkloadAPIBase
{
    public override Task FetchX509SVID(X509SVIDRequest request, IServerStreamWriter<X509SVIDResponse> responseStream, ServerCallContext context)
    {
        state.Admit(context, isX509: true);
        return StreamAsync(() => state.Snapshot() is var s ? (s.X509, s.Changed) : default, responseStream, context);
    }

    public override Task FetchJWTBundles(JWTBundlesRequest request, IServerStreamWriter<JWTBundlesResponse> responseStream, ServerCallContext context)
    {
        state.Admit(context, isX509: false);
        return StreamAsync(() => state.Snapshot() is var s ? (s.Jwt, s.Changed) : default, responseStream, context);
    }

    /// <summary>Sends the current message whenever it changes, until the caller leaves or the server stops.</summary>
    private async Task StreamAsync<T>(Func<(T? Message, Task Changed)> snapshot, IServerStreamWriter<T> responseStream, ServerCallContext context)
        where T : class
    {
        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        T? sent = null;
        while (true)
        {
            var (message, changed) = snapshot();
            if (message is not null && !ReferenceEquals(message, sent))
            {
                await responseStream.WriteAsync(message);
                sent = message;
            }

            try
            {
                await changed.WaitAsync(end.Token);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "agent shutting down"));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

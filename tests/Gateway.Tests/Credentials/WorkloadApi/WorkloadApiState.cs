using Gateway.Credentials.WorkloadApi;
using Grpc.Core;

namespace Gateway.Tests.Credentials.WorkloadApi;

/// <summary>What <see cref="TestWorkloadApiServer"/> hands out; outlives restarts of the server.</summary>
internal sealed class WorkloadApiState
{
    private readonly Lock _gate = new();
    private X509SVIDResponse? _x509;
    private JWTBundlesResponse? _jwt;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refusedWithoutHeader;
    private int _x509Calls;

    public bool Deny { get; set; }

    public int RefusedWithoutHeader => Volatile.Read(ref _refusedWithoutHeader);

    public int X509Calls => Volatile.Read(ref _x509Calls);

    public void Set(X509SVIDResponse? x509 = null, JWTBundlesResponse? jwt = null)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _x509 = x509 ?? _x509;
            _jwt = jwt ?? _jwt;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    /// <summary>The current messages and a task that completes at the next change.</summary>
    public (X509SVIDResponse? X509, JWTBundlesResponse? Jwt, Task Changed) Snapshot()
    {
        lock (_gate)
        {
            return (_x509, _jwt, _changed.Task);
        }
    }

    /// <summary>The checks an agent makes before answering: the security header, then whether it has an identity.</summary>
    public void Admit(ServerCallContext context, bool isX509)
    {
        if (context.RequestHeaders.GetValue(WorkloadApiClient.SecurityHeader) != "true")
        {
            Interlocked.Increment(ref _refusedWithoutHeader);
            throw new RpcException(new Status(StatusCode.InvalidArgument, "security header missing from request"));
        }

        if (isX509)
        {
            Interlocked.Increment(ref _x509Calls);
        }

        if (Deny)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "no identity issued"));
        }
    }
}

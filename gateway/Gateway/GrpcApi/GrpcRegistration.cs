using Grpc.AspNetCore.Server.Model;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace Gateway.GrpcApi;

/// <summary>
/// Registers Dapr's gRPC API on the API port (the same mTLS listener as the HTTP API, HTTP/2 by ALPN):
/// <c>dapr.proto.runtime.v1.Dapr</c>, and server reflection (<c>grpc.reflection.v1</c> and <c>v1alpha</c>),
/// which the Dapr .NET SDK asks before a bulk publish to learn which method name the runtime has.
/// </summary>
internal static class GrpcRegistration
{
    public static IServiceCollection AddDaprGrpc(this IServiceCollection services, long maxMessageBytes)
    {
        var maxMessage = (int)Math.Min(maxMessageBytes, int.MaxValue);
        services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = maxMessage;
            options.EnableDetailedErrors = false;
        });
        Google.Protobuf.Reflection.ServiceDescriptor[] served = [global::Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor, ServerReflection.Descriptor, global::Grpc.Reflection.V1.ServerReflection.Descriptor];
        return services
            .AddSingleton<IServiceMethodProvider<DaprGrpcService>, DaprServiceMethodProvider>()
            .AddSingleton<DaprGrpcService>()
            .AddSingleton(new ReflectionServiceImpl(served))
            .AddSingleton(new ReflectionV1ServiceImpl(served))
            .AddSingleton<GrpcAuthentication>();
    }

    /// <summary>
    /// Routing, the authentication of every matched (gRPC) request, and the gRPC endpoints. Requests that match
    /// none (the HTTP API) go on to the next middleware unchanged.
    /// </summary>
    public static void UseDaprGrpc(this WebApplication app)
    {
        app.UseRouting();
        var authentication = app.Services.GetRequiredService<GrpcAuthentication>();
        app.Use((context, next) => authentication.InvokeAsync(context, () => next(context)));
        // UseEndpoints here, not top-level Map calls: those would run after the HTTP router, which is terminal.
#pragma warning disable ASP0014
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapGrpcService<DaprGrpcService>();
            endpoints.MapGrpcService<ReflectionServiceImpl>();
            endpoints.MapGrpcService<ReflectionV1ServiceImpl>();
        });
#pragma warning restore ASP0014
    }
}

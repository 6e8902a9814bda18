using Gateway.Identity;

namespace Gateway.Authentication;

/// <summary>Registers caller authentication: how SPIFFE IDs name apps, and JWT-SVIDs when enabled.</summary>
internal static class AuthenticationRegistration
{
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, IdShapes idShapes, JwtSvidOptions jwtSvid) => services
        .AddSingleton(idShapes)
        .AddSingleton(jwtSvid)
        .AddSingleton<JwtSvidAuthenticator>()
        .AddSingleton<CallerAuthenticator>();
}

using Gateway.Credentials;
using Gateway.Identity.Jwt;

namespace Gateway.Authentication;

/// <summary>Checks JWT-SVID bearer tokens against the current JWT bundles and the configured audiences.</summary>
internal sealed class JwtSvidAuthenticator(JwtSvidOptions settings, CredentialStore store, TimeProvider timeProvider)
{
    private readonly JwtSvidOptions _settings = settings;

    /// <summary>Whether bearer tokens are considered at all.</summary>
    public bool Enabled => _settings.Enabled;

    /// <summary>Validates <paramref name="token"/> at the current time.</summary>
    public JwtSvidValidationResult Validate(string token) => JwtSvidValidator.Validate(
        token,
        store.Current.Bundles,
        [.. _settings.Audiences.Where(audience => !string.IsNullOrWhiteSpace(audience))],
        timeProvider.GetUtcNow(),
        _settings.Leeway);
}

namespace Gateway.Authentication;

/// <summary>
/// <c>Gateway:JwtSvid</c>: whether callers without a valid client certificate may authenticate with
/// <c>Authorization: Bearer &lt;JWT-SVID&gt;</c>. A valid client certificate always wins over a token.
/// </summary>
internal sealed class JwtSvidOptions
{
    /// <summary>Accept JWT-SVID bearer tokens. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Audiences the gateway accepts in <c>aud</c>; at least one is required when enabled.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Clock skew allowed for <c>exp</c> and <c>nbf</c>. Default 30 s, also the maximum.</summary>
    public TimeSpan Leeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every problem with these settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Enabled && Audiences.Count(audience => !string.IsNullOrWhiteSpace(audience)) == 0)
        {
            problems.Add("Gateway:JwtSvid:Audiences needs at least one audience when JWT-SVIDs are enabled (--jwt-svid-audience)");
        }

        if (Leeway < TimeSpan.Zero || Leeway > TimeSpan.FromSeconds(30))
        {
            problems.Add($"Gateway:JwtSvid:Leeway must be between 0 and 30 seconds, not {Leeway}");
        }

        return problems;
    }
}

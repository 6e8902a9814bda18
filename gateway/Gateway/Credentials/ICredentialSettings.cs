namespace Gateway.Credentials;

/// <summary>
/// The settings the gateway's own credentials come from (keys of the <c>Gateway</c> configuration section;
/// their meaning and defaults are documented in docs/operations.md). Development mode fills in the SVID
/// and bundle paths it creates.
/// </summary>
internal interface ICredentialSettings
{
    /// <summary>PEM file with the gateway's own X509-SVID, leaf first then intermediates.</summary>
    string? SvidCert { get; set; }

    /// <summary>PEM file with the private key of <see cref="SvidCert"/> (PKCS#8).</summary>
    string? SvidKey { get; set; }

    /// <summary>Trust domain → file with that domain's bundle (PEM roots or a SPIFFE bundle).</summary>
    Dictionary<string, string> TrustBundles { get; }

    /// <summary>How often the SVID and bundle files are checked for changes. Default 5 s.</summary>
    TimeSpan CredentialPollInterval { get; }

    /// <summary>Development mode: create and use a CA and the gateway's SVID under <see cref="DevDirectory"/>.</summary>
    bool Dev { get; }

    /// <summary>Where development credentials live. Default <c>.gateway/dev</c>.</summary>
    string DevDirectory { get; }

    /// <summary>Trust domain of development credentials. Default <c>public</c>.</summary>
    string DevTrustDomain { get; }

    /// <summary>The SPIFFE Workload API as the credential source (a SPIRE agent's socket); off unless an endpoint is set.</summary>
    WorkloadApi.WorkloadApiOptions WorkloadApi { get; }

    /// <summary>Whether JWT-SVIDs are accepted, so JWT bundles must be fetched too (<c>JwtSvid:Enabled</c>).</summary>
    bool FetchJwtBundles { get; }
}

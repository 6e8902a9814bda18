using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Identity;

/// <summary>
/// Reads every URI SAN of a certificate as its exact IA5String. <c>GetNameInfo(UrlName)</c> only returns
/// the first one and <see cref="Uri"/> normalises, so neither can enforce SPIFFE's rules.
/// </summary>
internal static class UriSanReader
{
    /// <summary>OID of the subjectAltName extension.</summary>
    public const string SubjectAltNameOid = "2.5.29.17";

    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    /// <summary>
    /// Returns the URI SANs in certificate order (empty when there is no SAN extension), or null with
    /// <paramref name="error"/> set when the extension appears twice or is not valid DER.
    /// </summary>
    public static IReadOnlyList<string>? TryRead(X509Certificate2 certificate, out string error)
    {
        var sanExtensions = certificate.Extensions
            .Where(extension => string.Equals(extension.Oid?.Value, SubjectAltNameOid, StringComparison.Ordinal))
            .ToList();
        error = string.Empty;
        if (sanExtensions.Count == 0)
        {
            return [];
        }

        if (sanExtensions.Count > 1)
        {
            // RFC 5280 forbids repeating an extension; picking one of them would be a guess.
            error = "certificate contains more than one subjectAltName extension";
            return null;
        }

        try
        {
            return Decode(sanExtensions[0].RawData);
        }
        catch (AsnContentException ex)
        {
            error = $"certificate subjectAltName cannot be decoded: {ex.Message}";
            return null;
        }
    }

    private static List<string> Decode(byte[] rawData)
    {
        var outer = new AsnReader(rawData, AsnEncodingRules.DER);
        var generalNames = outer.ReadSequence();
        outer.ThrowIfNotEmpty();

        var uris = new List<string>();
        while (generalNames.HasData)
        {
            var tag = generalNames.PeekTag();
            if (tag.HasSameClassAndValue(UriTag))
            {
                uris.Add(generalNames.ReadCharacterString(UniversalTagNumber.IA5String, tag));
            }
            else
            {
                generalNames.ReadEncodedValue();
            }
        }

        return uris;
    }
}

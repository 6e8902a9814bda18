using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Gateway.Certificates;

/// <summary>
/// Writes a subjectAltName extension byte for byte. <c>SubjectAlternativeNameBuilder.AddUri</c> goes
/// through <see cref="Uri"/> and would turn <c>spiffe://td</c> into <c>spiffe://td/</c>.
/// </summary>
internal static class SubjectAltNameEncoder
{
    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag IpTag = new(TagClass.ContextSpecific, 7);

    /// <summary>
    /// Builds the extension with URIs first (as IA5Strings, unchanged), then DNS names, then IP addresses.
    /// RFC 5280 requires it to be critical when the subject is empty.
    /// </summary>
    public static X509Extension Encode(
        IEnumerable<string> uris,
        IEnumerable<string>? dnsNames = null,
        IEnumerable<IPAddress>? ipAddresses = null,
        bool critical = false)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var uri in uris)
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, uri, UriTag);
            }

            foreach (var dnsName in dnsNames ?? [])
            {
                writer.WriteCharacterString(UniversalTagNumber.IA5String, dnsName, DnsTag);
            }

            foreach (var address in ipAddresses ?? [])
            {
                writer.WriteOctetString(address.GetAddressBytes(), IpTag);
            }
        }

        return new X509Extension("2.5.29.17", writer.Encode(), critical);
    }
}

using Gateway.Credentials;

namespace Gateway.Tests.Credentials;

public sealed class CredentialFingerprintTests
{
    [Fact]
    public void Fingerprint_SymlinkRetargeted_Changes()
    {
        var directory = Directory.CreateTempSubdirectory("fingerprint-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "..a"));
            Directory.CreateDirectory(Path.Combine(directory, "..b"));
            File.WriteAllText(Path.Combine(directory, "..a", "f"), "one");
            File.WriteAllText(Path.Combine(directory, "..b", "f"), "two");
            var data = Path.Combine(directory, "..data");
            File.CreateSymbolicLink(data, "..a");
            var visible = Path.Combine(directory, "f");
            File.CreateSymbolicLink(visible, Path.Combine("..data", "f"));
            var before = CredentialFingerprint.Take([visible]);

            Directory.Delete(data);
            File.CreateSymbolicLink(data, "..b");

            Assert.NotEqual(before, CredentialFingerprint.Take([visible]));
            Assert.Equal(CredentialFingerprint.Take([visible]), CredentialFingerprint.Take([visible]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

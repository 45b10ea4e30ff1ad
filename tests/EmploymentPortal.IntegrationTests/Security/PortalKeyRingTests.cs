using EmploymentPortal.Data.Security;
using Microsoft.Extensions.Configuration;

namespace EmploymentPortal.IntegrationTests.Security;

public sealed class PortalKeyRingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("portal-keys-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_first_start_generates_one_key_per_purpose_into_an_owner_only_file_and_reads_it_back()
    {
        var first = PortalKeyRing.Load(Config(), _root, isProduction: false);
        var second = PortalKeyRing.Load(Config(), _root, isProduction: false);

        var file = Path.Combine(_root, PortalKeyRing.DefaultFile);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        }

        foreach (var purpose in Enum.GetValues<KeyPurpose>())
        {
            Assert.Equal(first.Current(purpose).Material, second.Current(purpose).Material);
        }

        Assert.NotEqual(first.Current(KeyPurpose.AuditChain).Material, first.Current(KeyPurpose.PersonalDataIndex).Material);
    }

    [Fact]
    public void Production_without_keys_stops_the_start_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalKeyRing.Load(Config(), _root, isProduction: true));

        Assert.Contains("Keys:AuditChain:Current", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, PortalKeyRing.DefaultFile)));
    }

    [Fact]
    public void Configured_keys_rotate_the_current_key_names_new_data_and_the_old_key_stays_readable()
    {
        var old = PortalKeyRing.NewKeyBase64();
        var next = PortalKeyRing.NewKeyBase64();
        var ring = PortalKeyRing.Load(
            Config(("Keys:GenerateIfMissing", "true"), ("Keys:AuditChain:Current", "a2"), ("Keys:AuditChain:Items:a1", old), ("Keys:AuditChain:Items:a2", next)),
            _root,
            isProduction: true);

        Assert.Equal("a2", ring.Current(KeyPurpose.AuditChain).Id);
        Assert.True(ring.TryGet(KeyPurpose.AuditChain, "a1", out var a1));
        Assert.Equal(Convert.FromBase64String(old), a1.Material);
        Assert.Equal(["a2", "a1"], ring.All(KeyPurpose.AuditChain).Select(k => k.Id));
        Assert.False(ring.TryGet(KeyPurpose.AuditChain, "a3", out _));
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("AAAA")]
    public void A_malformed_key_stops_the_start(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalKeyRing.Load(Config(("Keys:AuditChain:Items:a1", value)), _root, isProduction: false));

        Assert.Contains("a1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_id_that_names_no_key_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PortalKeyRing.Load(
            Config(("Keys:AuditChain:Current", "a9"), ("Keys:AuditChain:Items:a1", PortalKeyRing.NewKeyBase64())), _root, isProduction: false));

        Assert.Contains("a9", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}

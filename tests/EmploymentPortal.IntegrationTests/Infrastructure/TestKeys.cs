using EmploymentPortal.Data.Security;
using Microsoft.AspNetCore.Hosting;

namespace EmploymentPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Fixed secret keys for the test hosts, so that what one test seals or encrypts another test
/// (or a second host on the same database) can read; never used outside tests.
/// </summary>
public static class TestKeys
{
    public const string AuditChainId = "ta1";
    public const string AuditChain = "ERERERERERERERERERERERERERERERERERERERERERE=";
    public const string PersonalDataEncryptionId = "te1";
    public const string PersonalDataEncryption = "IiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiIiI=";
    public const string PersonalDataIndexId = "ti1";
    public const string PersonalDataIndex = "MzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzM=";

    /// <summary>The ring of the fixed keys, for contexts built without a host.</summary>
    public static PortalKeyRing Ring { get; } = PortalKeyRing.Of(new Dictionary<KeyPurpose, PortalKey[]>
    {
        [KeyPurpose.AuditChain] = [new(AuditChainId, Convert.FromBase64String(AuditChain))],
        [KeyPurpose.PersonalDataEncryption] = [new(PersonalDataEncryptionId, Convert.FromBase64String(PersonalDataEncryption))],
        [KeyPurpose.PersonalDataIndex] = [new(PersonalDataIndexId, Convert.FromBase64String(PersonalDataIndex))],
    });

    /// <summary>Configures a test host with the fixed keys (through settings, as an operator would).</summary>
    public static void Apply(IWebHostBuilder builder)
    {
        Set(builder, KeyPurpose.AuditChain, AuditChainId, AuditChain);
        Set(builder, KeyPurpose.PersonalDataEncryption, PersonalDataEncryptionId, PersonalDataEncryption);
        Set(builder, KeyPurpose.PersonalDataIndex, PersonalDataIndexId, PersonalDataIndex);

        // Nothing is generated: a key the tests forgot would fail the start rather than hide.
        builder.UseSetting("Keys:GenerateIfMissing", "false");
    }

    private static void Set(IWebHostBuilder builder, KeyPurpose purpose, string id, string base64)
    {
        builder.UseSetting($"Keys:{purpose}:Current", id);
        builder.UseSetting($"Keys:{purpose}:Items:{id}", base64);
    }
}

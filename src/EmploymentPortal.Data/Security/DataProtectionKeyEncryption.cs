using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.Data.Security;

/// <summary>
/// ASP.NET Core's data-protection keys kept in the portal's database, so that every web node
/// shares one key ring (a cookie issued by one node is read by the other) and a restart keeps
/// everyone signed in. The database never holds a key in the clear: each key's XML is encrypted
/// with AES-256-GCM under a key derived (HKDF-SHA256) from the portal's current
/// <see cref="KeyPurpose.PersonalDataEncryption"/> key, which lives outside the database; the
/// encrypted element names that key's id, so a rotated portal key still opens older keys.
/// </summary>
public static class DataProtectionKeyEncryption
{
    /// <summary>The application name all nodes share (keys are isolated per application name).</summary>
    public const string ApplicationName = "EmploymentPortal";

    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("EmploymentPortal.DataProtection.KeyRing.v1");

    /// <summary>Keys in <see cref="PortalDbContext.DataProtectionKeys"/>, encrypted with the portal key ring.</summary>
    public static IDataProtectionBuilder AddPortalDataProtection(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<PortalKeyRing>((options, keys) => options.XmlEncryptor = new Encryptor(keys));
        return builder;
    }

    internal static byte[] DeriveKey(PortalKey key) => HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Material, 32, salt: null, info: Info);

    /// <summary>Encrypts a key's XML under the current portal key.</summary>
    public sealed class Encryptor(PortalKeyRing keys) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            ArgumentNullException.ThrowIfNull(plaintextElement);
            var key = keys.Current(KeyPurpose.PersonalDataEncryption);
            var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
            var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[TagBytes];
            using (var aes = new AesGcm(DeriveKey(key), TagBytes))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.UTF8.GetBytes(key.Id));
            }

            CryptographicOperations.ZeroMemory(plaintext);
            var element = new XElement(
                "portalEncryptedKey",
                new XAttribute("keyId", key.Id),
                new XElement("nonce", Convert.ToBase64String(nonce)),
                new XElement("tag", Convert.ToBase64String(tag)),
                new XElement("value", Convert.ToBase64String(ciphertext)));
            return new EncryptedXmlInfo(element, typeof(Decryptor));
        }
    }

    /// <summary>Opens a key's XML with the portal key its element names (created by the data-protection system through its activator).</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            ArgumentNullException.ThrowIfNull(encryptedElement);
            var keys = services.GetRequiredService<PortalKeyRing>();
            var keyId = (string?)encryptedElement.Attribute("keyId") ?? throw new CryptographicException("The data-protection key names no portal key.");
            if (!keys.TryGet(KeyPurpose.PersonalDataEncryption, keyId, out var key))
            {
                throw new CryptographicException($"The data-protection key was encrypted with portal key '{keyId}', which the key ring does not hold.");
            }

            var nonce = Convert.FromBase64String((string?)encryptedElement.Element("nonce") ?? string.Empty);
            var tag = Convert.FromBase64String((string?)encryptedElement.Element("tag") ?? string.Empty);
            var ciphertext = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
            var plaintext = new byte[ciphertext.Length];
            using (var aes = new AesGcm(DeriveKey(key), TagBytes))
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext, Encoding.UTF8.GetBytes(key.Id));
            }

            try
            {
                return XElement.Parse(Encoding.UTF8.GetString(plaintext));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }
}

using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Data.Security;

/// <summary>What a personal-data column holds; decides the mask and separates the hashes.</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码, canonical 18 characters (<see cref="IdCardNumber"/>).</summary>
    IdNumber,

    /// <summary>A phone number in <see cref="PhoneNumber"/>'s canonical form.</summary>
    Phone,
}

/// <summary>
/// Encrypts personal data at rest and computes the keyed hashes that find it without decrypting
/// (docs/personal-data.md). Keys come from the <see cref="PortalKeyRing"/>, never from the
/// database.
/// <list type="bullet">
/// <item>Ciphertext: AES-256-GCM with a random 96-bit nonce under
/// <see cref="KeyPurpose.PersonalDataEncryption"/>'s current key, stored as text
/// <c>{keyId}:{base64(nonce | ciphertext | tag)}</c>. The key id lets keys rotate: a value is
/// decrypted with the key it names. The kind is the associated data, so an ID-number ciphertext
/// copied into a phone column does not decrypt.</item>
/// <item>Hashes: HMAC-SHA256 under <see cref="KeyPurpose.PersonalDataIndex"/>'s current key of
/// <c>kind | scope | value</c>, truncated to 128 bits, as 32 lower-case hex characters: equal
/// values give equal hashes, so unique indexes and lookups work; without the key the hash
/// reveals nothing, not even for the 11,000 possible last-four values.</item>
/// </list>
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>How many trailing characters the last-digits search takes (身份证/手机号后四位).</summary>
    public const int LastDigitsLength = 4;

    /// <summary>Length of a hash column's text.</summary>
    public const int HashLength = 32;

    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly ConditionalWeakTable<PortalKeyRing, PersonalDataProtector> Protectors = [];

    // An AesGcm per key and thread: constructing one fetches the cipher from OpenSSL each time,
    // which costs far more than encrypting 18 characters (a list page decrypts 40 values), and
    // an instance must not be used by two threads at once.
    [ThreadStatic]
    private static Dictionary<PortalKey, AesGcm>? t_ciphers;

    private readonly PortalKeyRing _ring;

    private PersonalDataProtector(PortalKeyRing ring)
    {
        _ring = ring;

        // Identifies the keys (not the ring instance): two rings of the same keys share an EF Core
        // model. A hash of the keys, never the keys themselves.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var purpose in new[] { KeyPurpose.PersonalDataEncryption, KeyPurpose.PersonalDataIndex })
        {
            foreach (var key in ring.All(purpose))
            {
                sha.AppendData(Encoding.UTF8.GetBytes($"{purpose}:{key.Id}:"));
                sha.AppendData(key.Material);
            }
        }

        Fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A hash identifying the keys in use (for caching the model per key set).</summary>
    public string Fingerprint { get; }

    /// <summary>The id of the encryption key new values are encrypted with.</summary>
    public string CurrentKeyId => _ring.Current(KeyPurpose.PersonalDataEncryption).Id;

    /// <summary>The index key the hashes are computed with.</summary>
    public string CurrentIndexKeyId => _ring.Current(KeyPurpose.PersonalDataIndex).Id;

    /// <summary>The protector of a ring (one per ring).</summary>
    public static PersonalDataProtector For(PortalKeyRing ring) => Protectors.GetValue(ring, r => new PersonalDataProtector(r));

    /// <summary>Encrypts <paramref name="plain"/> with the current key.</summary>
    public string Encrypt(string plain, PersonalDataKind kind)
    {
        var key = _ring.Current(KeyPurpose.PersonalDataEncryption);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceBytes + plainBytes.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        CipherFor(key).Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceBytes, plainBytes.Length), sealedBytes.AsSpan(NonceBytes + plainBytes.Length), AssociatedData(kind));

        return $"{key.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>Decrypts a stored value with the key it names.</summary>
    /// <exception cref="CryptographicException">The key is not in the ring, or the value was altered.</exception>
    public string Decrypt(string stored, PersonalDataKind kind)
    {
        var separator = stored.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new CryptographicException("A personal-data value in the database is not a ciphertext of the form keyId:base64.");
        }

        var keyId = stored[..separator];
        if (!_ring.TryGet(KeyPurpose.PersonalDataEncryption, keyId, out var key))
        {
            throw new CryptographicException(
                $"Personal data was encrypted with the {KeyPurpose.PersonalDataEncryption} key '{keyId}', which is not configured. Add it under Keys:{KeyPurpose.PersonalDataEncryption}:Items (docs/operations.md, \"Keys\").");
        }

        var sealedBytes = Convert.FromBase64String(stored[(separator + 1)..]);
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A personal-data ciphertext is too short.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        CipherFor(key).Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, AssociatedData(kind));

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a stored ciphertext names.</summary>
    public static string KeyIdOf(string stored) => stored[..Math.Max(stored.IndexOf(':', StringComparison.Ordinal), 0)];

    /// <summary>The keyed hash of a whole canonical value (exact lookup, uniqueness).</summary>
    public string Hash(PersonalDataKind kind, string canonical) => Mac(kind, "full", canonical);

    /// <summary>The keyed hash of the last <see cref="LastDigitsLength"/> characters (the stations' search).</summary>
    public string HashLastDigits(PersonalDataKind kind, string canonical) => Mac(kind, "last", LastDigits(canonical));

    /// <summary>The last <see cref="LastDigitsLength"/> characters of a canonical value, separators left out.</summary>
    public static string LastDigits(string canonical)
    {
        var compact = canonical.Replace("-", string.Empty, StringComparison.Ordinal);
        return compact.Length <= LastDigitsLength ? compact : compact[^LastDigitsLength..];
    }

    /// <summary>The form written to lists and to the audit log: the middle hidden.</summary>
    public static string Mask(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.IdNumber => IdCardNumber.TryParse(value, out var idCard, out _) ? idCard.Masked : new string('*', value.Length),
        _ => PhoneNumber.TryParse(value, out var phone, out _) ? phone.Masked : "***",
    };

    private static AesGcm CipherFor(PortalKey key)
    {
        var ciphers = t_ciphers ??= new Dictionary<PortalKey, AesGcm>(ReferenceEqualityComparer.Instance);
        if (!ciphers.TryGetValue(key, out var cipher))
        {
            cipher = new AesGcm(key.Material, TagBytes);
            ciphers[key] = cipher;
        }

        return cipher;
    }

    private static byte[] AssociatedData(PersonalDataKind kind) => Encoding.UTF8.GetBytes($"portal-personal-data:{kind}");

    private string Mac(PersonalDataKind kind, string scope, string value)
    {
        var key = _ring.Current(KeyPurpose.PersonalDataIndex);
        var mac = HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes($"{kind}|{scope}|{value}"));
        return Convert.ToHexStringLower(mac.AsSpan(0, HashLength / 2));
    }
}

using System.Buffers.Binary;

namespace EmploymentPortal.Bench.Generation;

/// <summary>
/// Building blocks that make the generated data a pure function of the seed: seeded random
/// streams, time-ordered GUIDs without a clock, and permutations that turn a row index into a
/// unique but random-looking value.
/// </summary>
internal static class Deterministic
{
    /// <summary>Time base of generated ids (row index = milliseconds after it).</summary>
    public static readonly DateTimeOffset IdEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One independent random stream per purpose, so that e.g. <c>--enterprises</c> does not
    /// change the residents generated for the same seed. <see cref="Random(int)"/> with a seed
    /// is stable across .NET versions (it keeps the legacy algorithm for seeded instances).
    /// </summary>
    public static Random Stream(int seed, int purpose) => new(unchecked((seed * 1_000_003) + (purpose * 7_919)));

    /// <summary>
    /// A version-7 GUID (RFC 9562) whose timestamp is <see cref="IdEpoch"/> plus
    /// <paramref name="index"/> milliseconds and whose random bits come from
    /// <paramref name="random"/>: time-ordered like the ids the domain creates
    /// (<c>Guid.CreateVersion7</c>), and unique within a table by construction because no two
    /// rows share a timestamp.
    /// </summary>
    public static Guid VersionSevenGuid(Random random, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes[6..]);
        var unixMs = IdEpoch.ToUnixTimeMilliseconds() + index;
        Span<byte> ms = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(ms, unixMs);
        ms[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// A bijection of [0, size) onto itself, <c>x → (a·x + b) mod size</c>
    /// with <c>gcd(a, size) = 1</c>: distinct indices give distinct values, so identifiers
    /// derived from the value are unique without remembering the ones already issued.
    /// </summary>
    public sealed class Permutation
    {
        private readonly long _size;
        private readonly long _multiplier;
        private readonly long _offset;

        public Permutation(Random random, long size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
            _size = size;
            var multiplier = (random.NextInt64(size / 3, size) | 1) % size;
            while (size > 1 && (multiplier == 0 || GreatestCommonDivisor(multiplier, size) != 1))
            {
                multiplier = (multiplier + 1) % size;
            }

            _multiplier = Math.Max(1, multiplier);
            _offset = random.NextInt64(0, size);
        }

        public long Size => _size;

        public long this[long index] => (long)((((Int128)_multiplier * index) + _offset) % _size);

        private static long GreatestCommonDivisor(long a, long b)
        {
            while (b != 0)
            {
                (a, b) = (b, a % b);
            }

            return a;
        }
    }
}

using BenchmarkDotNet.Attributes;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Bench.Benchmarks;

/// <summary>
/// The hot paths of registration and search that do not touch the database: parsing an ID-card
/// number as typed (normalisation, region, birth date, check digit) and the haversine distance
/// used by the three-kilometre employment circle (one distance per candidate station).
/// </summary>
[MemoryDiagnoser]
public class ValueObjectBenchmarks
{
    private static readonly GeoPoint CityCentre = GeoPoint.Create(28.6820, 115.8580);

    private readonly GeoPoint _station = GeoPoint.Create(28.7012, 115.9134);

    // Numbers built at start-up from the check-character rule, so the samples cannot rot.
    private string _idNumber = string.Empty;
    private string _wrongCheckDigit = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        const string body = "36980119800101123";
        var check = IdCardNumber.ComputeCheckCharacter(body);
        _idNumber = body + check;
        _wrongCheckDigit = body + (check == '0' ? '1' : '0');
    }

    [Benchmark(Description = "IdCardNumber.Parse (valid)")]
    public IdCardNumber ParseIdCardNumber() => IdCardNumber.Parse(_idNumber);

    [Benchmark(Description = "IdCardNumber.TryParse (bad check digit)")]
    public bool TryParseInvalidIdCardNumber() => IdCardNumber.TryParse(_wrongCheckDigit, out _, out _);

    [Benchmark(Description = "GeoPoint.DistanceKmTo")]
    public double Distance() => CityCentre.DistanceKmTo(_station);
}

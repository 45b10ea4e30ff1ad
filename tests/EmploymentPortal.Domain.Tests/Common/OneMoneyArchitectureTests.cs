using System.Text.RegularExpressions;

namespace EmploymentPortal.Domain.Tests.Common;

/// <summary>
/// Money has one type: <see cref="Domain.ValueObjects.Money"/>, from the domain to the database, the API
/// and the pages. These tests read every .cs and .razor file under src/ and fail on an amount
/// carried as a number of fen (a <c>long …Fen</c> property or record member) or turned into yuan
/// by hand (<c>/ 100m</c>), and on a number carrying yuan in the commands, requests and answers of
/// the features and the API (a <c>decimal? WageMinYuan</c>, an <c>int? DesiredWageMax</c>).
/// </summary>
public sealed partial class OneMoneyArchitectureTests
{
    private const string MoneyFile = "src/EmploymentPortal.Domain/ValueObjects/Money.cs";

    /// <summary>The folders of the commands, requests and answers (features and minimal-API endpoints).</summary>
    private static readonly string[] FeatureFolders = ["src/EmploymentPortal.Web/Features/", "src/EmploymentPortal.Web/Api/"];

    /// <summary>
    /// Members that may stay numbers of fen, each with the reason. Keep it short: a new entry needs
    /// a reason that Money cannot serve.
    /// </summary>
    private static readonly Dictionary<string, string> AllowedMembers = new(StringComparer.Ordinal)
    {
        ["SecondApprovalThresholdFen"] = "configuration key Claims:SecondApprovalThresholdFen (docs/claims.md); ClaimOptions reads it as Money",
        ["HardCeilingPerClaimFen"] = "configuration key Claims:HardCeilingPerClaimFen (docs/claims.md); ClaimOptions reads it as Money",
        ["EnterpriseAnnualCapFen"] = "configuration key Claims:EnterpriseAnnualCapFen (docs/claims.md); ClaimOptions reads it as Money",
        ["MaxHardCeilingPerClaimFen"] = "the bound the configuration key Claims:HardCeilingPerClaimFen is checked against at start-up",
    };

    [Fact]
    public void Amounts_travel_as_Money_never_as_fen_numbers_or_hand_made_yuan()
    {
        var offences = Scan(f => f != MoneyFile && !f.Contains("/Migrations/", StringComparison.Ordinal), Offences);

        Assert.True(offences.Count == 0, "Carry amounts as Money (Money.Sum, +, ToString, ToYuan) instead of:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Commands_and_requests_carry_amounts_as_Money_never_as_numbers_of_yuan()
    {
        var offences = Scan(f => FeatureFolders.Any(folder => f.StartsWith(folder, StringComparison.Ordinal)), YuanOffences);

        Assert.True(offences.Count == 0, "Carry amounts in commands and requests as Money? (JSON \"3000.00\" or 3000, MoneyJsonConverter) instead of:\n" + string.Join('\n', offences));
    }

    [Theory]
    [InlineData("        public decimal? WageMinYuan { get; set; }")]
    [InlineData("        public int? DesiredWageMax { get; set; }")]
    [InlineData("    int? DesiredWageMin { get; set; }")]
    [InlineData("        public decimal? MonthlySubsidy { get; set; }")]
    [InlineData("    public sealed record Request(Guid Id, decimal Amount, string Reason);")]
    [InlineData("        public long ApprovedAmount { get; init; }")]
    [InlineData("        public double? Wage { get; set; }")]
    public void Each_number_of_yuan_in_a_request_is_recognised(string line)
    {
        Assert.NotEmpty(YuanOffences(line));
    }

    [Theory]
    [InlineData("        public Money? WageMin { get; set; }")]
    [InlineData("        public Money? MonthlySubsidy { get; set; }")]
    [InlineData("        public int? MaxDurationMonths { get; set; }")]
    [InlineData("        public decimal? SharePercent { get; set; }")]
    [InlineData("    public long HardCeilingPerClaimFen { get; set; } = 100_000_000;")]
    public void Money_and_other_numbers_in_a_request_are_not_flagged(string line)
    {
        Assert.Empty(YuanOffences(line));
    }

    [Theory]
    [InlineData("    public long? AmountFen { get; private set; }")]
    [InlineData("    public long TotalFen { get; private set; }")]
    [InlineData("public sealed record AmountLine(string Description, string Formula, long AmountFen);")]
    [InlineData("    long? AmountFen,")]
    [InlineData("        long WageMinFen,")]
    [InlineData("    public int MonthlySubsidyFen { get; set; }")]
    [InlineData("@((row.MonthlySubsidyFen / 100m).ToString(\"0.00\"))")]
    [InlineData("fen is { } f ? $\"{f / 100m:#,##0.00} 元\" : \"—\"")]
    public void Each_forbidden_form_is_recognised(string line)
    {
        Assert.NotEmpty(Offences(line));
    }

    [Theory]
    [InlineData("    public Money? Amount { get; private set; }")]
    [InlineData("    public long HardCeilingPerClaimFen { get; set; } = 100_000_000;")]
    [InlineData("                if (payment.Amount is { } amount) record[\"amountFen\"] = amount.Fen;")]
    [InlineData("    var fen = Round(total.Value);")]
    [InlineData("var share = Math.Round(100m * recognised / communities, 1);")]
    public void Money_code_and_configuration_keys_are_not_flagged(string line)
    {
        Assert.Empty(Offences(line));
    }

    /// <summary>Each offence of the source files <paramref name="included"/> selects, with file and line.</summary>
    private static List<string> Scan(Func<string, bool> included, Func<string, IEnumerable<string>> offences)
    {
        var root = SourceTree.RepositoryRoot();
        var files = SourceTree.SourceFiles(root).Where(included).ToList();
        Assert.NotEmpty(files);

        return files
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .SelectMany(l => offences(l.Text).Select(name => $"{l.File}:{l.Line}: {name}: {l.Text.Trim()}"))
            .ToList();
    }

    private static IEnumerable<string> YuanOffences(string line)
    {
        foreach (Match match in AmountMember().Matches(line))
        {
            if (!AllowedMembers.ContainsKey(match.Groups["name"].Value))
            {
                yield return $"an amount as a number ({match.Groups["name"].Value}); use Money";
            }
        }
    }

    private static IEnumerable<string> Offences(string line)
    {
        foreach (Match match in FenMember().Matches(line))
        {
            if (!AllowedMembers.ContainsKey(match.Groups["name"].Value))
            {
                yield return $"an amount as a number of fen ({match.Groups["name"].Value}); use Money";
            }
        }

        if (HandMadeYuan().IsMatch(line))
        {
            yield return "fen turned into yuan by hand (/ 100m); use Money.ToString or Money.ToYuan";
        }
    }

    // A member (property, field, constant or record parameter) of a number type named …Fen.
    [GeneratedRegex(@"\b(long|int|decimal)\??\s+(?<name>[A-Z]\w*Fen)\b\s*(\{|,|\)|=|;)")]
    private static partial Regex FenMember();

    // A member of a number type whose name says it is an amount: …Yuan, …Fen, …Wage(Min|Max),
    // …Amount, …Subsidy.
    [GeneratedRegex(@"\b(decimal|long|int|double|float)\??\s+(?<name>\w*(Yuan|Fen|Wage|WageMin|WageMax|Amount|Subsidy))\b\s*(\{|,|\)|=|;)")]
    private static partial Regex AmountMember();

    [GeneratedRegex(@"/\s*100m\b")]
    private static partial Regex HandMadeYuan();
}

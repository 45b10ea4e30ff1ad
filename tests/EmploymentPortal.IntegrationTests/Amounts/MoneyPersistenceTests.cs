using EmploymentPortal.Data;
using EmploymentPortal.Domain.Claims;
using EmploymentPortal.Domain.Geography;
using EmploymentPortal.Domain.ValueObjects;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.IntegrationTests.Amounts;

/// <summary>
/// The one EF converter of <see cref="Money"/> (PortalDbContext.ConfigureConventions), run
/// once per provider: every Money property is a bigint of fen in a column named after it with
/// "Fen", reads back exactly (a corrupt negative value included, so it can be flagged), and a
/// query sums and compares money in SQL through the cast to the stored integer.
/// </summary>
public abstract class MoneyPersistenceTests : IAsyncLifetime
{
    private static readonly ClaimActor Officer = new("itest-officer", "测试经办");
    private static readonly DateOnly Day = new(2026, 11, 22);
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected MoneyPersistenceTests(DatabaseProvider provider)
    {
        _provider = provider;
    }

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_money_property_is_a_bigint_of_fen_in_a_column_named_with_fen()
    {
        await using var db = Database.CreateContext();

        var money = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(Money))
            .ToList();

        Assert.Contains(money, p => p.DeclaringType.ClrType == typeof(Claim) && p.Name == nameof(Claim.Amount));
        Assert.All(money, p =>
        {
            Assert.Equal(p.Name + "Fen", p.GetColumnName());
            Assert.Equal(typeof(long), p.GetTypeMapping().Converter?.ProviderClrType);
            Assert.Contains(p.GetColumnType(), new[] { "INTEGER", "bigint" });
        });
    }

    [Fact]
    public async Task An_amount_is_stored_as_fen_and_read_back_exactly()
    {
        var claim = await AddClaimAsync(Money.Parse("1234.56"));

        var stored = await Database.CreateContext().Database
            .SqlQuery<long>($"SELECT \"AmountFen\" AS \"Value\" FROM \"Claims\" WHERE \"Id\" = {claim.Id}").SingleAsync();
        await using var db = Database.CreateContext();
        var read = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id);

        Assert.Equal(123_456L, stored);
        Assert.Equal((Money.FromFen(123_456), Money.FromFen(123_456)), (read.Amount!.Value, read.RulesAmount!.Value));
        Assert.Null(read.SecondApprovalThreshold);
    }

    [Fact]
    public async Task A_negative_amount_written_past_the_domain_reads_back_negative_to_be_flagged()
    {
        var claim = await AddClaimAsync(Money.FromFen(100));
        await Database.ExecuteSqlAsync($"UPDATE \"Claims\" SET \"AmountFen\" = -5 WHERE \"Number\" = '{claim.Number}'");

        await using var db = Database.CreateContext();
        var read = await db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id);

        Assert.Equal(Money.Zero - Money.FromFen(5), read.Amount);
        Assert.False(Claim.IsAmountSound(read.Amount, Money.FromYuan(1_000_000)));
    }

    [Fact]
    public async Task Money_columns_are_summed_grouped_and_compared_in_sql()
    {
        await AddClaimAsync(Money.Parse("100.10"));
        await AddClaimAsync(Money.Parse("200.20"));
        await AddClaimAsync(null);
        var ceiling = (long)Money.FromYuan(150);

        await using var db = Database.CreateContext();
        var total = await db.Claims.SumAsync(c => (long?)c.Amount ?? 0);
        var grouped = await db.Claims.GroupBy(c => c.Benefit)
            .Select(g => new { Sum = g.Sum(c => (long?)c.Amount >= 0 && (long?)c.Amount <= ceiling ? (long?)c.Amount ?? 0 : 0), Above = g.Count(c => (long?)c.Amount > ceiling) })
            .SingleAsync();
        var none = await db.Claims.CountAsync(c => c.Amount == null);

        Assert.Equal(Money.Parse("300.30"), Money.FromFen(total));
        Assert.Equal((Money.Parse("100.10"), 1), (Money.FromFen(grouped.Sum), grouped.Above));
        Assert.Equal(1, none);
    }

    private async Task<Claim> AddClaimAsync(Money? amount)
    {
        await using var db = Database.CreateContext();
        var community = await db.Communities.FirstOrDefaultAsync() ?? await TestCity.AddCommunityAsync(db);
        var districtId = await db.Streets.Where(s => s.Id == community.StreetId).Select(s => s.DistrictId).SingleAsync();
        var subject = new ClaimSubject("training", "itest.training", "测试规则", "测试文号", ClaimantKind.Station, null, null, community.Id, districtId, "测试金额", "resident-records");
        var decision = new ClaimDecision(amount is null ? ClaimOutcome.ManualReview : ClaimOutcome.Eligible, amount, [], "{}", "{}", "{}", "itest", Day);
        var claim = Claim.Draft(subject, new ClaimPayee("测试金额", "6222020200112233", null), decision, null, Officer, new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim;
    }
}

public sealed class SqliteMoneyPersistenceTests : MoneyPersistenceTests
{
    public SqliteMoneyPersistenceTests()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresMoneyPersistenceTests : MoneyPersistenceTests
{
    public PostgresMoneyPersistenceTests()
        : base(DatabaseProvider.Postgres)
    {
    }
}

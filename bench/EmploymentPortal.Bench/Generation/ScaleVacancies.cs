using EmploymentPortal.Domain.ValueObjects;
using Npgsql;
using NpgsqlTypes;

namespace EmploymentPortal.Bench.Generation;

/// <summary>
/// <c>generate --vacancies N</c> on PostgreSQL: N published vacancies of the scale city's verified
/// enterprises, written with binary COPY like the residents (below EF Core, no audit entries).
/// Placed uniformly over a disc of <see cref="ExtentKm"/> around the city's centre, as the
/// <c>circles</c> benchmark places its own (a 3 km circle then holds about N / 87 of them); each
/// keeps its enterprise's community. Valid for 30-364 days from the run's date (so they are on the
/// board whenever the data is generated: the dates, unlike the rest, depend on the day).
/// </summary>
internal static class ScaleVacancies
{
    public const double ExtentKm = 28.0;

    private static readonly (string Group, string Occupation, string Title)[] Occupations =
    [
        ("Production", "普工", "生产线普工"), ("Production", "电工", "维修电工"), ("Services", "保洁员", "物业保洁员"), ("Services", "养老护理员", "养老护理员"),
        ("Services", "收银员", "超市收银员"), ("Clerical", "文员", "行政文员"), ("Professionals", "会计", "主办会计"), ("Agriculture", "农艺工", "农业技术员"),
        ("Services", "快递员", "快递派送员"), ("Production", "焊工", "电焊工"), ("Services", "厨师", "中餐厨师"), ("Clerical", "客服", "电话客服"),
    ];

    private static readonly string[] Requirements =
    [
        "身体健康，能吃苦耐劳", "有相关工作经验者优先", "持证上岗", "高中及以上学历", "接受应届毕业生", "会使用电脑办公软件", "有驾驶证者优先", "无",
    ];

    private static readonly string[] WorkTypes = ["FullTime", "FullTime", "FullTime", "PartTime", "Flexible", "Seasonal"];

    public static async Task<long> LoadAsync(NpgsqlConnection connection, int count, int seed, DateOnly today, Action<long> progress, CancellationToken cancellationToken)
    {
        var owners = new List<(Guid Id, Guid CommunityId)>();
        await using (var read = new NpgsqlCommand("""SELECT "Id", "CommunityId" FROM "Enterprises" WHERE "Status" = 'Verified' AND "CreditCode" LIKE '913698%' ORDER BY "Id" """, connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }

        if (owners.Count == 0)
        {
            throw new InvalidOperationException("No verified scale enterprises to own the vacancies: generate enterprises first.");
        }

        var random = Deterministic.Stream(seed, 40);
        var ids = Deterministic.Stream(seed, 41);
        var publishedAt = DateTimeOffset.UtcNow;
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            COPY "Vacancies" ("Id", "AcceptsDisabled", "AcceptsOlderWorkers", "Address", "CommunityId", "EnterpriseId", "GeoCell", "Latitude", "Longitude",
                "NoExperienceRequired", "Occupation", "OccupationGroup", "Openings", "PublishedAt", "Requirements", "Status", "Title", "ValidUntil", "Version",
                "WageMaxFen", "WageMinFen", "WorkType") FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        writer.Timeout = TimeSpan.FromMinutes(30);
        long written = 0;
        for (var i = 0; i < count; i++)
        {
            var owner = owners[random.Next(owners.Count)];
            var distance = ExtentKm * Math.Sqrt(random.NextDouble());
            var angle = 2 * Math.PI * random.NextDouble();
            var latitude = ScaleCity.CentreLatitude + (distance * Math.Cos(angle) / 111.2);
            var longitude = ScaleCity.CentreLongitude + (distance * Math.Sin(angle) / (111.2 * Math.Cos(ScaleCity.CentreLatitude * Math.PI / 180)));
            var (group, occupation, title) = Occupations[random.Next(Occupations.Length)];
            var wageMin = 250_000 + (random.Next(8) * 50_000);
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(Deterministic.VersionSevenGuid(ids, i), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(random.Next(10) == 0, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(random.Next(7) == 0, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync($"江州市岗位路{(i % 997) + 1}号", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(owner.CommunityId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(owner.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(GeoGrid.CellOf(latitude, longitude), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(latitude, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(longitude, NpgsqlDbType.Double, cancellationToken);
            await writer.WriteAsync(random.Next(3) == 0, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(occupation, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(group, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(1 + random.Next(10), NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(publishedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync(Requirements[random.Next(Requirements.Length)], NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync("Published", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(title, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(today.AddDays(30 + random.Next(335)), NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(0L, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)(wageMin + 100_000 + (random.Next(5) * 50_000)), NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync((long)wageMin, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(WorkTypes[random.Next(WorkTypes.Length)], NpgsqlDbType.Varchar, cancellationToken);
            if (++written % 50_000 == 0)
            {
                progress(written);
            }
        }

        return (long)await writer.CompleteAsync(cancellationToken);
    }
}

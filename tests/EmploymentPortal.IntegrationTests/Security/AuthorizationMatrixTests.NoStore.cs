namespace EmploymentPortal.IntegrationTests.Security;

/// <summary>
/// Personal data is never kept by a browser or proxy cache: every endpoint of the matrix answers
/// <c>Cache-Control: no-store</c> and <c>Pragma: no-cache</c>, whoever asks and whatever the
/// status, but for the public job board as an anonymous visitor sees it (static assets are not
/// in the matrix and keep their own caching; <see cref="Static_assets_keep_their_caching"/>).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly HashSet<string> PublicBoard = new(StringComparer.Ordinal) { "GET /jobs", "GET /api/v1/vacancies/" };

    [Fact]
    public async Task Every_endpoint_answers_no_store_but_the_anonymous_job_board()
    {
        var samples = await SampleValuesAsync();
        var failures = new List<string>();
        var probes = 0;

        foreach (var entry in Table)
        {
            foreach (var who in new[] { Who.Anonymous, entry.Allowed.FirstOrDefault(w => w != Who.Anonymous, Who.BureauOfficer) }.Distinct())
            {
                if (who == Who.Anonymous && PublicBoard.Contains(entry.Key))
                {
                    continue;
                }

                await ProbeAsync(entry, who, samples, response =>
                {
                    probes++;
                    var noStore = response.Headers.CacheControl?.NoStore == true;
                    var pragma = response.Headers.Pragma.Any(p => p.Name == "no-cache");
                    if (!noStore || !pragma)
                    {
                        failures.Add($"{entry.Key,-40} as {who,-15} {(int)response.StatusCode}: Cache-Control {response.Headers.CacheControl?.ToString() ?? "(none)"}, Pragma {string.Join(",", response.Headers.Pragma)}");
                    }
                });
            }
        }

        Assert.True(probes > Table.Length, $"only {probes} responses were inspected");
        Assert.True(failures.Count == 0, "Responses without no-store:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Static_assets_keep_their_caching()
    {
        using var client = _app.Factory.CreateAnonymousClient();

        using var response = await client.GetAsync("/css/app.css");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }
}

using EmploymentPortal.Data.Security;
using EmploymentPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace EmploymentPortal.IntegrationTests.Deployment;

/// <summary>
/// docker-compose.yml runs the portal in Production, where a missing key stops the start
/// (docs/operations.md, "Keys"): the portal service must be given every key purpose there is.
/// </summary>
public sealed class ComposeKeysTests
{
    [Fact]
    public void The_compose_portal_service_configures_a_key_for_every_purpose_and_starts_in_production()
    {
        var environment = PortalEnvironment();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)Substitute(e.Value))))
            .Build();
        var contentRoot = Directory.CreateTempSubdirectory("portal-compose-").FullName;
        try
        {
            var ring = PortalKeyRing.Load(configuration, contentRoot, isProduction: true);

            Assert.Equal("Production", Substitute(environment["ASPNETCORE_ENVIRONMENT"]));
            foreach (var purpose in Enum.GetValues<KeyPurpose>())
            {
                Assert.Equal(PortalKeyRing.KeyBytes, ring.Current(purpose).Material.Length);
                Assert.Contains("${", environment[$"Keys__{purpose}__Items__{ring.Current(purpose).Id}"], StringComparison.Ordinal);
            }

            Assert.False(File.Exists(Path.Combine(contentRoot, PortalKeyRing.DefaultFile)), "In Production no key may be generated.");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public void The_cluster_profile_runs_a_second_node_with_the_same_keys_and_database_behind_a_proxy_that_keeps_circuits_on_one_node()
    {
        var root = ComposeRoot();
        var services = (YamlMappingNode)root["services"];
        var first = Environment(services, "portal");
        var second = Environment(services, "portal2");

        foreach (var (key, value) in first.Where(e => e.Key != "Database__MigrateOnStartup"))
        {
            Assert.True(second.TryGetValue(key, out var seconds) && seconds == value, $"portal2 differs from portal in {key}");
        }

        // One node migrates; the other starts on the migrated database.
        Assert.Equal("true", first["Database__MigrateOnStartup"]);
        Assert.Equal("false", second["Database__MigrateOnStartup"]);
        Assert.Equal("cluster", ((YamlSequenceNode)((YamlMappingNode)services["portal2"])["profiles"]).Children.Select(c => ((YamlScalarNode)c).Value).Single());
        // No data-protection key folder any more: the keys are in the database.
        Assert.DoesNotContain("DataProtection", File.ReadAllText(Path.Combine(ExternalTool.RepositoryRoot(), "docker-compose.yml")), StringComparison.Ordinal);

        var nginx = File.ReadAllText(Path.Combine(ExternalTool.RepositoryRoot(), "deploy", "nginx", "portal-cluster.conf"));
        Assert.Contains("server portal:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("server portal2:8080", nginx, StringComparison.Ordinal);
        Assert.Contains("ip_hash;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Host $host;", nginx, StringComparison.Ordinal);
    }

    /// <summary>
    /// What compose does with <c>${NAME:-default}</c> and <c>${NAME:?message}</c> when the operator
    /// set NAME: a key of 32 bytes for the keys, the default otherwise.
    /// </summary>
    private static string Substitute(string value)
    {
        if (!value.StartsWith("${", StringComparison.Ordinal))
        {
            return value;
        }

        var body = value[2..^1];
        return body.Contains(":?", StringComparison.Ordinal)
            ? PortalKeyRing.NewKeyBase64()
            : body[(body.IndexOf(":-", StringComparison.Ordinal) + 2)..];
    }

    private static Dictionary<string, string> PortalEnvironment() => Environment((YamlMappingNode)ComposeRoot()["services"], "portal");

    private static YamlMappingNode ComposeRoot()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(ExternalTool.RepositoryRoot(), "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>A service's environment, with a merge key (<c>&lt;&lt;: *anchor</c>) taken in as compose takes it: the service's own keys win.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode services, string service)
    {
        var environment = (YamlMappingNode)((YamlMappingNode)services[service])["environment"];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in environment.Children)
        {
            if (((YamlScalarNode)key).Value == "<<")
            {
                foreach (var (mergedKey, mergedValue) in ((YamlMappingNode)value).Children)
                {
                    values.TryAdd(((YamlScalarNode)mergedKey).Value!, ((YamlScalarNode)mergedValue).Value!);
                }
            }
        }

        foreach (var (key, value) in environment.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<"))
        {
            values[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
        }

        return values;
    }
}

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

    private static Dictionary<string, string> PortalEnvironment()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(ExternalTool.RepositoryRoot(), "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var portal = (YamlMappingNode)((YamlMappingNode)root["services"])["portal"];
        return ((YamlMappingNode)portal["environment"]).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
    }
}

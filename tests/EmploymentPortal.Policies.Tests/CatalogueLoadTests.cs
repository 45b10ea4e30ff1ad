namespace EmploymentPortal.Policies.Tests;

public class EmbeddedCatalogueTests
{
    [Fact]
    public void EmbeddedCatalogue_Loads_WithEveryQuoteFoundInItsFile()
    {
        var catalogue = CatalogueFixture.Embedded;

        Assert.NotEmpty(catalogue.Rules);
    }
}

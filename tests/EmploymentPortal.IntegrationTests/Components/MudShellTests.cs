using Bunit;
using MudBlazor;

namespace EmploymentPortal.IntegrationTests.Components;

/// <summary>The kit as the portal configures it: a rendered grid pager speaks Chinese.</summary>
public sealed class MudShellTests : MudComponentTest
{
    [Fact]
    public void A_data_grid_pager_renders_its_texts_in_Chinese()
    {
        var rows = Enumerable.Range(1, 57).Select(i => new Row(i)).ToList();

        var grid = Render<MudDataGrid<Row>>(parameters => parameters
            .Add(g => g.Items, rows)
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.Columns, builder =>
            {
                builder.OpenComponent<PropertyColumn<Row, int>>(0);
                builder.AddAttribute(1, nameof(PropertyColumn<Row, int>.Property), (System.Linq.Expressions.Expression<Func<Row, int>>)(r => r.Number));
                builder.CloseComponent();
            })
            .Add(g => g.PagerContent, builder =>
            {
                builder.OpenComponent<MudDataGridPager<Row>>(0);
                builder.CloseComponent();
            }));

        Assert.Contains("每页行数：", grid.Markup, StringComparison.Ordinal);
        Assert.Contains("第 1–10 条，共 57 条", grid.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows per page", grid.Markup, StringComparison.Ordinal);
    }

    public sealed record Row(int Number);
}

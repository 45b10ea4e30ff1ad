using EmploymentPortal.Web.Infrastructure.Xlsx;
using EmploymentPortal.Web.Features.Residents.Ledger;

namespace EmploymentPortal.E2ETests;

/// <summary>A station worker uploads a small ledger, watches the import finish and downloads the error report.</summary>
public sealed class LedgerImportTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task Station_worker_uploads_the_sample_ledger_sees_the_counts_and_downloads_the_error_report()
    {
        var sample = Path.Combine(Path.GetTempPath(), $"ledger-e2e-{Guid.NewGuid():N}.xlsx");
        try
        {
            await RunAsync(async () =>
            {
                await LogInAsync("station2");
                await Page.GotoAsync("/residents/ledger");
                await WaitForCircuitAsync();
                var response = await Page.APIRequest.GetAsync("/api/v1/residents/import-sample");
                Assert.True(response.Ok, $"sample: {response.Status}");
                await File.WriteAllBytesAsync(sample, await response.BodyAsync());

                await Page.GetByTestId("ledger-file").SetInputFilesAsync(sample);

                var import = Page.GetByTestId("ledger-import");
                await Expect(import.GetByTestId("import-result")).ToContainTextAsync("共17行", new() { Timeout = 30_000 });
                await Expect(import.GetByTestId("import-progress")).ToBeVisibleAsync();
                await Expect(import.GetByTestId("count-processed")).ToHaveTextAsync("17");
                await Expect(import.GetByTestId("count-rejected")).ToHaveTextAsync("7");
                await Expect(import.GetByTestId("count-done")).ToHaveTextAsync("17");
                await Expect(import.GetByTestId("count-total")).ToHaveTextAsync("17");
                await Expect(import.GetByTestId("import-percent")).ToHaveTextAsync("100");
                await Expect(import.GetByTestId("import-progress")).ToHaveAttributeAsync("data-percent", "100");

                // Rows were rejected: not green, and each one is listed by row number in Chinese.
                await Expect(import.GetByTestId("import-progress")).ToHaveAttributeAsync("data-color", "Warning");
                await Expect(import.GetByTestId("import-result")).ToHaveAttributeAsync("data-clean", "false");
                var errors = import.GetByTestId("import-errors");
                await Expect(errors.GetByTestId("error-row")).ToHaveCountAsync(7);
                var row8 = errors.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "第 8 行" });
                await Expect(row8).ToContainTextAsync("校验码");
                await Expect(errors.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "第 9 行" })).ToContainTextAsync("固定电话");
                await AssertFitsAndAccessibleAsync(errors);
                await Page.SetViewportSizeAsync(1366, 768);
                var imported = int.Parse(await import.GetByTestId("count-imported").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
                var skipped = int.Parse(await import.GetByTestId("count-skipped").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(10, imported + skipped);

                var download = await Page.RunAndWaitForDownloadAsync(() => import.GetByTestId("download-error-report").ClickAsync());
                var report = Path.Combine(Path.GetTempPath(), $"ledger-e2e-report-{Guid.NewGuid():N}.xlsx");
                await download.SaveAsAsync(report);
                await using var stream = File.OpenRead(report);
                using var reader = XlsxSheetReader.Open(stream);
                var rows = reader.ReadRows().Skip(1).ToDictionary(r => r.Cells[0]!, r => r.Cells[2]!);
                Assert.Contains("校验码", rows["8"], StringComparison.Ordinal);
                Assert.Contains("固定电话", rows["9"], StringComparison.Ordinal);
                Assert.Contains("重复", rows["18"], StringComparison.Ordinal);
                File.Delete(report);
            });
        }
        finally
        {
            File.Delete(sample);
        }
    }
}

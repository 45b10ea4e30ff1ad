namespace EmploymentPortal.E2ETests;

/// <summary>
/// Issue 15, the bureau officers' policy pages on MudBlazor: the policy browser cites document
/// numbers instead of file names and its dialogs fit and pass axe, and the print views (public
/// notice, registration card) open from their pages without the portal's shell. Each page as
/// it opens is EveryPageTests' (every role, both sizes, axe).
/// </summary>
public sealed class BureauPagesTests(PortalFixture portal) : PortalPageTest(portal)
{
    [Fact]
    public async Task The_policy_browser_cites_document_numbers_fits_and_passes_axe_with_its_dialogs()
    {
        await RunAsync(async () =>
        {
            await LogInAsync("officer1");
            await Page.GotoAsync("/policies");
            await WaitForCircuitAsync();
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("policy-text"));

            // Its words: document numbers, no file names or ids; its two dialogs.
            await Page.SetViewportSizeAsync(1366, 768);
            await Expect(Page.GetByTestId("policy-rule").First.GetByTestId("rule-citation")).ToContainTextAsync("邢南政发〔2020〕1号");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync(".txt");
            await Expect(Page.Locator("main")).Not.ToContainTextAsync("nanhe-2020-1");
            await Page.GetByTestId("set-nanhe-2020-1.internship.monthlySubsidy").First.ClickAsync();
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("local-parameter-form"));
            await Page.Keyboard.PressAsync("Escape");
            await Expect(Page.GetByTestId("local-parameter-form")).ToHaveCountAsync(0);
            await Page.SetViewportSizeAsync(1366, 768);
            await Page.GetByTestId("end-nanhe-2020-1.startup-loan-extension-covid").ClickAsync();
            await AssertFitsAndAccessibleAsync(Page.GetByTestId("rule-end-form"));
        });
    }

    [Fact]
    public async Task Station_staff_print_a_residents_registration_card_masked_and_in_full_after_revealing()
    {
        await RunAsync(async () =>
        {
            var idNumber = await NewResidentOfDonghuAsync("登记卡");
            await LogInAsync("station1");
            await Page.GotoAsync($"/residents?search={idNumber}");
            await Page.GetByTestId("resident-link").First.ClickAsync();
            await WaitForCircuitAsync();

            var card = await Page.RunAndWaitForPopupAsync(() => Page.GetByTestId("print-card").ClickAsync());
            await Expect(card.GetByTestId("print-title")).ToHaveTextAsync("居民登记卡");
            await Expect(card.GetByTestId("card-community")).ToHaveTextAsync("东湖社区");
            await Expect(card.GetByTestId("card-id-number")).Not.ToHaveTextAsync(idNumber);
            await Expect(card.GetByTestId("card-id-number")).ToContainTextAsync(idNumber[..3]);
            await Expect(card.Locator(".portal-appbar, .portal-drawer")).ToHaveCountAsync(0);
            await Expect(card.GetByTestId("print-button")).ToBeVisibleAsync();
            await card.CloseAsync();

            await Page.GetByTestId("reveal").ClickAsync();
            await Expect(Page.GetByTestId("id-number")).ToHaveTextAsync(idNumber);
            var full = await Page.RunAndWaitForPopupAsync(() => Page.GetByTestId("print-card").ClickAsync());
            await Expect(full.GetByTestId("card-id-number")).ToHaveTextAsync(idNumber);
        });
    }
}

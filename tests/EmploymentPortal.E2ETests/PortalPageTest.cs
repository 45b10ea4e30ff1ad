using EmploymentPortal.Testing;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Residents;
using EmploymentPortal.Domain.ValueObjects;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EmploymentPortal.E2ETests;

/// <summary>
/// A test with its own browser context and page on the shared portal. Steps run inside
/// <see cref="RunAsync"/>, which on failure saves a screenshot and the page's HTML under
/// TestResults/e2e and names both files in the failure message.
/// </summary>
[Collection(PortalCollection.Name)]
public abstract class PortalPageTest : IAsyncLifetime
{
    private IBrowserContext? _context;
    private IPage? _page;

    protected PortalPageTest(PortalFixture portal)
    {
        Portal = portal;
    }

    protected PortalFixture Portal { get; }

    protected IPage Page => _page ?? throw new InvalidOperationException("No page yet.");

    /// <summary>Console errors and uncaught exceptions of the page, with the page's address and the script that raised them.</summary>
    protected List<string> BrowserErrors { get; } = [];

    public virtual async Task InitializeAsync()
    {
        _context = await Portal.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        _context.SetDefaultTimeout(PortalFixture.DefaultTimeoutMs);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                BrowserErrors.Add($"console.error on {_page?.Url} at {message.Location}: {message.Text}");
            }
        };
        _page.PageError += (_, error) => BrowserErrors.Add($"uncaught on {_page?.Url}: {error}");
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
    }

    /// <summary>
    /// Runs a test's steps, then checks that the browser logged no error (a script failing, a
    /// content security policy violation, a resource that did not load); a failure keeps a
    /// screenshot and the HTML of the page.
    /// </summary>
    protected async Task RunAsync(Func<Task> steps, string? variant = null, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
            Assert.True(BrowserErrors.Count == 0, "The browser logged errors.");
        }
        catch (Exception exception) when (_page is not null)
        {
            var name = Regex.Replace($"{GetType().Name}.{test}{(variant is null ? string.Empty : "-" + variant)}-{Guid.NewGuid().ToString("N")[..8]}", @"[^\w.\-]", "_");
            var screenshot = Path.Combine(PortalFixture.ArtifactsDirectory, name + ".png");
            var html = Path.Combine(PortalFixture.ArtifactsDirectory, name + ".html");
            try
            {
                await _page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true, Timeout = 5_000 });
                await File.WriteAllTextAsync(html, await _page.ContentAsync());
            }
            catch (Exception artefactFailure) when (artefactFailure is PlaywrightException or TimeoutException)
            {
                // Under load a screenshot can time out: the test's own failure must still be reported.
                html += $" (not saved: {artefactFailure.Message})";
            }

            var errors = BrowserErrors.Count == 0 ? "none" : string.Join(Environment.NewLine + "  ", BrowserErrors);
            throw new Xunit.Sdk.XunitException(
                $"{exception.Message}{Environment.NewLine}Page: {_page.Url}{Environment.NewLine}Screenshot: {screenshot}{Environment.NewLine}HTML: {html}{Environment.NewLine}Browser errors: {errors}{Environment.NewLine}Portal log: {PortalFixture.ArtifactsDirectory}/portal-*.log",
                exception);
        }
    }

    /// <summary>
    /// Fills and submits the real login form, then waits until the browser shows the document the
    /// POST answered with (a marker on the old window is gone), so that the next step never reads
    /// the page the form was submitted from.
    /// </summary>
    protected async Task SubmitLoginAsync(string userName, string password)
    {
        await Page.Locator("#userName").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await Page.EvaluateAsync("() => { window.__e2eSubmitted = true; }");
        await Page.Locator("form button[type=submit]").ClickAsync();
        await Page.WaitForFunctionAsync("() => window.__e2eSubmitted === undefined && document.readyState !== 'loading'");
    }

    /// <summary>
    /// Signs in through the login form and waits until the home page is live. Tests go on to
    /// another page at once: leaving while blazor.web.js is still negotiating its circuit can make
    /// the browser log the aborted connection as an error, which <see cref="RunAsync"/> rightly
    /// counts as a failure (the likely cause of a CI failure under load whose errors the log did
    /// not show; the summary now prints them).
    /// </summary>
    protected async Task LogInAsync(string userName, string password = PortalFixture.DemoPassword)
    {
        await Page.GotoAsync("/account/login");
        await SubmitLoginAsync(userName, password);
        await Expect(Page.GetByTestId("home-title")).ToBeVisibleAsync();
        await WaitForCircuitAsync();
    }

    /// <summary>
    /// Waits until the page is live: blazor.web.js has loaded and the circuit has rendered over the
    /// prerendered HTML (the layout marks itself <c>data-interactive="true"</c> once it renders
    /// interactively).
    /// </summary>
    protected async Task WaitForCircuitAsync()
    {
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Expect(Page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
    }

    /// <summary>
    /// Types into a field that shows a validation message (<paramref name="message"/>, e.g. “请填写…”
    /// after a first submit) and waits until the server has taken the value: the message is gone.
    /// A value typed while an earlier render is arriving was seen lost under load (the field emptied again), so it types again, up to three times; the
    /// last wait is the usual one, so a value the server never takes still fails.
    /// </summary>
    protected Task FillUntilTakenAsync(ILocator input, string value, ILocator message) =>
        FillUntilAsync(input, value, timeout => Expect(message).ToHaveCountAsync(0, new() { Timeout = timeout }));

    /// <summary>
    /// Types an amount into a <c>MoneyInput</c> (<paramref name="input"/> is the input itself) and
    /// waits until the server has taken it: it writes the amount back with two decimals
    /// (<paramref name="written"/>: "4,000" comes back as "4000.00"). Retries as
    /// <see cref="FillUntilTakenAsync"/>.
    /// </summary>
    protected Task FillMoneyAsync(ILocator input, string value, string written) =>
        FillUntilAsync(input, value, timeout => Expect(input).ToHaveValueAsync(written, new() { Timeout = timeout }));

    /// <summary>
    /// Types <paramref name="value"/> and leaves the field until <paramref name="taken"/> holds,
    /// up to three times (a value typed while an earlier render was arriving was seen lost under
    /// load); the last wait has the usual timeout (null), so a value never taken still fails.
    /// </summary>
    private static async Task FillUntilAsync(ILocator input, string value, Func<float?, Task> taken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(value);
            await input.PressAsync("Tab");
            if (attempt == 3)
            {
                await taken(null);
                return;
            }

            try
            {
                await taken(5_000);
                return;
            }
            catch (PlaywrightException)
            {
                // Not taken yet: type it again.
            }
        }
    }

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="shown"/> (what the click opens, e.g. a
    /// dialog's first field) is visible. A click that lands while a list is re-rendering (after a
    /// search), or before the page's own interactive render has reached the browser (the layout
    /// already live), was seen lost under load; it clicks again, up to three times, and the last wait is
    /// the usual one, so a button that never opens anything still fails.
    /// </summary>
    protected async Task ClickUntilShownAsync(ILocator button, ILocator shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && await shown.IsVisibleAsync())
            {
                return;
            }

            await button.ClickAsync();
            if (attempt == 3)
            {
                await Expect(shown).ToBeVisibleAsync();
                return;
            }

            try
            {
                await Expect(shown).ToBeVisibleAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException)
            {
                // Not open yet: click again.
            }
        }
    }

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="gone"/> (what the click removes: the
    /// dialog it closes, the row it takes off a list) is gone. A dialog's confirming click was seen
    /// lost under load (the dialog still open 20 s later, no message under its field); it clicks
    /// again while the button is still there, up to three times, and the last wait is the usual
    /// one, so a click that never takes effect still fails.
    /// </summary>
    protected async Task ClickUntilGoneAsync(ILocator button, ILocator gone)
    {
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            if (attempt == 3)
            {
                await Expect(gone).ToHaveCountAsync(0);
                return;
            }

            try
            {
                await Expect(gone).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException)
            {
                if (!await button.IsVisibleAsync())
                {
                    // The click was taken and the change is on its way: wait for it as usual.
                    await Expect(gone).ToHaveCountAsync(0);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Answers the portal's confirmation (PortalDialogs.ConfirmAsync) with its confirming button,
    /// after checking that it restates <paramref name="restated"/> (the amount, the person).
    /// </summary>
    protected async Task ConfirmAsync(string button, params string[] restated)
    {
        var dialog = Page.GetByRole(AriaRole.Dialog);
        foreach (var text in restated)
        {
            await Expect(dialog).ToContainTextAsync(text);
        }

        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Resizes the page to <paramref name="width"/> × <paramref name="height"/> and fails when it scrolls sideways.</summary>
    protected async Task ExpectNoHorizontalOverflowAsync(int width = 1366, int height = 768)
    {
        await Page.SetViewportSizeAsync(width, height);
        await AssertNoHorizontalOverflowAsync();
    }

    /// <summary>Opens the decision panel's quoted clauses (DecisionPanel: the quotes show on expand).</summary>
    protected async Task ShowQuotedClausesAsync()
    {
        await Page.GetByTestId("decision-quotes").GetByRole(AriaRole.Button, new() { Name = "条款原文" }).ClickAsync();
        await Expect(Page.GetByTestId("cited-clause")).ToBeVisibleAsync();
    }

    /// <summary>
    /// A JSON POST to the portal's API with the browser context's cookies, as a script on the
    /// portal's own pages makes it: with the portal's <c>Origin</c>, which Playwright's request
    /// context does not add by itself and a signed-in write must carry (docs/security.md, section 5).
    /// </summary>
    protected Task<IAPIResponse> PostJsonAsync(string path, object data) =>
        Page.APIRequest.PostAsync(path, new()
        {
            DataObject = data,
            Headers = new Dictionary<string, string> { ["Origin"] = Portal.BaseAddress.GetLeftPart(UriPartial.Authority) },
        });

    /// <summary>A new resident of 东湖社区 (station1's), named with <paramref name="namePrefix"/>, returned by ID number.</summary>
    protected async Task<string> NewResidentOfDonghuAsync(string namePrefix)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Name == "东湖社区");
        var idNumber = IdCardNumber.Parse(TestData.IdNumber(new DateOnly(1975, 3, 3), Sex.Male));
        db.Residents.Add(new Resident(TestData.Name(namePrefix), idNumber, PhoneNumber.Parse("13712345679"), community.Id));
        await db.SaveChangesAsync();
        return idNumber.Value;
    }

    protected Regex PathIs(string path) => new("^" + Regex.Escape(new Uri(Portal.BaseAddress, path).ToString()) + "$");

    /// <summary>A laptop and a phone: every page fits both without a horizontal scroll (issue 15).</summary>
    protected static readonly IReadOnlyList<ViewportSize> LaptopAndPhone =
    [
        new() { Width = 1366, Height = 768 },
        new() { Width = 390, Height = 844 },
    ];

    /// <summary>
    /// Runs axe over the page as it is now and fails on any serious or critical violation, naming
    /// each rule and the elements it found (minor and moderate ones are not checked).
    /// </summary>
    /// <remarks>
    /// MudBlazor's snackbar container is always left out: a message that a server answer shows
    /// during the run fades in and out, and axe measures its text at part of its opacity
    /// (color-contrast on <c>.mud-snackbar-content-message</c>), which says nothing about the page.
    /// </remarks>
    /// <param name="exclude">CSS selectors of parts left out, each to be named with its reason by the caller.</param>
    protected async Task AssertAccessibleAsync(params string[] exclude)
    {
        // Only violations are reported back: every rule still runs, but the passing nodes are
        // neither collected nor sent over (the larger part of a run on a MudBlazor page).
        var options = new Deque.AxeCore.Commons.AxeRunOptions { ResultTypes = [Deque.AxeCore.Commons.ResultType.Violations] };
        var context = new Deque.AxeCore.Commons.AxeRunContext
        {
            Exclude = exclude.Append("#mud-snackbar-container").Select(e => new Deque.AxeCore.Commons.AxeSelector(e)).ToList(),
        };
        var results = await Page.RunAxe(context, options);
        var failing = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(failing.Count == 0, $"axe on {Page.Url}:\n" + string.Join("\n", failing.Select(v =>
            $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>
    /// Fails when the page scrolls sideways: the document is wider than the window. With
    /// <paramref name="exclude"/> (CSS selectors of parts not yet converted, named by the caller),
    /// it fails when any element outside those parts reaches past the window.
    /// </summary>
    protected async Task AssertNoHorizontalOverflowAsync(params string[] exclude)
    {
        // A resize is followed by renders (the layout's breakpoint, grids measuring themselves):
        // give the page a moment to settle; an overflow that stays is then measured and named.
        try
        {
            await Page.WaitForFunctionAsync(
                exclude.Length == 0
                    ? "() => document.scrollingElement.scrollWidth <= window.innerWidth"
                    : "exclude => Math.max(0, ...[...document.querySelectorAll('body *')].filter(e => !exclude.some(s => e.closest(s))).map(e => e.getBoundingClientRect().right)) <= window.innerWidth + 0.5",
                exclude.Length == 0 ? null : exclude,
                new() { Timeout = 5_000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            // Still too wide: measured below.
        }

        var widths = exclude.Length == 0
            ? await Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
            : await Page.EvaluateAsync<int[]>("""
                exclude => [Math.round(Math.max(0, ...[...document.querySelectorAll('body *')]
                    .filter(e => !exclude.some(s => e.closest(s)))
                    .map(e => e.getBoundingClientRect().right))), window.innerWidth]
                """, exclude);
        if (widths[0] > widths[1])
        {
            // The innermost elements that reach past the window, to say what to fix.
            var wide = await Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}[${e.getAttribute('data-testid') ?? ''}] right=${Math.round(e.getBoundingClientRect().right)}`)
                """);
            Assert.Fail($"{Page.Url} is {widths[0]} px wide in a {widths[1]} px window: {string.Join("; ", wide)}");
        }
    }

    /// <summary>
    /// At each size of <see cref="LaptopAndPhone"/>: the page fits without a horizontal scroll and
    /// axe finds nothing serious. <paramref name="ready"/> waits for what the page must show.
    /// </summary>
    /// <param name="ready">What the page must show before it is checked.</param>
    /// <param name="excluded">CSS selectors of parts left out of both checks, each named with its reason by the caller.</param>
    protected async Task AssertFitsAndAccessibleAsync(ILocator ready, params string[] excluded)
    {
        foreach (var size in LaptopAndPhone)
        {
            await Page.SetViewportSizeAsync(size.Width, size.Height);
            await Expect(ready).ToBeVisibleAsync();
            await AssertNoHorizontalOverflowAsync(excluded);
            await AssertAccessibleAsync(excluded);
        }
    }

    /// <summary>
    /// Fails when <paramref name="element"/> (e.g. a row's last action) reaches past the window's
    /// right edge: a table can fit the page by scrolling inside itself and still hide its actions.
    /// </summary>
    protected async Task AssertInsideWindowAsync(ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync();
        var width = await Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"{element} is at x={box?.X}..{box?.X + box?.Width} in a {width} px window");
    }

    /// <summary>
    /// Picks <paramref name="option"/> in the MudSelect marked <paramref name="testId"/> (the mark
    /// sits on the select or on its input): opens the list and clicks the option by its text.
    /// </summary>
    protected async Task SelectAsync(ILocator scope, string testId, string option)
    {
        await scope.Locator($".mud-select:has([data-testid='{testId}']), .mud-select[data-testid='{testId}']").First.ClickAsync();
        await Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option).Filter(new() { HasTextString = option }).First.ClickAsync();
        await Expect(Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    /// <summary>The MudBlazor field (label, input and its messages) around the input marked <paramref name="testId"/>.</summary>
    protected static ILocator FieldOf(ILocator scope, string testId) =>
        scope.Locator($".mud-input-control:has([data-testid='{testId}'])").First;
}

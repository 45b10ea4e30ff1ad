using MudBlazor;

namespace EmploymentPortal.Web.Components.Layout;

/// <summary>
/// The portal's one MudBlazor theme: the bureau's red as primary, system CJK fonts (nothing is
/// fetched from a font server: the content security policy allows only the portal's own origin),
/// and colours that keep WCAG AA contrast on white (checked by the axe tests of the browser suite).
/// </summary>
public static class PortalTheme
{
    private static readonly string[] _fonts =
        ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "system-ui", "sans-serif"];

    /// <summary>The theme every page renders with.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#1565c0",
            Tertiary = "#2e7d32",
            Info = "#0d47a1",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b3261e",
            AppbarBackground = "#b71c1c",
            AppbarText = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.70)",
            TextSecondary = "rgba(0,0,0,0.68)",
            TextDisabled = "rgba(0,0,0,0.50)",
            ActionDisabled = "rgba(0,0,0,0.45)",
            Background = "#f7f7f7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = _fonts },
            H1 = new H1Typography { FontFamily = _fonts, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.4" },
            H2 = new H2Typography { FontFamily = _fonts, FontSize = "1.3rem", FontWeight = "600", LineHeight = "1.4" },
            H3 = new H3Typography { FontFamily = _fonts, FontSize = "1.15rem", FontWeight = "600", LineHeight = "1.4" },
            H4 = new H4Typography { FontFamily = _fonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.4" },
            H5 = new H5Typography { FontFamily = _fonts, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            H6 = new H6Typography { FontFamily = _fonts, FontSize = ".95rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = _fonts, TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "15rem", AppbarHeight = "56px" },
    };
}

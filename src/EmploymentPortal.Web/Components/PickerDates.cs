namespace EmploymentPortal.Web.Components;

/// <summary>
/// MudDatePicker works on <see cref="DateTime"/>; the portal's dates are <see cref="DateOnly"/>
/// (the China calendar day). The one conversion both ways, for pages binding a picker to a command.
/// </summary>
public static class PickerDates
{
    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}

using EmploymentPortal.Web.Components;
using MudBlazor;

namespace EmploymentPortal.Web.Features.Hires;

/// <summary>
/// The hire dialogs, opened the same way from the enterprise's hires, its referrals and the
/// resident's page (station): each answers true once the change is saved, false when cancelled.
/// The commands start from today (<see cref="Domain.Common.PortalCalendar"/>'s date, given by the page).
/// </summary>
public static class HireDialogs
{
    public static async Task<bool> RecordAsync(this IDialogService dialogs, string title, RecordHire.Command command) =>
        await dialogs.FormAsync(title, new DialogParameters<HireForm> { { d => d.Command, command } }, MaxWidth.Medium) is true;

    /// <summary>A new hire's command: starting today on a one-year contract.</summary>
    public static RecordHire.Command NewHire(DateOnly today)
    {
        var start = today.ToDateTime(TimeOnly.MinValue);
        return new RecordHire.Command { StartDate = start, ContractStart = start, ContractEnd = start.AddYears(1).AddDays(-1) };
    }

    public static async Task<bool> UpdateInsuranceAsync(this IDialogService dialogs, string title, HireQueries.HireRow row, DateOnly today)
    {
        var command = new UpdateHireInsurance.Command { Paid = true, From = (row.SocialInsuranceFrom ?? today).ToDateTime(TimeOnly.MinValue) };
        return await dialogs.FormAsync(title, new DialogParameters<InsuranceDialog> { { d => d.HireId, row.Id }, { d => d.Command, command } }) is true;
    }

    public static async Task<bool> EndAsync(this IDialogService dialogs, string title, Guid hireId, DateOnly today)
    {
        var command = new EndHire.Command { LastDay = today.ToDateTime(TimeOnly.MinValue) };
        return await dialogs.FormAsync(title, new DialogParameters<EndHireDialog> { { d => d.HireId, hireId }, { d => d.Command, command } }) is true;
    }
}

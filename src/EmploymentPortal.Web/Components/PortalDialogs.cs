using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace EmploymentPortal.Web.Components;

/// <summary>
/// The portal's dialogs. <see cref="ConfirmAsync"/>: the one confirmation, a modal that restates
/// what is about to happen (for money: the amount and the person) and answers true only when the
/// user chose the confirming button. <see cref="FormAsync{TDialog}"/>: a form in a MudDialog,
/// answering what the form closed with, or null when it was cancelled. Texts come localized from
/// the caller.
/// </summary>
public static class PortalDialogs
{
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, string cancelText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var answer = await dialogs.ShowMessageBoxAsync(
            new MessageBoxOptions { Title = title, Message = message, YesText = confirmText, CancelText = cancelText },
            new DialogOptions { CloseOnEscapeKey = true, BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        return answer == true;
    }

    /// <summary>
    /// Opens <typeparamref name="TDialog"/> (a component whose root is a MudDialog) full width up
    /// to <paramref name="width"/>, and waits until it closes: its data, or null when cancelled.
    /// A click outside does not close it (typed input is never lost that way); Escape does.
    /// </summary>
    public static async Task<object?> FormAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters<TDialog> parameters, MaxWidth width = MaxWidth.Small)
        where TDialog : IComponent
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var reference = await dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { CloseOnEscapeKey = true, BackdropClick = false, MaxWidth = width, FullWidth = true });
        var result = await reference.Result;
        return result is { Canceled: false } ? result.Data : null;
    }
}

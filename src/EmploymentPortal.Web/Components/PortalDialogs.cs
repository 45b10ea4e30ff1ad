using MudBlazor;

namespace EmploymentPortal.Web.Components;

/// <summary>
/// The portal's one confirmation: a modal that restates what is about to happen (for money: the
/// amount and the person) and answers true only when the user chose the confirming button.
/// Texts come localized from the caller.
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
}

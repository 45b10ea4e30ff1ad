using System.Collections;
using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EmploymentPortal.Web.Infrastructure.Validation;

/// <summary>
/// Validates an <see cref="EditForm"/>'s model with the <see cref="IValidator{T}"/> registered
/// for its type (see <see cref="ValidationServiceCollectionExtensions.AddPortalValidators"/>):
/// the whole model on submit, and the changed field when a field changes. Messages go into the
/// form's <see cref="ValidationMessageStore"/>, so <c>&lt;ValidationMessage For=...&gt;</c> shows
/// them next to the field.
/// <para>
/// Rules run synchronously, because <see cref="EditContext.Validate"/> is synchronous: checks
/// that need the database (a user name already taken) belong in the handler, whose errors the
/// page passes to <see cref="DisplayErrors"/>.
/// </para>
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private EditContext? _editContext;
    private ValidationMessageStore? _messages;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>A validator to use instead of the registered one.</summary>
    [Parameter]
    public IValidator? Validator { get; set; }

    /// <summary>
    /// Shows errors found elsewhere (a handler, Identity) next to their fields. Keys are property
    /// paths of the model (<c>Password</c>, <c>Address.Street</c>); an empty key or one that names
    /// no property becomes a message of the whole form (<c>ValidationSummary</c>).
    /// </summary>
    public void DisplayErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        if (_editContext is null || _messages is null)
        {
            return;
        }

        foreach (var (path, texts) in errors)
        {
            _messages.Add(ToFieldIdentifier(_editContext.Model, path), texts);
        }

        _editContext.NotifyValidationStateChanged();
    }

    /// <summary>Clears every message, e.g. before the form is reused for another record.</summary>
    public void ClearErrors()
    {
        _messages?.Clear();
        _editContext?.NotifyValidationStateChanged();
    }

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be placed inside an EditForm.");
        }

        if (ReferenceEquals(CurrentEditContext, _editContext))
        {
            return;
        }

        Detach();
        _editContext = CurrentEditContext;
        _messages = new ValidationMessageStore(_editContext);
        _editContext.OnValidationRequested += OnValidationRequested;
        _editContext.OnFieldChanged += OnFieldChanged;
    }

    public void Dispose() => Detach();

    private void Detach()
    {
        if (_editContext is not null)
        {
            _editContext.OnValidationRequested -= OnValidationRequested;
            _editContext.OnFieldChanged -= OnFieldChanged;
            _messages?.Clear();
        }
    }

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        var context = _editContext!;
        var result = Validate(context.Model);
        _messages!.Clear();
        foreach (var failure in result.Errors)
        {
            _messages.Add(ToFieldIdentifier(context.Model, failure.PropertyName), failure.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var context = _editContext!;
        var field = e.FieldIdentifier;
        var result = Validate(context.Model);
        _messages!.Clear(field);

        // Only the changed field's messages are renewed: the user should not see errors on fields
        // they have not reached yet.
        foreach (var failure in result.Errors)
        {
            var failed = ToFieldIdentifier(context.Model, failure.PropertyName);
            if (failed.Equals(field))
            {
                _messages.Add(failed, failure.ErrorMessage);
            }
        }

        context.NotifyValidationStateChanged();
    }

    private ValidationResult Validate(object model)
    {
        var validator = Validator ?? (IValidator?)Services.GetService(typeof(IValidator<>).MakeGenericType(model.GetType()))
            ?? throw new InvalidOperationException($"No IValidator<{model.GetType().Name}> is registered; add an AbstractValidator<{model.GetType().Name}> to the Web assembly.");
        return validator.Validate(new ValidationContext<object>(model));
    }

    /// <summary>
    /// Maps a FluentValidation property path (<c>Address.Street</c>, <c>Items[2].Name</c>) to the
    /// field of the object that holds the property, as far as that object is reachable; otherwise
    /// to a field of the model named by the whole path.
    /// </summary>
    internal static FieldIdentifier ToFieldIdentifier(object model, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return new FieldIdentifier(model, string.Empty);
        }

        var holder = model;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var next = ReadSegment(holder, segments[i]);
            if (next is null)
            {
                return new FieldIdentifier(model, path);
            }

            holder = next;
        }

        var last = segments[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0)
        {
            // "Tags[1]": the collection property is the field.
            last = last[..bracket];
        }

        return new FieldIdentifier(holder, last);
    }

    private static object? ReadSegment(object holder, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket > 0 ? segment[..bracket] : segment;
        var value = holder.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(holder);
        if (bracket > 0 && value is IList list && int.TryParse(segment[(bracket + 1)..^1], out var index))
        {
            return index >= 0 && index < list.Count ? list[index] : null;
        }

        return bracket > 0 ? null : value;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using EmploymentPortal.Domain.ValueObjects;

namespace EmploymentPortal.Policies.Evaluation.Batch;

/// <summary>
/// The fact names a batch supplies, each at a fixed slot of a <see cref="FactRow"/>. A
/// <see cref="CompiledRule"/> resolves the names it reads to slots once, so a batch reads facts
/// by index, not by walking a JSON object. Names are the dotted camelCase names of
/// docs/policies/facts.md; <c>history.payments</c> is not a slot (see <see cref="FactRow.Payments"/>).
/// </summary>
public sealed class FactLayout
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">A name is empty, repeated, under <c>history</c>, or a group of another name.</exception>
    public FactLayout(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = new List<string>();
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Split('.').Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException($"'{name}' is not a fact name.", nameof(names));
            }

            if (name == "history" || name.StartsWith("history.", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}': history.payments is given as FactRow.Payments, not as a slot.", nameof(names));
            }

            if (!_slots.TryAdd(name, list.Count))
            {
                throw new ArgumentException($"'{name}' is listed twice.", nameof(names));
            }

            list.Add(name);
        }

        foreach (var name in list)
        {
            foreach (var other in list)
            {
                if (other.StartsWith(name + ".", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"'{name}' is a group of '{other}': a fact is either a value or a group.", nameof(names));
                }
            }
        }

        Names = list;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The slot of <paramref name="name"/>, or -1 when the layout does not have it (the fact is always absent).</summary>
    public int SlotOf(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;
}

/// <summary>The type of a value in a <see cref="FactRow"/> slot.</summary>
public enum FactKind : byte
{
    Absent,
    Bool,
    Number,
    Date,
    Text,
}

/// <summary>
/// An earlier payment for <see cref="FactRow.Payments"/>: the typed form of one record of
/// <c>history.payments</c> (docs/policies/facts.md).
/// </summary>
public sealed record PaymentRecord(
    string Rule,
    DateOnly? Date = null,
    string? PersonId = null,
    string? EnterpriseId = null,
    string? CommunityId = null,
    Money? Amount = null,
    decimal? Months = null);

/// <summary>
/// The facts of one person (or case) for a batch, typed and by slot of a <see cref="FactLayout"/>.
/// A batch worker keeps one row and overwrites its slots for each person; nothing is allocated
/// per person. A row means exactly what <see cref="ToJsonObject"/> gives to the
/// <see cref="EligibilityEvaluator"/> (dates as ISO strings, numbers as JSON numbers), and a
/// value read as another type is converted as <see cref="FactReader"/> converts the JSON (a
/// numeric text is a number, "true" a boolean, an ISO text a date; anything else is missing).
/// Not thread-safe: one row per thread.
/// </summary>
public sealed class FactRow
{
    private struct Slot
    {
        public FactKind Kind;
        public bool Bool;
        public DateOnly Date;
        public decimal Number;
        public string? Text;
    }

    private readonly Slot[] _slots;

    public FactRow(FactLayout layout)
    {
        Layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _slots = new Slot[layout.Count];
    }

    public FactLayout Layout { get; }

    /// <summary>The earlier payments (<c>history.payments</c>) for once-only rules and month caps; usually empty in a batch.</summary>
    public List<PaymentRecord> Payments { get; } = [];

    public FactKind KindOf(int slot) => _slots[slot].Kind;

    public void Set(int slot, bool value) => _slots[slot] = new Slot { Kind = FactKind.Bool, Bool = value };

    public void Set(int slot, decimal value) => _slots[slot] = new Slot { Kind = FactKind.Number, Number = value };

    public void Set(int slot, DateOnly value) => _slots[slot] = new Slot { Kind = FactKind.Date, Date = value };

    /// <summary>A text value; null clears the slot (a JSON null is a missing fact).</summary>
    public void Set(int slot, string? value) =>
        _slots[slot] = value is null ? default : new Slot { Kind = FactKind.Text, Text = value };

    public void Clear(int slot) => _slots[slot] = default;

    /// <summary>Clears every slot and the payments.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Payments.Clear();
    }

    /// <summary>
    /// The JSON facts object this row stands for (the evaluator's input): nested by the parts of
    /// each name, dates as <c>yyyy-MM-dd</c> strings, <c>history.payments</c> when there are payments.
    /// </summary>
    public JsonObject ToJsonObject()
    {
        var root = new JsonObject();
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            JsonNode? value = slot.Kind switch
            {
                FactKind.Bool => JsonValue.Create(slot.Bool),
                FactKind.Number => JsonValue.Create(slot.Number),
                FactKind.Date => JsonValue.Create(Iso(slot.Date)),
                FactKind.Text => JsonValue.Create(slot.Text),
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            var parts = Layout.Names[i].Split('.');
            var node = root;
            for (var p = 0; p < parts.Length - 1; p++)
            {
                if (node[parts[p]] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[parts[p]] = child;
                }

                node = child;
            }

            node[parts[^1]] = value;
        }

        if (Payments.Count > 0)
        {
            var payments = new JsonArray();
            foreach (var payment in Payments)
            {
                var record = new JsonObject { ["rule"] = payment.Rule };
                if (payment.Date is { } date) record["date"] = Iso(date);
                if (payment.PersonId is { } person) record["personId"] = person;
                if (payment.EnterpriseId is { } enterprise) record["enterpriseId"] = enterprise;
                if (payment.CommunityId is { } community) record["communityId"] = community;
                if (payment.Amount is { } amount) record["amountFen"] = amount.Fen;
                if (payment.Months is { } months) record["months"] = months;
                payments.Add(record);
            }

            root["history"] = new JsonObject { ["payments"] = payments };
        }

        return root;
    }

    // The readers below convert as FactReader converts the JSON of ToJsonObject. Slot -1: absent.

    internal bool TryDate(int slot, out DateOnly date)
    {
        date = default;
        if (slot < 0)
        {
            return false;
        }

        ref readonly var s = ref _slots[slot];
        switch (s.Kind)
        {
            case FactKind.Date:
                date = s.Date;
                return true;
            case FactKind.Text:
                return FactReader.TryParseIsoDate(s.Text!, out date);
            default:
                return false;
        }
    }

    internal bool TryNumber(int slot, out decimal number)
    {
        number = 0;
        if (slot < 0)
        {
            return false;
        }

        ref readonly var s = ref _slots[slot];
        switch (s.Kind)
        {
            case FactKind.Number:
                number = s.Number;
                return true;
            case FactKind.Text:
                return decimal.TryParse(s.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
            default:
                // An ISO date string is never a number (its inner hyphens fail NumberStyles.Number).
                return false;
        }
    }

    internal bool TryBool(int slot, out bool value)
    {
        value = false;
        if (slot < 0)
        {
            return false;
        }

        ref readonly var s = ref _slots[slot];
        switch (s.Kind)
        {
            case FactKind.Bool:
                value = s.Bool;
                return true;
            case FactKind.Text:
                return bool.TryParse(s.Text, out value);
            default:
                return false;
        }
    }

    /// <summary>Text as FactReader.Text reads it: a string, or the JSON text of a number; a boolean is missing.</summary>
    internal string? Text(int slot)
    {
        if (slot < 0)
        {
            return null;
        }

        ref readonly var s = ref _slots[slot];
        return s.Kind switch
        {
            FactKind.Text => s.Text,
            FactKind.Number => s.Number.ToString(CultureInfo.InvariantCulture),
            FactKind.Date => Iso(s.Date),
            _ => null,
        };
    }

    private static string Iso(DateOnly date) => Wording.Iso(date);
}

namespace EmploymentPortal.Domain.Common;

/// <summary>Partial selection: the first few items of a list in order, without sorting the rest.</summary>
public static class Selection
{
    /// <summary>
    /// The <paramref name="count"/> smallest items of <paramref name="items"/> under
    /// <paramref name="comparer"/>, in ascending order: the same as sorting and taking the first
    /// <paramref name="count"/> when the comparer is a total order. A bounded heap keeps the
    /// <paramref name="count"/> best seen so far (n log k instead of n log n); a large count sorts.
    /// May reorder <paramref name="items"/>, and may return it.
    /// </summary>
    public static List<T> Smallest<T>(List<T> items, int count, IComparer<T> comparer)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(comparer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count >= items.Count / 4)
        {
            items.Sort(comparer);
            if (count < items.Count)
            {
                items.RemoveRange(count, items.Count - count);
            }

            return items;
        }

        // The heap's root is the largest of the kept items: a max-heap through the reversed comparer.
        var heap = new PriorityQueue<T, T>(count + 1, Comparer<T>.Create((a, b) => comparer.Compare(b, a)));
        foreach (var item in items)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(item, item);
            }
            else if (count > 0 && comparer.Compare(item, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(item, item);
            }
        }

        var result = new T[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return [.. result];
    }
}

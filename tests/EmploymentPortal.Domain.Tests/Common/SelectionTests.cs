using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.Tests.Common;

public sealed class SelectionTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(10, 3)]
    [InlineData(2300, 0)]
    [InlineData(2300, 1)]
    [InlineData(2300, 50)]
    [InlineData(2300, 574)]
    [InlineData(2300, 575)]
    [InlineData(2300, 2300)]
    [InlineData(2300, 5000)]
    public void Smallest_equals_sorting_and_taking_the_first(int length, int count)
    {
        var random = new Random((length * 31) + count);
        // Few distinct keys, so ties are decided by the second key as a real comparer does.
        var items = Enumerable.Range(0, length).Select(i => (Key: random.Next(40), Id: i)).ToList();
        var comparer = Comparer<(int Key, int Id)>.Create(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Id.CompareTo(b.Id));
        var expected = items.Order(comparer).Take(count).ToList();

        var actual = Selection.Smallest(items.ToList(), count, comparer);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_negative_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Smallest([1, 2, 3], -1, Comparer<int>.Default));
}

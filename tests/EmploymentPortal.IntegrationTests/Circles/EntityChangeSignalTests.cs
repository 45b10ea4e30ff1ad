using EmploymentPortal.Data;
using EmploymentPortal.Domain.Enterprises;
using EmploymentPortal.Domain.Vacancies;

namespace EmploymentPortal.IntegrationTests.Circles;

/// <summary>The change log the in-memory board patches from (<see cref="EntityChangeSignal"/>).</summary>
public sealed class EntityChangeSignalTests
{
    [Fact]
    public void The_keys_saved_since_a_version_are_given_per_type()
    {
        var signal = new EntityChangeSignal();
        signal.Track(typeof(Vacancy));
        signal.Track(typeof(Enterprise));
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.True(signal.TryChangedSince(typeof(Vacancy), 0, out var none));
        Assert.Empty(none);

        signal.Changed([(typeof(Vacancy), a), (typeof(Enterprise), c)]);
        var afterFirst = signal.VersionOf(typeof(Vacancy));
        signal.Changed([(typeof(Vacancy), b), (typeof(Vacancy), a)]);

        Assert.True(signal.TryChangedSince(typeof(Vacancy), 0, out var all));
        Assert.Equal(new HashSet<object> { a, b }, all);
        Assert.True(signal.TryChangedSince(typeof(Vacancy), afterFirst, out var later));
        Assert.Equal(new HashSet<object> { a, b }, later);
        Assert.True(signal.TryChangedSince(typeof(Vacancy), signal.VersionOf(typeof(Vacancy)), out var latest));
        Assert.Empty(latest);
        Assert.True(signal.TryChangedSince(typeof(Enterprise), 0, out var enterprises));
        Assert.Equal(new HashSet<object> { c }, enterprises);
    }

    [Fact]
    public void A_reader_behind_more_keys_than_are_kept_must_reload_everything()
    {
        var signal = new EntityChangeSignal();
        signal.Track(typeof(Vacancy));
        signal.Changed([(typeof(Vacancy), Guid.NewGuid())]);
        var old = signal.VersionOf(typeof(Vacancy));
        for (var i = 0; i < EntityChangeSignal.KeysKept; i++)
        {
            signal.Changed([(typeof(Vacancy), Guid.NewGuid())]);
        }

        Assert.False(signal.TryChangedSince(typeof(Vacancy), 0, out _));
        Assert.True(signal.TryChangedSince(typeof(Vacancy), old, out var recent));
        Assert.Equal(EntityChangeSignal.KeysKept, recent.Count);

        signal.Changed([(typeof(Vacancy), Guid.NewGuid())]);
        Assert.False(signal.TryChangedSince(typeof(Vacancy), old, out _));
    }

    [Fact]
    public void The_keys_of_an_untracked_type_are_counted_not_kept()
    {
        var signal = new EntityChangeSignal();
        signal.Changed([(typeof(Enterprise), Guid.NewGuid())]);

        Assert.Equal(1, signal.VersionOf(typeof(Enterprise)));
        Assert.False(signal.TryChangedSince(typeof(Enterprise), 0, out _));
    }

    [Fact]
    public void A_change_without_a_single_key_cannot_be_followed_by_key()
    {
        var signal = new EntityChangeSignal();
        signal.Track(typeof(Vacancy));
        signal.Changed([(typeof(Vacancy), Guid.NewGuid())]);
        var before = signal.VersionOf(typeof(Vacancy));
        signal.Changed([(typeof(Vacancy), null)]);

        Assert.False(signal.TryChangedSince(typeof(Vacancy), before, out _));
        Assert.True(signal.TryChangedSince(typeof(Vacancy), signal.VersionOf(typeof(Vacancy)), out _));
    }
}

namespace EmploymentPortal.E2ETests;

/// <summary>
/// The portal's clock in the suite: the system clock, or the system clock moved to a chosen
/// moment (<see cref="Set"/>), still running from there. A test that moves it puts it back with
/// <see cref="Reset"/> in a <c>finally</c>, so the tests after it see real time again (the suite
/// runs its tests one after the other).
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>From now on the portal's time is <paramref name="now"/> (and runs on).</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - TimeProvider.System.GetUtcNow()).Ticks);

    /// <summary>Back to the system clock.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

using System.Collections.Concurrent;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// The sign-in limits (section <c>SignIn</c>; docs/security.md#8-login-cannot-be-abused). Failed
/// sign-ins are counted three ways; each limit, once reached within its window, refuses for its
/// lockout time and starts counting afresh.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Failures from one address, whatever the accounts, before the address gets 429.</summary>
    public int AddressFailures { get; set; } = 20;

    /// <summary>The address limit's window and how long the address is then refused.</summary>
    public int AddressWindowMinutes { get; set; } = 15;

    /// <summary>Failures on one account from one address before that address is locked out of it.</summary>
    public int AccountAddressFailures { get; set; } = 5;

    /// <summary>The account-and-address limit's window and its lockout.</summary>
    public int AccountAddressWindowMinutes { get; set; } = 15;

    /// <summary>Failures on one account from all addresses before the account is locked for everyone.</summary>
    public int AccountFailures { get; set; } = 10;

    /// <summary>The window in which <see cref="AccountFailures"/> count.</summary>
    public int AccountWindowMinutes { get; set; } = 15;

    /// <summary>How long the account is locked for everyone: the most a stranger can keep its owner out.</summary>
    public int AccountLockoutMinutes { get; set; } = 5;

    public TimeSpan AccountLockout => TimeSpan.FromMinutes(AccountLockoutMinutes);

    public static SignInThrottleOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<SignInThrottleOptions>() ?? new SignInThrottleOptions();
        int[] values = [options.AddressFailures, options.AddressWindowMinutes, options.AccountAddressFailures, options.AccountAddressWindowMinutes, options.AccountFailures, options.AccountWindowMinutes, options.AccountLockoutMinutes];
        if (values.Any(v => v <= 0))
        {
            throw new InvalidOperationException("SignIn: every limit, window and lockout must be positive.");
        }

        return options;
    }
}

/// <summary>
/// Counts failed sign-ins in memory, per client address (<c>HttpContext.Connection.RemoteIpAddress</c>,
/// which the forwarded-headers middleware fills from a trusted proxy), per account from one
/// address, and per account from all addresses, on the injected clock. Account names are counted
/// whether or not the account exists, so the limits reveal nothing about which accounts exist.
/// Only failures count: an office behind one address is not throttled by its colleagues' good
/// sign-ins. Counts are per process (each instance counts its own); the account lock is also
/// written to the user's <c>LockoutEnd</c> by <see cref="LoginFlow"/>, which every instance reads.
/// </summary>
public sealed class SignInThrottle
{
    private const char Separator = '\n';

    private readonly TimeProvider _time;
    private readonly Counter _addresses;
    private readonly Counter _accountAddresses;
    private readonly Counter _accounts;

    public SignInThrottle(SignInThrottleOptions options, TimeProvider time)
    {
        _time = time;
        _addresses = new Counter(options.AddressFailures, TimeSpan.FromMinutes(options.AddressWindowMinutes), TimeSpan.FromMinutes(options.AddressWindowMinutes));
        _accountAddresses = new Counter(options.AccountAddressFailures, TimeSpan.FromMinutes(options.AccountAddressWindowMinutes), TimeSpan.FromMinutes(options.AccountAddressWindowMinutes));
        _accounts = new Counter(options.AccountFailures, TimeSpan.FromMinutes(options.AccountWindowMinutes), options.AccountLockout);
    }

    /// <summary>What a failure set off: the ends of the locks it started, if any.</summary>
    public sealed record Trips(DateTimeOffset? AddressBlockedUntil, DateTimeOffset? AccountAddressLockedUntil, DateTimeOffset? AccountLockedUntil)
    {
        public bool Any => AddressBlockedUntil is not null || AccountAddressLockedUntil is not null || AccountLockedUntil is not null;
    }

    /// <summary>How long the address is still refused, or null when it may try.</summary>
    public TimeSpan? AddressRefusedFor(string address) => _addresses.LockedFor(address, _time.GetUtcNow());

    /// <summary>Whether the account is locked for everyone or for this address (a memory check, the same for every name).</summary>
    public bool IsAccountLocked(string account, string address)
    {
        var now = _time.GetUtcNow();
        return _accounts.LockedFor(account, now) is not null || _accountAddresses.LockedFor(account + Separator + address, now) is not null;
    }

    public Trips RecordFailure(string account, string address)
    {
        var now = _time.GetUtcNow();
        return new Trips(
            _addresses.Fail(address, now),
            _accountAddresses.Fail(account + Separator + address, now),
            _accounts.Fail(account, now));
    }

    /// <summary>
    /// A refusal of a locked account counts against the address only: it does not lengthen the
    /// account's lock, but an address that keeps trying is soon refused before any password is hashed.
    /// </summary>
    public DateTimeOffset? RecordRefusal(string address) => _addresses.Fail(address, _time.GetUtcNow());

    /// <summary>A good sign-in clears its address's failures on the account (not the account's, nor the address's).</summary>
    public void Succeeded(string account, string address) => _accountAddresses.Forget(account + Separator + address);

    /// <summary>An administrator unlocked the account or reset its password: its counts here start afresh.</summary>
    public void Forgive(string account)
    {
        _accounts.Forget(account);
        _accountAddresses.ForgetWhere(key => key.StartsWith(account + Separator, StringComparison.Ordinal));
    }

    private sealed class Counter(int limit, TimeSpan window, TimeSpan lockout)
    {
        /// <summary>Above this many keys, those with nothing left to count are swept out.</summary>
        private const int SweepAbove = 50_000;

        private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

        public TimeSpan? LockedFor(string key, DateTimeOffset now) =>
            _states.TryGetValue(key, out var state) && state.LockedUntil(now) is { } until ? until - now : null;

        /// <summary>Counts a failure; returns the lock's end when this failure reached the limit.</summary>
        public DateTimeOffset? Fail(string key, DateTimeOffset now)
        {
            var tripped = _states.GetOrAdd(key, static _ => new State()).Fail(now, limit, window, lockout);
            if (_states.Count > SweepAbove)
            {
                ForgetWhere(k => _states.TryGetValue(k, out var s) && s.IsIdle(now, window));
            }

            return tripped;
        }

        public void Forget(string key) => _states.TryRemove(key, out _);

        public void ForgetWhere(Func<string, bool> predicate)
        {
            foreach (var key in _states.Keys.Where(predicate).ToList())
            {
                _states.TryRemove(key, out _);
            }
        }
    }

    private sealed class State
    {
        private readonly Lock _lock = new();
        private readonly Queue<DateTimeOffset> _failures = new();
        private DateTimeOffset _lockedUntil = DateTimeOffset.MinValue;

        public DateTimeOffset? LockedUntil(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _lockedUntil > now ? _lockedUntil : null;
            }
        }

        public DateTimeOffset? Fail(DateTimeOffset now, int limit, TimeSpan window, TimeSpan lockout)
        {
            lock (_lock)
            {
                while (_failures.TryPeek(out var oldest) && oldest <= now - window)
                {
                    _failures.Dequeue();
                }

                _failures.Enqueue(now);
                if (_failures.Count < limit)
                {
                    return null;
                }

                _failures.Clear();
                _lockedUntil = now + lockout;
                return _lockedUntil;
            }
        }

        public bool IsIdle(DateTimeOffset now, TimeSpan window)
        {
            lock (_lock)
            {
                return _lockedUntil <= now && (_failures.Count == 0 || _failures.Last() <= now - window);
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Infrastructure.Security;

/// <summary>
/// Is the session in this cookie (or circuit) still open? Asked on every authenticated request
/// and by every open page at its revalidation. The answer comes from memory: one query reads a
/// user's open sessions (and whether the account is disabled) and is trusted for
/// <see cref="PortalSessionOptions.CheckInterval"/>, so a user costs at most one query per
/// interval however many requests they make. A session ended in this process
/// (<see cref="UserSessionSignal"/>) is forgotten at once; one ended by another instance is seen
/// within the interval.
/// </summary>
public sealed class SessionCheck : IDisposable
{
    /// <summary>Above this many cached users, entries past their interval are swept out.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly PortalSessionOptions _options;
    private readonly UserSessionSignal _signal;
    private readonly Lock _lock = new();
    private long _generation;

    public SessionCheck(IServiceScopeFactory scopes, TimeProvider time, PortalSessionOptions options, UserSessionSignal signal)
    {
        _scopes = scopes;
        _time = time;
        _options = options;
        _signal = signal;
        _signal.SessionsChanged += Forget;
    }

    /// <summary>The cookie handler's principal validation: a closed session signs the request out.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var check = context.HttpContext.RequestServices.GetRequiredService<SessionCheck>();
        if (context.Principal is null || !await check.IsOpenAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(PortalClaimTypes.Session), out var id) ? id : null;

    public async ValueTask<bool> IsOpenAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || SessionId(principal) is not { } sessionId)
        {
            // A cookie without a session (issued before sessions existed) is not honoured.
            return false;
        }

        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(userId, out var cached) && cached.IsFresh(now, _options.CheckInterval))
        {
            if (cached.Open.TryGetValue(sessionId, out var expiresAt))
            {
                return now < expiresAt;
            }

            if (cached.Closed.ContainsKey(sessionId))
            {
                return false;
            }

            // Not known when the entry was read: a sign-in since then, here or on another instance.
        }

        var entry = await LoadAsync(userId, now, cancellationToken);
        if (entry.Open.TryGetValue(sessionId, out var end))
        {
            return now < end;
        }

        entry.Closed.TryAdd(sessionId, 0);
        return false;
    }

    public void Dispose() => _signal.SessionsChanged -= Forget;

    private async Task<Entry> LoadAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        var open = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now && !db.Users.Any(u => u.Id == userId && u.IsDisabled))
            .Select(s => new { s.Id, s.ExpiresAt })
            .ToDictionaryAsync(s => s.Id, s => s.ExpiresAt, cancellationToken);
        var entry = new Entry(now, open);

        // A session ended while this query ran may be in its result: keep the result only if
        // nothing ended meanwhile (it still answers this one request).
        lock (_lock)
        {
            if (_generation == generation)
            {
                _entries[userId] = entry;
            }
        }

        if (_entries.Count > SweepAbove)
        {
            foreach (var (key, value) in _entries)
            {
                if (!value.IsFresh(now, _options.CheckInterval))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }

        return entry;
    }

    private void Forget(IReadOnlyCollection<string> userIds)
    {
        lock (_lock)
        {
            _generation++;
            foreach (var userId in userIds)
            {
                _entries.TryRemove(userId, out _);
            }
        }
    }

    private sealed record Entry(DateTimeOffset LoadedAt, Dictionary<Guid, DateTimeOffset> Open)
    {
        /// <summary>Sessions asked about and found closed since the load, so replaying an old cookie costs no query.</summary>
        public ConcurrentDictionary<Guid, byte> Closed { get; } = new();

        /// <summary>Fresh for the interval; a clock that went back (tests move it) reads again.</summary>
        public bool IsFresh(DateTimeOffset now, TimeSpan interval) => now >= LoadedAt && now - LoadedAt < interval;
    }
}

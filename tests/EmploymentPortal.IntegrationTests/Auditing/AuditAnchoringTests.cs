using System.Text.Json;
using System.Threading.Channels;
using EmploymentPortal.Data;
using EmploymentPortal.Data.Auditing;
using EmploymentPortal.IntegrationTests.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmploymentPortal.IntegrationTests.Auditing;

/// <summary>
/// The anchors of the audit chain: appended to an owner-only file, never rewritten, only when the
/// head moved; written periodically on the injected clock and to the log as a structured event.
/// </summary>
public abstract class AuditAnchoringTests : IAsyncLifetime
{
    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;

    protected AuditAnchoringTests(DatabaseProvider provider)
    {
        _provider = provider;
    }

    private TestDatabase Database => _database!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_provider);
        await _database.MigrateAsync();
        await using var db = _database.CreateContext();
        await TestCity.AddCommunityAsync(db);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Anchors_are_appended_to_an_owner_only_file_only_when_the_head_moved()
    {
        await using var app = CommandHost.Build(Database);
        var anchoring = app.Services.GetRequiredService<AuditAnchorService>();

        var first = await anchoring.AnchorAsync();
        var unchanged = await anchoring.AnchorAsync();
        var written = await File.ReadAllBytesAsync(Database.AnchorFile);
        await MoveStationAsync();
        var second = await anchoring.AnchorAsync();

        Assert.Null(unchanged);
        Assert.Equal([3L, 4L], new[] { first!.Sequence, second!.Sequence });
        var now = await File.ReadAllBytesAsync(Database.AnchorFile);
        Assert.Equal(written, now.Take(written.Length));
        var lines = (await File.ReadAllLinesAsync(Database.AnchorFile)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        await using var db = Database.CreateContext();
        var head = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 4);
        Assert.Equal(4, lines[1].GetProperty("sequence").GetInt64());
        Assert.Equal(head.Hash, lines[1].GetProperty("hash").GetString());
        Assert.Equal(TestKeys.AuditChainId, lines[1].GetProperty("keyId").GetString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Database.AnchorFile));
        }
    }

    [Fact]
    public async Task Another_process_appends_to_the_anchor_file_and_skips_a_head_already_anchored()
    {
        await using (var first = CommandHost.Build(Database))
        {
            await first.Services.GetRequiredService<AuditAnchorService>().AnchorAsync();
        }

        var written = await File.ReadAllBytesAsync(Database.AnchorFile);
        await MoveStationAsync();
        await using (var second = CommandHost.Build(Database))
        {
            Assert.NotNull(await second.Services.GetRequiredService<AuditAnchorService>().AnchorAsync());
            Assert.Null(await second.Services.GetRequiredService<AuditAnchorService>().AnchorAsync());
        }

        var now = await File.ReadAllBytesAsync(Database.AnchorFile);
        Assert.Equal(written, now.Take(written.Length));
        Assert.Equal(2, (await File.ReadAllLinesAsync(Database.AnchorFile)).Length);
    }

    [Fact]
    public async Task The_portal_anchors_every_interval_on_its_clock_and_logs_each_anchor()
    {
        var clock = new ManualTimerClock();
        var log = new AnchorLog();
        await using var app = CommandHost.Build(
            Database,
            builder =>
            {
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Logging.AddProvider(log);
            },
            ("Audit:AnchorInterval", "00:02:00"));
        var anchoring = app.Services.GetRequiredService<AuditAnchorService>();

        await anchoring.StartAsync(CancellationToken.None);
        var atStart = await log.NextAsync();
        await MoveStationAsync();
        clock.Tick();
        var afterTick = await log.NextAsync();
        await anchoring.StopAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(2), clock.Period);
        Assert.Equal(3L, atStart["AuditSequence"]);
        Assert.Equal(4L, afterTick["AuditSequence"]);
        await using var db = Database.CreateContext();
        Assert.Equal((await db.AuditEntries.SingleAsync(e => e.Sequence == 4)).Hash, afterTick["AuditHash"]);
        Assert.Equal(TestKeys.AuditChainId, afterTick["AuditKeyId"]);
        Assert.Equal(2, (await File.ReadAllLinesAsync(Database.AnchorFile)).Length);
    }

    private async Task MoveStationAsync()
    {
        await using var db = Database.CreateContext();
        var community = await db.Communities.FirstAsync();
        community.MoveStation(28.61, 115.81, "新址");
        await db.SaveChangesAsync();
    }

    /// <summary>A clock whose timers fire when the test says.</summary>
    private sealed class ManualTimerClock : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];

        public TimeSpan? Period { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_timers)
            {
                _timers.Add((callback, state));
                Period = period;
            }

            return new Timer();
        }

        public void Tick()
        {
            lock (_timers)
            {
                foreach (var (callback, state) in _timers)
                {
                    callback(state);
                }
            }
        }

        private sealed class Timer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    /// <summary>The anchor events the portal logs, with their structured properties.</summary>
    private sealed class AnchorLog : ILoggerProvider
    {
        private readonly Channel<IReadOnlyDictionary<string, object?>> _events = Channel.CreateUnbounded<IReadOnlyDictionary<string, object?>>();

        public async Task<IReadOnlyDictionary<string, object?>> NextAsync() =>
            await _events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(AnchorLog owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId == AuditAnchorService.AnchorEvent && state is IReadOnlyList<KeyValuePair<string, object?>> properties)
                {
                    owner._events.Writer.TryWrite(properties.ToDictionary(p => p.Key, p => p.Value));
                }
            }
        }
    }
}

public sealed class SqliteAuditAnchoringTests : AuditAnchoringTests
{
    public SqliteAuditAnchoringTests()
        : base(DatabaseProvider.Sqlite)
    {
    }
}

public sealed class PostgresAuditAnchoringTests : AuditAnchoringTests
{
    public PostgresAuditAnchoringTests()
        : base(DatabaseProvider.Postgres)
    {
    }
}

using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EmploymentPortal.Data;

/// <summary>
/// Carries <see cref="EntityChangeSignal"/> across the web nodes of one PostgreSQL database
/// (issue 18): after a save, the node sends <c>NOTIFY portal_changes</c> with the entity types and
/// keys it changed (inside the save's transaction, so PostgreSQL delivers it only once the change
/// is committed, and never for a rollback), and every node listens on a connection of its own and
/// feeds what the others changed into its signal, so its in-memory read models (the vacancy
/// board, the job board's places, the rules' local values) refresh within moments instead of at
/// their next reload by age. SQLite runs one node and needs none of this.
/// </summary>
public sealed class EntityChangeFeed
{
    /// <summary>The PostgreSQL channel.</summary>
    public const string Channel = "portal_changes";

    /// <summary>PostgreSQL refuses a payload of 8000 bytes or more; a longer change list is sent without its keys (the nodes reload those types whole).</summary>
    public const int MaxPayloadBytes = 7000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    public EntityChangeFeed(EntityChangeSignal signal)
    {
        Signal = signal;
    }

    /// <summary>This node's id: a node ignores its own notifications (its signal already counted them).</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    public EntityChangeSignal Signal { get; }

    /// <summary>The notification of one save: the node, and per entity type its changed keys (null when unknown or too many).</summary>
    public string Payload(IEnumerable<(Type Type, object? Key)> changes)
    {
        var message = new Message(
            NodeId,
            changes.GroupBy(c => c.Type.FullName ?? c.Type.Name)
                .Select(g =>
                {
                    var kinds = g.Select(c => KindOf(c.Key)).Distinct().ToList();
                    return kinds is [{ } kind]
                        ? new Change(g.Key, kind, g.Select(c => Convert.ToString(c.Key, System.Globalization.CultureInfo.InvariantCulture)!).Distinct().ToList())
                        : new Change(g.Key, null, null);
                })
                .ToList());
        var json = JsonSerializer.Serialize(message);
        return System.Text.Encoding.UTF8.GetByteCount(json) < MaxPayloadBytes
            ? json
            : JsonSerializer.Serialize(message with { Changes = message.Changes.Select(c => c with { Keys = null }).ToList() });
    }

    /// <summary>
    /// Feeds a notification from another node into the signal; false for this node's own, an
    /// unreadable one, or one naming no type this portal knows.
    /// </summary>
    public bool Receive(string payload)
    {
        Message? message;
        try
        {
            message = JsonSerializer.Deserialize<Message>(payload);
        }
        catch (JsonException)
        {
            return false;
        }

        if (message is null || message.Node == NodeId || message.Changes is null)
        {
            return false;
        }

        var changes = new List<(Type Type, object? Key)>();
        foreach (var change in message.Changes)
        {
            if (change.Type is null || TypeNamed(change.Type) is not { } type)
            {
                continue;
            }

            if (change.Keys is null || change.KeyKind is null)
            {
                changes.Add((type, null));
                continue;
            }

            changes.AddRange(change.Keys.Select(k => (type, ParseKey(k, change.KeyKind))));
        }

        if (changes.Count == 0)
        {
            return false;
        }

        Signal.Changed(changes);
        return true;
    }

    /// <summary>Counts every type the signal knows as changed with unknown keys: after a lost connection, whatever was missed is reloaded.</summary>
    public void ChangedEverything() => Signal.ChangedEverything();

    /// <summary>An entity type of the portal by its full name (the portal's own assemblies only).</summary>
    private static Type? TypeNamed(string fullName) =>
        Types.GetOrAdd(fullName, static name =>
            new[] { typeof(PortalDbContext).Assembly, typeof(Domain.Common.Entity).Assembly, typeof(Microsoft.AspNetCore.Identity.IdentityRole).Assembly }
                .Select(a => a.GetType(name, throwOnError: false))
                .FirstOrDefault(t => t is not null));

    private static string? KindOf(object? key) => key switch
    {
        Guid => "g",
        string => "s",
        int => "i",
        long => "l",
        _ => null,
    };

    private static object? ParseKey(string text, string kind) => kind switch
    {
        "g" => Guid.TryParse(text, out var g) ? g : null,
        "s" => text,
        "i" => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null,
        "l" => long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : null,
        _ => null,
    };

    private sealed record Message(Guid Node, List<Change> Changes);

    private sealed record Change(string? Type, string? KeyKind, List<string>? Keys);
}

/// <summary>
/// Listens on <see cref="EntityChangeFeed.Channel"/> on a connection of its own (PostgreSQL only)
/// and reconnects after a loss, counting everything as changed then, since notifications sent
/// while it was away are lost.
/// </summary>
public sealed class EntityChangeListener(EntityChangeFeed feed, PortalConnection connection, ILogger<EntityChangeListener> logger) : BackgroundService
{
    /// <summary>True once the node listens (a test waits for it).</summary>
    public bool Listening { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString);
                await listener.OpenAsync(stoppingToken);
                listener.Notification += (_, e) =>
                {
                    if (e.Channel == EntityChangeFeed.Channel)
                    {
                        feed.Receive(e.Payload);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {EntityChangeFeed.Channel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (delay > TimeSpan.FromSeconds(1))
                {
                    // Back after a loss: what the other nodes changed meanwhile was not heard.
                    feed.ChangedEverything();
                }

                Listening = true;
                delay = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await listener.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or InvalidOperationException)
            {
                Listening = false;
                logger.LogWarning(e, "Lost the change feed from the other web nodes; listening again in {Delay} s.", delay.TotalSeconds);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}

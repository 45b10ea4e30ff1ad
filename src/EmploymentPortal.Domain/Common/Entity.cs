namespace EmploymentPortal.Domain.Common;

/// <summary>
/// Base of every persisted domain entity. Identifiers are time-ordered GUIDs (version 7) created
/// by the application, so an entity knows its id before it is saved (the audit log records it in
/// the same transaction) and inserts stay index-friendly on both database providers.
/// </summary>
public abstract class Entity
{
    protected Entity()
    {
        Id = Guid.CreateVersion7();
    }

    protected Entity(Guid id)
    {
        Id = id;
    }

    public Guid Id { get; private set; }
}

/// <summary>
/// An entity that is changed after it is created. <see cref="Version"/> is the optimistic
/// concurrency token: the data layer increments it on every update and includes the old value in
/// the UPDATE's WHERE clause, so a concurrent change of the same row fails with a conflict on
/// both SQLite and PostgreSQL.
/// </summary>
public abstract class AggregateRoot : Entity
{
    protected AggregateRoot()
    {
    }

    protected AggregateRoot(Guid id)
        : base(id)
    {
    }

    public long Version { get; private set; }
}

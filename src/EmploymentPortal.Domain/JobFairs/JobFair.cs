using EmploymentPortal.Domain.Common;

namespace EmploymentPortal.Domain.JobFairs;

/// <summary>
/// A job fair (招聘会): date, place, the enterprises that took part with the posts they offered,
/// and the employment intentions reached (达成就业意向). Yearly counts are compared with the
/// configured targets (Jieshou: 每年举办招聘会不少于72场次，达成就业意向不少于810人, 002 一、(二)).
/// </summary>
public sealed class JobFair : AggregateRoot
{
    private readonly List<JobFairParticipant> _participants = [];
    private readonly List<JobFairIntention> _namedIntentions = [];

    private JobFair()
    {
        Name = string.Empty;
        Place = string.Empty;
    }

    public JobFair(string name, DateOnly date, string place)
    {
        Name = name.Trim();
        Date = date;
        Place = place.Trim();
    }

    public string Name { get; private set; }

    public DateOnly Date { get; private set; }

    public string Place { get; private set; }

    public IReadOnlyList<JobFairParticipant> Participants => _participants;

    /// <summary>The intentions recorded by person: which resident reached one with which enterprise and post.</summary>
    public IReadOnlyList<JobFairIntention> NamedIntentions => _namedIntentions;

    public int PostsOffered => _participants.Sum(p => p.PostsOffered);

    public int Intentions => _participants.Sum(p => p.Intentions);

    /// <summary>Records an enterprise's participation, or replaces its figures when it is listed already.</summary>
    /// <exception cref="DomainException">Negative figures, or more intentions than posts offered.</exception>
    public void RecordParticipant(Guid enterpriseId, int postsOffered, int intentions)
    {
        if (postsOffered < 0 || intentions < 0)
        {
            throw new DomainException("job-fair-figures", "岗位数和意向人数不能为负数。");
        }

        if (intentions > postsOffered)
        {
            throw new DomainException("job-fair-figures", "达成就业意向的人数不能多于提供的岗位数。");
        }

        var existing = _participants.FirstOrDefault(p => p.EnterpriseId == enterpriseId);
        if (existing is not null)
        {
            var named = NamedWith(enterpriseId);
            if (intentions < named)
            {
                throw new DomainException("job-fair-named-intentions", $"该企业已有 {named} 人的就业意向登记到人，意向人数不能少于 {named}。");
            }

            existing.Update(postsOffered, intentions);
            return;
        }

        _participants.Add(new JobFairParticipant(Id, enterpriseId, postsOffered, intentions));
    }

    /// <summary>
    /// Records that <paramref name="residentId"/> reached an employment intention (达成就业意向)
    /// with a participating enterprise for <paramref name="post"/>. The people the portal holds are
    /// among those the enterprise's figure counts: when more are named than the figure says, the
    /// figure rises with them, never above the posts the enterprise offered.
    /// </summary>
    /// <exception cref="DomainException">The enterprise did not take part, the post is empty or too long, the same intention is recorded already, or the posts offered would be exceeded.</exception>
    public JobFairIntention RecordIntention(Guid residentId, Guid enterpriseId, string post, DateTimeOffset recordedAt, string recordedBy)
    {
        var participant = _participants.FirstOrDefault(p => p.EnterpriseId == enterpriseId)
            ?? throw new DomainException("job-fair-not-participant", "该企业没有参加这场招聘会。");
        var title = (post ?? string.Empty).Trim();
        if (title.Length is 0 or > JobFairIntention.MaxPostLength)
        {
            throw new DomainException("job-fair-intention-post", $"请填写意向岗位（不超过 {JobFairIntention.MaxPostLength} 个字符）。");
        }

        if (_namedIntentions.Any(i => i.ResidentId == residentId && i.EnterpriseId == enterpriseId && string.Equals(i.Post, title, StringComparison.Ordinal)))
        {
            throw new DomainException("job-fair-intention-duplicate", "该居民在这场招聘会上与该企业的这个岗位已登记过就业意向。");
        }

        var named = NamedWith(enterpriseId) + 1;
        if (named > participant.PostsOffered)
        {
            throw new DomainException("job-fair-intention-posts", $"该企业在这场招聘会上提供 {participant.PostsOffered} 个岗位，登记到人的意向不能多于岗位数。");
        }

        var intention = new JobFairIntention(Id, residentId, enterpriseId, title, recordedAt, recordedBy);
        _namedIntentions.Add(intention);
        if (participant.Intentions < named)
        {
            participant.Update(participant.PostsOffered, named);
        }

        return intention;
    }

    private int NamedWith(Guid enterpriseId) => _namedIntentions.Count(i => i.EnterpriseId == enterpriseId);
}

/// <summary>One resident's employment intention reached at a job fair (达成就业意向), with which enterprise and post.</summary>
public sealed class JobFairIntention : Entity
{
    public const int MaxPostLength = 100;

    private JobFairIntention()
    {
        Post = string.Empty;
        RecordedBy = string.Empty;
    }

    internal JobFairIntention(Guid jobFairId, Guid residentId, Guid enterpriseId, string post, DateTimeOffset recordedAt, string recordedBy)
    {
        JobFairId = jobFairId;
        ResidentId = residentId;
        EnterpriseId = enterpriseId;
        Post = post;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid JobFairId { get; private set; }

    public Guid ResidentId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    /// <summary>The post the intention is for (意向岗位).</summary>
    public string Post { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Who recorded it (display name).</summary>
    public string RecordedBy { get; private set; }
}

/// <summary>One enterprise at a job fair.</summary>
public sealed class JobFairParticipant : Entity
{
    private JobFairParticipant()
    {
    }

    internal JobFairParticipant(Guid jobFairId, Guid enterpriseId, int postsOffered, int intentions)
    {
        JobFairId = jobFairId;
        EnterpriseId = enterpriseId;
        PostsOffered = postsOffered;
        Intentions = intentions;
    }

    public Guid JobFairId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public int PostsOffered { get; private set; }

    /// <summary>达成就业意向的人数.</summary>
    public int Intentions { get; private set; }

    internal void Update(int postsOffered, int intentions)
    {
        PostsOffered = postsOffered;
        Intentions = intentions;
    }
}

/// <summary>Yearly targets of job fairs; the defaults are Jieshou's (002 一、(二) and the task table, item 3).</summary>
public sealed record JobFairTargets(int FairsPerYear = 72, int IntentionsPerYear = 810);

/// <summary>A year's job fairs against the targets.</summary>
public sealed record JobFairYear(int Year, int Fairs, int PostsOffered, int Intentions, JobFairTargets Targets)
{
    public bool FairsMet => Fairs >= Targets.FairsPerYear;

    public bool IntentionsMet => Intentions >= Targets.IntentionsPerYear;
}

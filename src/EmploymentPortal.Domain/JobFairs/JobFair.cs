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
            existing.Update(postsOffered, intentions);
            return;
        }

        _participants.Add(new JobFairParticipant(Id, enterpriseId, postsOffered, intentions));
    }
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

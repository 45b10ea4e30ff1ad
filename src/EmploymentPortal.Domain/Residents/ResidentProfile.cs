namespace EmploymentPortal.Domain.Residents;

/// <summary>College details of a graduate (高校毕业生): school, major, graduation and leaving dates.</summary>
/// <param name="School">毕业院校</param>
/// <param name="Major">所学专业</param>
/// <param name="GraduatedOn">毕业时间</param>
/// <param name="LeftSchoolOn">离校时间, the start of “离校2年内”.</param>
public sealed record GraduateDetails(string School, string Major, DateOnly GraduatedOn, DateOnly LeftSchoolOn);

/// <summary>
/// The facts a station records about a resident besides identity: hukou, address, education and
/// the circumstances that put a person into a key group. Validated in shape before it reaches the
/// domain (FluentValidation); the domain checks the rules between the facts.
/// </summary>
public sealed record ResidentProfile
{
    public HukouType? HukouType { get; init; }

    /// <summary>户籍地址.</summary>
    public string? HukouPlace { get; init; }

    /// <summary>现居住地址.</summary>
    public string? Address { get; init; }

    public EducationLevel? Education { get; init; }

    /// <summary>Only for a college graduate (大专 or above).</summary>
    public GraduateDetails? Graduate { get; init; }

    /// <summary>残疾人证号; a resident with a certificate is in the disabled key group.</summary>
    public string? DisabilityCertificateNumber { get; init; }

    /// <summary>退役军人</summary>
    public bool IsVeteran { get; init; }

    /// <summary>易地扶贫搬迁群众</summary>
    public bool IsRelocatedResident { get; init; }

    public MigrantWorkerStatus MigrantWorker { get; init; }

    /// <summary>脱贫人口或防止返贫监测对象</summary>
    public bool IsPovertyMonitoredHousehold { get; init; }
}

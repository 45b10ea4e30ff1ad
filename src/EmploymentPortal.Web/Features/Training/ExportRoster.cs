using EmploymentPortal.Domain.Training;
using EmploymentPortal.Web.Infrastructure.Xlsx;

namespace EmploymentPortal.Web.Features.Training;

/// <summary>
/// A class's roster as xlsx (培训班花名册): the class in the preamble, then one row per trainee the
/// viewer may see (<see cref="TrainingQueries.ClassAsync"/>: station staff their own residents),
/// ID numbers masked as on the page, hours, completion, certificate and employment after training.
/// </summary>
public static class ExportRoster
{
    public static readonly IReadOnlyList<string> Header =
        ["姓名", "身份证号", "已出勤学时", "结业所需学时", "状态", "结业日期", "证书类型", "证书编号", "证书等级", "发证机构", "发证日期", "培训后就业"];

    public static byte[] Xlsx(TrainingQueries.ClassView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Class;
        IReadOnlyList<IReadOnlyList<object?>> preamble =
        [
            [$"{c.Name}（{c.InstitutionName}）"],
            [$"{c.Occupation}（{TrainingLabels.Level(c.Level)}） · {TrainingLabels.Kind(c.Kind)} · {c.StartDate:yyyy-MM-dd} 至 {c.EndDate:yyyy-MM-dd} · 计划 {c.PlannedHours} 学时 · {TrainingLabels.Status(c.Status)}"],
        ];
        var rows = view.Trainees.Select(t => (IReadOnlyList<object?>)
        [
            t.Name,
            t.MaskedIdNumber,
            t.AttendedHours,
            view.HoursToComplete,
            TrainingLabels.Status(t.Status),
            t.CompletedOn?.ToString("yyyy-MM-dd"),
            t.Certificate is { } k ? TrainingLabels.Certificate(k.Kind) : null,
            t.Certificate?.Number,
            t.Certificate is { } l ? TrainingLabels.Level(l.Level) : null,
            t.Certificate?.IssuingBody,
            t.Certificate?.IssuedOn.ToString("yyyy-MM-dd"),
            t.Employment == TrainingEmploymentOutcome.NotGraduated ? null : TrainingLabels.Employment(t.Employment),
        ]);
        return XlsxExport.Write([new XlsxExport.Sheet("花名册", Header, rows, preamble)]);
    }

    public static string FileName(TrainingQueries.ClassView view) => $"培训班花名册-{view.Class.StartDate:yyyyMMdd}-{view.Class.Id.ToString()[..8]}.xlsx";
}

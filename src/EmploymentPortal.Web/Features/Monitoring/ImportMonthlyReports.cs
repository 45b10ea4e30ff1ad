using System.Globalization;
using EmploymentPortal.Data;
using EmploymentPortal.Domain.Common;
using EmploymentPortal.Domain.Monitoring;
using EmploymentPortal.Web.Features.Claims;
using EmploymentPortal.Web.Infrastructure;
using EmploymentPortal.Web.Infrastructure.Commands;
using EmploymentPortal.Web.Infrastructure.Validation;
using EmploymentPortal.Web.Infrastructure.Xlsx;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace EmploymentPortal.Web.Features.Monitoring;

/// <summary>
/// A monitored enterprise uploads its monthly reports as xlsx, one row per month (the columns of
/// <see cref="Columns"/>, a header row first). Every row is checked first, then all are filed in
/// one save: one bad row names its row number and nothing is imported.
/// </summary>
public static class ImportMonthlyReports
{
    /// <summary>The header row of the template, in order.</summary>
    public static readonly string[] Columns = ["月份", "月末用工人数", "本月新增录用", "本月减员", "其中经济性裁员", "更正原因"];

    /// <summary>At most this many months in one file (ten years).</summary>
    public const int MaxRows = 120;

    /// <summary>The largest file accepted: a dozen months is a few kilobytes.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>A row's problem: its spreadsheet row number and the reason.</summary>
    public sealed record RowError(int Row, string Message);

    public static readonly OutcomeValue<IReadOnlyList<RowError>> RowErrors = new("rowErrors");

    public sealed record Command
    {
        public string FileName { get; set; } = string.Empty;

        public byte[] Content { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Content).NotEmpty().WithMessage("请选择要上传的 Excel 文件（.xlsx）。")
                .Must(c => c.Length <= MaxBytes).WithMessage("文件不能超过 1 MB。");
            RuleFor(c => c.FileName).Must(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)).When(c => c.FileName.Length > 0).WithMessage("请上传 .xlsx 格式的 Excel 文件。");
        }
    }

    public sealed class Handler(OperationScope scope, PortalCalendar calendar) : ICommandHandler<Command>
    {
        public async Task<FeatureOutcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var principal = scope.Principal;
            if (principal is not { IsEnterpriseUser: true, EnterpriseId: { } enterpriseId })
            {
                return FeatureOutcome.Denied("只有重点监测企业的用户可以报送本企业的用工监测月报。");
            }

            List<MonthlyReportFiling.Entry> rows;
            var errors = new List<RowError>();
            try
            {
                using var stream = new MemoryStream(command.Content, writable: false);
                using var reader = XlsxSheetReader.Open(stream);
                rows = Parse(reader, errors);
            }
            catch (InvalidDataException e)
            {
                return FeatureOutcome.Field(nameof(Command.Content), e.Message);
            }

            if (errors.Count == 0 && rows.Count == 0)
            {
                errors.Add(new RowError(2, "文件中没有月报数据：请在表头下逐行填写各月数据。"));
            }

            if (errors.Count > 0)
            {
                return Rejected(errors);
            }

            return await scope.RunAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var (filed, problems) = await MonthlyReportFiling.FileAsync(db, enterpriseId, rows, calendar.Today, principal.UserName, calendar.Now, cancellationToken);
                if (problems.Count > 0)
                {
                    return Rejected(problems.Select(p => new RowError(p.Row, p.Message)).ToList());
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException e) when (ClaimCommandSupport.IsUniqueViolation(e))
                {
                    return FeatureOutcome.Conflicting("monitoring-report-exists", "其中有月份的月报刚刚已由他人报送，请刷新后重新上传。");
                }

                var raised = 0;
                foreach (var month in filed.Select(r => r.Month).Distinct())
                {
                    raised += await WarningEvaluator.AfterReportAsync(db, enterpriseId, month, calendar.Now, cancellationToken);
                }

                return FeatureOutcome.Success($"已导入 {filed.Count} 个月的用工监测月报。").With(SubmitMonthlyReport.WarningsRaised, raised);
            });
        }

        private static FeatureOutcome Rejected(IReadOnlyList<RowError> errors) =>
            FeatureOutcome.Field(nameof(Command.Content), $"文件有 {errors.Count} 处错误，未导入任何数据：" + string.Join("；", errors.Take(10).Select(e => $"第 {e.Row} 行：{e.Message}")), "monitoring-import-rows")
                .With(RowErrors, errors);
    }

    /// <summary>Reads the rows under the header; shape errors go to <paramref name="errors"/>, each with its row.</summary>
    public static List<MonthlyReportFiling.Entry> Parse(XlsxSheetReader reader, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(errors);
        var rows = new List<MonthlyReportFiling.Entry>();
        var months = new HashSet<DateOnly>();
        var header = true;
        foreach (var (number, cells) in reader.ReadRows())
        {
            string Cell(int i) => i < cells.Length ? (cells[i] ?? string.Empty).Trim() : string.Empty;
            if (header)
            {
                header = false;
                if (!string.Equals(Cell(0), Columns[0], StringComparison.Ordinal))
                {
                    errors.Add(new RowError(number, $"第一行应为表头：{string.Join("、", Columns)}。"));
                    return rows;
                }

                continue;
            }

            if (Enumerable.Range(0, Columns.Length).All(i => Cell(i).Length == 0))
            {
                continue;
            }

            if (rows.Count + errors.Count >= MaxRows)
            {
                errors.Add(new RowError(number, $"一个文件最多 {MaxRows} 个月。"));
                return rows;
            }

            var problems = new List<string>();
            var month = ParseMonth(Cell(0));
            if (month is null)
            {
                problems.Add("月份应写作 2026-10 的形式");
            }
            else if (!months.Add(month.Value))
            {
                problems.Add($"{month:yyyy年M月}在文件中出现了两次");
            }

            var figures = new int[4];
            for (var i = 0; i < 4; i++)
            {
                if (!int.TryParse(Cell(i + 1), NumberStyles.None, CultureInfo.InvariantCulture, out figures[i]) || figures[i] > SubmitMonthlyReport.MaxFigure)
                {
                    problems.Add($"“{Columns[i + 1]}”应为 0~1000000 的整数");
                }
            }

            if (problems.Count == 0 && figures[3] > figures[2])
            {
                problems.Add("经济性裁员人数不能多于减员人数");
            }

            var note = Cell(5);
            if (note.Length > MonthlyEmploymentReport.MaxNoteLength)
            {
                problems.Add($"更正原因不能超过 {MonthlyEmploymentReport.MaxNoteLength} 个字符");
            }

            if (problems.Count > 0)
            {
                errors.Add(new RowError(number, string.Join("；", problems) + "。"));
                continue;
            }

            rows.Add(new MonthlyReportFiling.Entry(number, month!.Value, new EmploymentFigures(figures[0], figures[1], figures[2], figures[3]), note.Length == 0 ? null : note));
        }

        return rows;
    }

    /// <summary>"2026-10", "2026/10", "2026年10月", a date (first day taken), or an Excel date serial.</summary>
    public static DateOnly? ParseMonth(string text)
    {
        var value = text.Trim().Replace('/', '-').Replace("年", "-", StringComparison.Ordinal).Replace("月", string.Empty, StringComparison.Ordinal);
        if (DateOnly.TryParseExact(value, ["yyyy-M", "yyyy-MM", "yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return PortalCalendar.MonthOf(date);
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            return PortalCalendar.MonthOf(DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        }

        return null;
    }

    /// <summary>The template: the header row and the months the enterprise owes, one per row, figures empty.</summary>
    public static void WriteTemplate(Stream stream, IReadOnlyList<DateOnly> months)
    {
        using var workbook = XlsxWorkbookWriter.Create(stream);
        using var sheet = workbook.AddSheet("用工监测月报", [12, 14, 14, 12, 16, 30]);
        sheet.WriteRow(Columns, XlsxWorkbookWriter.HeaderStyle);
        foreach (var month in months)
        {
            sheet.WriteRow([month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null, null, null, null, null]);
        }
    }
}

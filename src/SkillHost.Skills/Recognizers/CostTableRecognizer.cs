using System.Collections.Immutable;
using Markdig.Extensions.Tables;
using SkillHost.Skills.Durations;
using SkillHost.Skills.Parsing;

namespace SkillHost.Skills.Recognizers;

/// <summary>
/// Finds tables pairing an operation with a duration. The duration column is the first one where most
/// body cells parse as durations; the operation column is the first other column whose cells mostly do not.
/// </summary>
internal static class CostTableRecognizer
{
    public static ImmutableArray<CostTable> Recognize(MarkdownOutline outline, List<Diagnostic> diagnostics)
    {
        var tables = ImmutableArray.CreateBuilder<CostTable>();
        foreach (var section in outline.AllSections())
        {
            foreach (var table in section.OwnBlocksDeep().OfType<Table>())
            {
                var recognised = Read(table, section.Title, outline.Source, diagnostics);
                if (recognised is not null)
                {
                    tables.Add(recognised);
                }
            }
        }

        return tables.ToImmutable();
    }

    private static CostTable? Read(Table table, string title, string? source, List<Diagnostic> diagnostics)
    {
        var rows = table.OfType<TableRow>().ToList();
        var header = rows.FirstOrDefault(r => r.IsHeader);
        var bodyRows = rows.Where(r => !r.IsHeader).ToList();
        var body = bodyRows.Select(Cells).ToList();
        if (header is null || body.Count == 0)
        {
            return null;
        }

        var headers = Cells(header);
        var columns = body.Max(r => r.Count);
        var durationColumn = Enumerable.Range(0, columns).FirstOrDefault(c => MostlyDurations(body, c), -1);
        if (durationColumn < 0)
        {
            return null;
        }

        var operationColumn = Enumerable.Range(0, columns)
            .FirstOrDefault(c => c != durationColumn && !MostlyDurations(body, c), -1);
        if (operationColumn < 0)
        {
            return null;
        }

        var costRows = ImmutableArray.CreateBuilder<CostRow>(body.Count);
        for (var i = 0; i < body.Count; i++)
        {
            var cells = body[i];
            var line = bodyRows[i].Line + 1;
            var text = Cell(cells, durationColumn);
            var operation = Cell(cells, operationColumn);
            if (DurationParser.TryParse(Unmark(text), out var range))
            {
                costRows.Add(new CostRow(operation, range.MinNs, range.MaxNs, text, line));
            }
            else
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.CostCellNotDuration,
                    $"Cost table '{title}': '{text}' for '{operation}' is not a duration (write e.g. '50 ns', '20-50 µs', '~1 ms'); the row is left out.",
                    line, source));
            }
        }

        return new CostTable(title, table.Line + 1, Cell(headers, operationColumn), Cell(headers, durationColumn), costRows.ToImmutable(), source);
    }

    private static bool MostlyDurations(List<List<string>> body, int column)
    {
        var parsed = body.Count(r => DurationParser.TryParse(Unmark(Cell(r, column)), out _));
        return parsed > 0 && parsed * 2 > body.Count;
    }

    private static List<string> Cells(TableRow row) =>
        row.OfType<TableCell>().Select(c => InlineText.OfBlock(c)).ToList();

    private static string Cell(List<string> cells, int column) => column < cells.Count ? cells[column] : string.Empty;

    // Cells are rendered with code spans in backticks; a duration written as `50 ns` is still a duration.
    private static string Unmark(string text) => text.Replace("`", string.Empty, StringComparison.Ordinal);
}

namespace SkillHost.Skills.Parsing;

/// <summary>Finds the line that nests deepest (block quotes, list markers, indentation), to point a diagnostic at it.</summary>
internal static class NestingScan
{
    public static (int Line, int Depth) Deepest(string text)
    {
        var reader = new LineReader(text);
        var (bestLine, bestDepth, number) = (1, 0, 0);
        while (reader.TryNext(out var line))
        {
            number++;
            var depth = 0;
            var spaces = 0;
            foreach (var c in line)
            {
                if (c == '>' || c == '-' || c == '*' || c == '+')
                {
                    depth++;
                }
                else if (c == ' ')
                {
                    spaces++;
                }
                else if (c == '\t')
                {
                    spaces += 4;
                }
                else
                {
                    break;
                }
            }

            depth += spaces / 2;
            if (depth > bestDepth)
            {
                (bestLine, bestDepth) = (number, depth);
            }
        }

        return (bestLine, bestDepth);
    }
}

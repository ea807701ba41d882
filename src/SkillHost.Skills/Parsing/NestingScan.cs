namespace SkillHost.Skills.Parsing;

/// <summary>Finds the line that nests deepest (block quotes, list markers, indentation), to point a diagnostic at it.</summary>
internal static class NestingScan
{
    public static (int Line, int Depth) Deepest(string text)
    {
        var reader = new LineReader(text);
        var (bestLine, bestDepth, number) = (1, 0, 0);
        var (longestLine, longest) = (1, 0);
        while (reader.TryNext(out var line))
        {
            number++;
            if (line.Length > longest)
            {
                (longestLine, longest) = (number, line.Length);
            }

            var depth = 0;
            var spaces = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                var marker = c is '-' or '*' or '+' && (i + 1 == line.Length || line[i + 1] == ' ');
                if (c == '>' || marker)
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

        // No block nesting to blame: the depth is inline (emphasis, brackets), most likely on the longest line.
        return bestDepth >= 8 ? (bestLine, bestDepth) : (longestLine, bestDepth);
    }
}

using System.Text;
using SkillHost.Server.Cli;

// Standard output as a UTF-8 writer over the stream (flushed on every write, as Console.Out is), so a report that
// is UTF-8 already can go straight onto the stream under it.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
return SkillHostCli.Run(args, output, Console.Error);

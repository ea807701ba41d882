using System.CommandLine;

var root = new RootCommand("SkillHost");
return root.Parse(args).Invoke();

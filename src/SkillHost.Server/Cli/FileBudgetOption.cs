using System.CommandLine;
using SkillHost.Analysis.Review;

namespace SkillHost.Server.Cli;

/// <summary>`--file-budget SECONDS`, shared by review and classify: how long one file's analysis may take before it is skipped.</summary>
internal static class FileBudgetOption
{
    public static Option<double> Create()
    {
        var option = new Option<double>("--file-budget")
        {
            Description = "Seconds one file's analysis may take; a file that takes longer is reported as skipped (over the time budget) and the review goes on. 0 means no limit.",
            DefaultValueFactory = _ => SourceReviewOptions.DefaultFileBudget.TotalSeconds,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 86400 || double.IsNaN(r.GetValueOrDefault<double>()))
            {
                r.AddError("--file-budget must be between 0 (no limit) and 86400 seconds.");
            }
        });
        return option;
    }

    /// <summary>The budget for <paramref name="seconds"/>; null (no limit) for 0.</summary>
    public static TimeSpan? ToBudget(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
}

namespace SkillHost.Analysis.Languages.Rust;

/// <summary>Methods whose closure argument runs once per item (std iterators, slices, Vec, rayon's parallel iterators).</summary>
internal static class RustIteratorAdapters
{
    public static bool IsAdapter(ReadOnlySpan<char> name) => name switch
    {
        "map" or "filter" or "filter_map" or "flat_map" or "for_each" or "try_for_each" or "any" or "all" or "find"
            or "find_map" or "position" or "rposition" or "fold" or "try_fold" or "rfold" or "try_rfold" or "scan"
            or "take_while" or "skip_while" or "inspect" or "map_while" or "partition" or "reduce" or "max_by_key"
            or "min_by_key" or "max_by" or "min_by" or "sort_by" or "sort_by_key" or "sort_unstable_by"
            or "sort_unstable_by_key" or "sort_by_cached_key" or "retain" or "retain_mut" or "dedup_by_key" or "dedup_by"
            or "is_sorted_by" or "is_sorted_by_key" or "chunk_by" or "group_by" or "partition_point" or "binary_search_by"
            or "binary_search_by_key" or "try_find" or "for_each_with" or "for_each_init" or "map_with" or "map_init"
            or "flat_map_iter" or "filter_map_iter" or "try_for_each_with" or "try_for_each_init"
            or "extract_if" or "drain_filter" or "split" or "splitn" or "rsplit" => true,
        _ => false,
    };
}

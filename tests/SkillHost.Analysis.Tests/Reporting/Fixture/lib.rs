pub fn copy_all(v: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for s in v {
        out.push(s.clone());
    }
    out
}

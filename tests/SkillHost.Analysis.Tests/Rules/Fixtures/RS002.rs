fn scaled(readings: &[f32], gain: f32) -> Vec<f32> {
    let mut out = Vec::new(); // expect: RS002
    for r in readings {
        out.push(r * gain);
    }
    out
}

fn squares(n: usize) -> Vec<usize> {
    let mut v = vec![]; // expect: RS002
    for i in 0..n {
        v.push(i * i);
    }
    v
}

fn names(users: &Vec<User>) -> Vec<String> {
    let mut names = Vec::new(); // expect: RS002
    for (i, u) in users.iter().enumerate() {
        names.push(format!("{i}: {}", u.name));
    }
    names
}

fn upper(s: &str) -> String {
    let mut out = String::new(); // expect: RS002
    for c in s.chars() {
        out.push(c.to_ascii_uppercase());
    }
    out
}

// OK
fn with_capacity(readings: &[f32]) -> Vec<f32> {
    let mut out = Vec::with_capacity(readings.len());
    for r in readings {
        out.push(*r);
    }
    out
}

fn filtered(readings: &[f32]) -> Vec<f32> {
    let mut out = Vec::new();
    for r in readings {
        if *r > 0.0 {
            out.push(*r);
        }
    }
    out
}

fn unknown_length(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        out.push(line);
    }
    out
}

fn reserved(readings: &[f32]) -> Vec<f32> {
    let mut out = Vec::new();
    out.reserve(readings.len());
    for r in readings {
        out.push(*r);
    }
    out
}

fn skips(readings: &[f32]) -> Vec<f32> {
    let mut out = Vec::new();
    for r in readings {
        if r.is_nan() {
            continue;
        }
        out.push(*r);
    }
    out
}

fn while_loop(mut n: u32) -> Vec<u32> {
    let mut out = Vec::new();
    while n > 0 {
        out.push(n % 10);
        n /= 10;
    }
    out
}

fn push_str(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

fn two_pushes(points: &[(f32, f32)]) -> Vec<f32> {
    let mut flat = Vec::new();
    for p in points {
        flat.push(p.0);
        flat.push(p.1);
    }
    flat
}

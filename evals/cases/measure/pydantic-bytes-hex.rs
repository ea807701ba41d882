// Harness for pydantic-bytes-hex: a `bytes` value of `n` bytes serialized with ser_json_bytes="hex"; `run` returns
// the hex text, so a patch that changes a digit changes the output.
fn make_input(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i * 31 % 251) as u8).collect()
}

fn run(bytes: &Vec<u8>) -> String {
    BytesMode::Hex.bytes_to_string(bytes).expect("hex never fails").into_owned()
}

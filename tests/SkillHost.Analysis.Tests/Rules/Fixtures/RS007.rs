#[repr(C)]
struct SampleHeader { // expect: RS007
    valid: bool,
    timestamp_ns: u64,
    channel: u32,
}

#[repr(C, align(16))]
pub struct Packet { // expect: RS007
    flag: u8,
    ptr: *const u8,
    len: u16,
    data: [u32; 3],
    next: Option<&'static Packet>,
}

#[repr(C)]
struct Pixel { // expect: RS007
    a: u8,
    rgb: [u16; 3],
    b: u8,
}

// OK
#[repr(C)]
struct Ordered {
    timestamp_ns: u64,
    channel: u32,
    valid: bool,
}

struct ReorderedByRustc {
    valid: bool,
    timestamp_ns: u64,
    channel: u32,
}

#[repr(C, packed)]
struct Packed {
    valid: bool,
    timestamp_ns: u64,
}

#[repr(align(64))]
struct AlignOnly {
    valid: bool,
    timestamp_ns: u64,
}

#[repr(C)]
struct UnknownField {
    valid: bool,
    inner: OtherType,
    timestamp_ns: u64,
}

#[repr(C)]
struct sockaddr_like {
    family: u16,
    port: u64,
}

#[repr(C)]
struct FatPointer<'a> {
    valid: bool,
    name: &'a str,
}

#[repr(C)]
struct NoWaste {
    a: u32,
    b: u8,
    c: u8,
    d: u16,
}

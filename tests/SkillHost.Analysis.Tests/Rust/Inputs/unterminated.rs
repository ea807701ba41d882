fn broken() {
    let s = "never closed;
    /* also

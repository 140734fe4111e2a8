//! The scheme loader on arbitrary text: it may refuse, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(s) = jifen::domain::scheme::Scheme::parse("fuzz.toml", text) {
            // A scheme that loads must price its own items without panicking.
            for item in &s.items {
                let _ = s.price_claim(&item.code, None, 1, None);
            }
        }
    }
});

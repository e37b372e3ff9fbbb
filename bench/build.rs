//! Writes the 2,000-variant enums and the phf reference map the runtime benchmarks use.

use std::path::Path;

// The compile-cost binary uses the parts this script does not.
#[allow(dead_code)]
#[path = "src/generate.rs"]
mod generate;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    let derived = generate::derive_enum("BigDerive", 0, generate::VARIANTS, None)
        + &generate::samples("BigDerive");
    std::fs::write(out.join("derived.rs"), derived).expect("write derived.rs");
    let handwritten = generate::handwritten_full("BigHand") + &generate::samples("BigHand");
    std::fs::write(out.join("handwritten.rs"), handwritten).expect("write handwritten.rs");

    let keys: Vec<String> = (0..generate::VARIANTS).map(generate::key).collect();
    let mut map = phf_codegen::Map::new();
    for (index, key) in keys.iter().enumerate() {
        map.entry(key.as_str(), generate::code(index).to_string());
    }
    std::fs::write(out.join("phf_keys.rs"), map.build().to_string()).expect("write phf_keys.rs");
    println!("cargo::rerun-if-changed=src/generate.rs");
}

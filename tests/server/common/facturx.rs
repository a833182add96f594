//! The Factur-X check of an invoice PDF, by Akretion's factur-x (the reference
//! implementation) through scripts/facturx-check: the embedded XML against the official
//! EN 16931 XSD, the attachment's association and the XMP declarations.

/// `Ok` when `pdf` passes scripts/facturx-check, else what the script said. Panics when
/// the check cannot run at all (no bash, no script).
pub fn facturx_check(pdf: &[u8]) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("b2bizen-facturx-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("invoice.pdf");
    std::fs::write(&file, pdf).expect("the PDF written to a temporary file");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/facturx-check");
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(&file)
        .output()
        .unwrap_or_else(|err| panic!("{} could not run: {err}", script.display()));
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

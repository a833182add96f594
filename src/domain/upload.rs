//! Uploaded files: what each slot accepts, judged by content (magic bytes), never by
//! the file's name or the type the browser declares.

use serde::{Deserialize, Serialize};

use super::problem::Problem;

/// The slots of an expert's dossier that take a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadSlot {
    Photo,
    Cv,
    Attestation,
}

/// A file type recognised from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileType {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl FileType {
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Webp => "image/webp",
            FileType::Pdf => "application/pdf",
        }
    }
}

/// Recognises JPEG, PNG, WebP and PDF by their signatures.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileType::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(FileType::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else {
        None
    }
}

/// The bytes an account may keep in files that no submission and no published profile
/// uses: the draft's own (20 MB at most) and the replaced ones, deleted 24 hours after
/// their upload. Files a submission keeps are not counted: each submission waits for an
/// admin, so they cannot pile up unattended.
pub const PENDING_FILES_QUOTA: u64 = 40 * 1024 * 1024;

/// The answer to an upload past [`PENDING_FILES_QUOTA`].
pub fn quota_reached() -> crate::error::AppError {
    crate::error::AppError::TooLarge(Problem::PendingFilesQuota {
        max_mb: PENDING_FILES_QUOTA / (1024 * 1024),
    })
}

impl UploadSlot {
    pub const ALL: [UploadSlot; 3] = [UploadSlot::Photo, UploadSlot::Cv, UploadSlot::Attestation];

    /// The stored value (`files.slot`, the first segment of a storage key): the one
    /// mapping, used by the database binds.
    pub fn as_str(self) -> &'static str {
        match self {
            UploadSlot::Photo => "photo",
            UploadSlot::Cv => "cv",
            UploadSlot::Attestation => "attestation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The largest accepted file, in bytes.
    pub const fn max_bytes(self) -> usize {
        match self {
            UploadSlot::Photo => 5 * 1024 * 1024,
            UploadSlot::Cv | UploadSlot::Attestation => 10 * 1024 * 1024,
        }
    }

    fn accepts(self, file: FileType) -> bool {
        match self {
            UploadSlot::Photo => matches!(file, FileType::Jpeg | FileType::Png | FileType::Webp),
            UploadSlot::Cv | UploadSlot::Attestation => file == FileType::Pdf,
        }
    }

    /// Checks a whole file for this slot.
    pub fn check(self, bytes: &[u8]) -> Result<FileType, Problem> {
        if bytes.is_empty() {
            return Err(Problem::FileEmpty);
        }
        if bytes.len() > self.max_bytes() {
            return Err(Problem::FileTooLarge {
                max_mb: self.max_bytes() / (1024 * 1024),
            });
        }
        match sniff(bytes) {
            Some(FileType::Pdf) if self.accepts(FileType::Pdf) => {
                check_pdf(bytes).map(|()| FileType::Pdf)
            }
            Some(file) if self.accepts(file) => Ok(file),
            _ => Err(Problem::FileWrongType { slot: self }),
        }
    }
}

/// How far from each end a PDF is looked at: readers look for the end marker in the
/// last kilobyte, browsers sniff markup in the first ones.
const PDF_WINDOW: usize = 1024;

/// Markup that makes a file readable as a web page whatever it starts with.
const MARKUP: [&[u8]; 7] = [
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<iframe",
    b"<svg",
    b"<!doctype",
];

/// Beyond its first bytes, a PDF must look like one: a version (`%PDF-1.7`), the end
/// marker `%%EOF` near its end, and no web page markup at its start (a page that merely
/// starts with `%PDF-` is not a document).
fn check_pdf(bytes: &[u8]) -> Result<(), Problem> {
    let version = bytes.get(5..8).unwrap_or_default();
    let versioned = matches!(version, [b'1' | b'2', b'.', d] if d.is_ascii_digit());
    let head = &bytes[..bytes.len().min(PDF_WINDOW)];
    let markup = (0..head.len()).any(|i| {
        MARKUP
            .iter()
            .any(|m| starts_with_ignoring_case(&head[i..], m))
    });
    if !versioned || markup {
        return Err(Problem::PdfInvalid);
    }
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace() && *b != 0)
        .map_or(0, |i| i + 1);
    let tail = &bytes[end.saturating_sub(PDF_WINDOW)..end];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(Problem::PdfIncomplete);
    }
    Ok(())
}

fn starts_with_ignoring_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n%%EOF\r\n";
    /// A Windows executable renamed to .pdf or .jpg: still "MZ".
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff";

    #[test]
    fn judged_by_content() {
        assert_eq!(UploadSlot::Photo.check(PNG), Ok(FileType::Png));
        assert_eq!(UploadSlot::Attestation.check(PDF), Ok(FileType::Pdf));
        let wrong = |slot| Err(Problem::FileWrongType { slot });
        assert_eq!(UploadSlot::Photo.check(PDF), wrong(UploadSlot::Photo));
        assert_eq!(UploadSlot::Cv.check(EXE), wrong(UploadSlot::Cv));
        assert!(UploadSlot::Photo.check(EXE).is_err());
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(FileType::Webp));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileType::Jpeg));
    }

    #[test]
    fn a_pdf_looks_like_one_beyond_its_signature() {
        let pdf = |text: &str| UploadSlot::Cv.check(text.as_bytes());
        assert!(pdf("%PDF-2.0\n1 0 obj << >> endobj\n%%EOF").is_ok());
        let mut trailing = PDF.to_vec();
        trailing.extend_from_slice(&[b' '; 4096]);
        assert!(
            UploadSlot::Cv.check(&trailing).is_ok(),
            "whitespace after the end"
        );
        for page in [
            "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF",
            "%PDF-1.4\n<!DOCTYPE html><p>x</p>\n%%EOF",
            "%PDF-1.4 <SCRIPT src=//evil></SCRIPT> %%EOF",
            "%PDF-1.4<svg onload=alert(1)>%%EOF",
        ] {
            assert_eq!(pdf(page), Err(Problem::PdfInvalid), "{page}");
        }
        assert!(
            pdf("%PDF-\n1 0 obj << >> endobj\n%%EOF").is_err(),
            "no version"
        );
        assert!(pdf("%PDF-x.y\n%%EOF").is_err());
        let mut cut = PDF[..PDF.len() - 7].to_vec();
        cut.extend_from_slice(&[b'x'; 2000]);
        assert_eq!(UploadSlot::Cv.check(&cut), Err(Problem::PdfIncomplete));
        // Markup far from the start (a compressed stream may contain anything) is not
        // the browser's business.
        let mut late = PDF[..20].to_vec();
        late.extend_from_slice(&[b'x'; 2000]);
        late.extend_from_slice(b"<html>");
        late.extend_from_slice(&PDF[20..]);
        assert!(UploadSlot::Cv.check(&late).is_ok());
    }

    #[test]
    fn size_caps() {
        let mut big = PDF.to_vec();
        big.resize(10 * 1024 * 1024 + 1, b' ');
        assert_eq!(
            UploadSlot::Cv.check(&big),
            Err(Problem::FileTooLarge { max_mb: 10 })
        );
        let mut photo = PNG.to_vec();
        photo.resize(5 * 1024 * 1024 + 1, 0);
        assert_eq!(
            UploadSlot::Photo.check(&photo),
            Err(Problem::FileTooLarge { max_mb: 5 })
        );
        assert!(UploadSlot::Photo.check(&[]).is_err());
    }
}

//! The fonts of the platform's documents, shipped in the repository (DejaVu Sans, free
//! licence beside them) and embedded in every PDF, as PDF/A requires: a document reads
//! the same on any machine, in ten years.

use std::sync::LazyLock;

use ttf_parser::Face;

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
}

pub struct Fonts {
    regular: Face<'static>,
    bold: Face<'static>,
    pdf_regular: krilla::text::Font,
    pdf_bold: krilla::text::Font,
}

impl Fonts {
    /// For measuring text.
    pub fn face(&self, style: Style) -> &Face<'static> {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// For drawing it.
    pub fn pdf(&self, style: Style) -> krilla::text::Font {
        match style {
            Style::Regular => self.pdf_regular.clone(),
            Style::Bold => self.pdf_bold.clone(),
        }
    }
}

/// Parsed once: the files are part of the binary, so a failure is a broken build.
pub static FONTS: LazyLock<Fonts> = LazyLock::new(|| Fonts {
    regular: Face::parse(REGULAR, 0).expect("the shipped regular font parses"),
    bold: Face::parse(BOLD, 0).expect("the shipped bold font parses"),
    pdf_regular: krilla::text::Font::new(REGULAR.into(), 0).expect("the regular font loads"),
    pdf_bold: krilla::text::Font::new(BOLD.into(), 0).expect("the bold font loads"),
});

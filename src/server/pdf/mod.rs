//! The platform's documents as PDF/A-3b files, drawn on the server with krilla (the PDF
//! writer under typst, without typst's compiler: ~60 crates against ~300, which two
//! cores feel on every CI run). A document is a list of [`layout::Block`]s in the
//! product's words; [`render`] lays them out and writes the file. Rendering is CPU work:
//! [`render_bounded`] runs it off the async threads, a few at a time. Invoices are
//! Factur-X files: [`render_facturx`] adds the machine-readable CII invoice.

mod facturx;
pub mod fonts;
pub mod layout;
mod qr;

use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime as PdfDate, Metadata};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use tokio::sync::Semaphore;

use crate::error::AppError;
use fonts::{Style, FONTS};
use layout::{lay_out, Block, PlacedQr, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};

pub use facturx::FILE_NAME as FACTURX_FILE_NAME;
pub use qr::qr_matrix;

/// What the file says of itself.
pub struct Meta {
    pub title: String,
    /// BCP 47: `fr`, `en`.
    pub language: String,
    /// Printed at the foot of each page with its number (a reference).
    pub footer: String,
    pub created: chrono::DateTime<chrono::Utc>,
}

/// The document as PDF/A-3b bytes.
pub fn render(blocks: &[Block], meta: &Meta) -> Result<Vec<u8>, AppError> {
    finish(document(blocks, meta)?)
}

/// The invoice as a Factur-X (EN 16931) PDF/A-3b: the document drawn from `blocks`,
/// with `xml` (a CII invoice, which the caller has made consistent with the blocks)
/// attached as `factur-x.xml` and declared in the XMP metadata.
pub fn render_facturx(blocks: &[Block], meta: &Meta, xml: &[u8]) -> Result<Vec<u8>, AppError> {
    let mut document = document(blocks, meta)?;
    document
        .embed_file(facturx::attachment(xml, pdf_date(meta.created)))
        .ok_or_else(|| internal("factur-x", "factur-x.xml attached twice"))?;
    let pdf = finish(document)?;
    facturx::with_facturx_xmp(&pdf).map_err(|err| internal("factur-x XMP", &err))
}

/// The pages drawn and the metadata set, ready to be finished.
fn document(blocks: &[Block], meta: &Meta) -> Result<Document, AppError> {
    let pages = lay_out(blocks);
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A3_B))
        .finish()
        .map_err(|err| internal("configuration", &format!("{err:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: false,
        ..SerializeSettings::default()
    });
    let count = pages.len();
    for (n, page) in pages.into_iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a size");
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for text in &page.texts {
            surface.draw_text(
                Point::from_xy(text.x, text.y),
                FONTS.pdf(text.style),
                text.size,
                &text.text,
                false,
                TextDirection::LeftToRight,
            );
        }
        surface.set_stroke(Some(Stroke {
            paint: rgb::Color::new(200, 205, 214).into(),
            width: 0.5,
            ..Default::default()
        }));
        for rule in &page.rules {
            let mut path = PathBuilder::new();
            path.move_to(rule.x, rule.y);
            path.line_to(rule.x + rule.width, rule.y);
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
        }
        surface.set_stroke(None);
        for qr in &page.qrs {
            draw_qr(&mut surface, qr);
        }
        let foot = format!("{} · {}/{count}", meta.footer, n + 1);
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE_HEIGHT - MARGIN / 2.0),
            FONTS.pdf(Style::Regular),
            7.5,
            &foot,
            false,
            TextDirection::LeftToRight,
        );
        surface.finish();
        pdf_page.finish();
    }
    document.set_metadata(
        Metadata::new()
            .title(meta.title.clone())
            .language(meta.language.clone())
            .creator("B2BiZen".to_string())
            .creation_date(pdf_date(meta.created)),
    );
    Ok(document)
}

/// The bytes, once krilla's PDF/A-3b validation has passed.
fn finish(document: Document) -> Result<Vec<u8>, AppError> {
    document
        .finish()
        .map_err(|err| internal("serialisation", &format!("{err:?}")))
}

fn pdf_date(c: chrono::DateTime<chrono::Utc>) -> PdfDate {
    use chrono::{Datelike, Timelike};
    PdfDate::new(c.year() as u16)
        .month(c.month() as u8)
        .day(c.day() as u8)
        .hour(c.hour() as u8)
        .minute(c.minute() as u8)
        .second(c.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The dark modules as one filled path, each run of a row one rectangle: a few hundred
/// operators rather than a thousand, and no hairline seams between neighbours.
fn draw_qr(surface: &mut Surface, qr: &PlacedQr) {
    let module = qr.size / qr.matrix.len().max(1) as f32;
    let mut path = PathBuilder::new();
    for (row, cells) in qr.matrix.iter().enumerate() {
        let mut col = 0;
        while col < cells.len() {
            let start = col;
            while col < cells.len() && cells[col] {
                col += 1;
            }
            if col > start {
                let (x, y) = (qr.x + start as f32 * module, qr.y + row as f32 * module);
                if let Some(rect) = Rect::from_xywh(x, y, (col - start) as f32 * module, module) {
                    path.push_rect(rect);
                }
            } else {
                col += 1;
            }
        }
    }
    if let Some(path) = path.finish() {
        surface.set_fill(Some(Fill::default()));
        surface.draw_path(&path);
        surface.set_fill(None);
    }
}

fn internal(step: &str, detail: &str) -> AppError {
    tracing::error!(step, detail, "PDF rendering failed");
    AppError::Internal
}

/// Two documents drawn at once at most, whoever asks: the rest wait their turn.
static RENDERING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(2));

/// [`render`] on a blocking thread, within the overall bound.
pub async fn render_bounded(blocks: Vec<Block>, meta: Meta) -> Result<Vec<u8>, AppError> {
    bounded(move || render(&blocks, &meta)).await
}

/// [`render_facturx`] on a blocking thread, within the same bound.
pub async fn render_facturx_bounded(
    blocks: Vec<Block>,
    meta: Meta,
    xml: Vec<u8>,
) -> Result<Vec<u8>, AppError> {
    bounded(move || render_facturx(&blocks, &meta, &xml)).await
}

async fn bounded(
    work: impl FnOnce() -> Result<Vec<u8>, AppError> + Send + 'static,
) -> Result<Vec<u8>, AppError> {
    let _permit = RENDERING
        .acquire()
        .await
        .map_err(|_| AppError::Unavailable)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|_| AppError::Internal)?
}

#[cfg(test)]
mod tests;

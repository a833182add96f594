//! The platform's documents as PDF/A-3b files, drawn on the server with krilla (the PDF
//! writer under typst, without typst's compiler: ~60 crates against ~300, which two
//! cores feel on every CI run). A document is a list of [`layout::Block`]s in the
//! product's words; [`render`] lays them out and writes the file. Rendering is CPU work:
//! [`render_bounded`] runs it off the async threads, a few at a time.

pub mod fonts;
pub mod layout;

use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::{DateTime as PdfDate, Metadata};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};
use tokio::sync::Semaphore;

use crate::error::AppError;
use fonts::{Style, FONTS};
use layout::{lay_out, Block, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};

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
    let c = meta.created;
    use chrono::{Datelike, Timelike};
    let created = PdfDate::new(c.year() as u16)
        .month(c.month() as u8)
        .day(c.day() as u8)
        .hour(c.hour() as u8)
        .minute(c.minute() as u8)
        .second(c.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    document.set_metadata(
        Metadata::new()
            .title(meta.title.clone())
            .language(meta.language.clone())
            .creator("B2BiZen".to_string())
            .creation_date(created),
    );
    document
        .finish()
        .map_err(|err| internal("serialisation", &format!("{err:?}")))
}

fn internal(step: &str, detail: &str) -> AppError {
    tracing::error!(step, detail, "PDF rendering failed");
    AppError::Internal
}

/// Two documents drawn at once at most, whoever asks: the rest wait their turn.
static RENDERING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(2));

/// [`render`] on a blocking thread, within the overall bound.
pub async fn render_bounded(blocks: Vec<Block>, meta: Meta) -> Result<Vec<u8>, AppError> {
    let _permit = RENDERING
        .acquire()
        .await
        .map_err(|_| AppError::Unavailable)?;
    tokio::task::spawn_blocking(move || render(&blocks, &meta))
        .await
        .map_err(|_| AppError::Internal)?
}

#[cfg(test)]
mod tests;

//! A small flow layout for the platform's documents (quotes, contracts, invoices): A4
//! pages, blocks set one under the other, text wrapped on measured glyph widths, a page
//! break before a block that does not fit, the page number at the foot. Laid out first,
//! drawn after, so that every page can say "n / N".

use ttf_parser::Face;

use super::fonts::{Style, FONTS};

pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 56.0;
const FOOTER: f32 = 28.0;
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Right,
}

/// A column of a table: its share of the width, and how its cells align.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub share: f32,
    pub align: Align,
}

/// What a document is made of, top to bottom.
#[derive(Debug, Clone)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// Smaller, for legal mentions and evidence.
    Small(String),
    /// Label and value side by side.
    Fields(Vec<(String, String)>),
    /// A header row in bold, then the rows; a row never splits across pages.
    Table {
        columns: Vec<Column>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Right-aligned figures (totals), the last in bold.
    Totals(Vec<(String, String)>),
    /// A QR code at the left margin, `size` points wide with its quiet zone (a matrix
    /// from [`super::qr_matrix`]), the caption beside it; never split across pages.
    Qr {
        matrix: Vec<Vec<bool>>,
        size: f32,
        caption: String,
    },
    Gap(f32),
}

/// One run of text placed on a page (baseline at `y`, from the top).
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub style: Style,
    pub text: String,
}

/// A horizontal rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub x: f32,
    pub y: f32,
    pub width: f32,
}

/// A QR code: the top-left corner of its quiet zone, its side, its modules row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedQr {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub matrix: Vec<Vec<bool>>,
}

/// The blank modules around a QR code, on each side, that readers need to find it.
pub const QUIET_ZONE: usize = 4;

#[derive(Debug, Default, Clone)]
pub struct Page {
    pub texts: Vec<Placed>,
    pub rules: Vec<Rule>,
    pub qrs: Vec<PlacedQr>,
}

/// The width of `text` at `size` points, from the font's advances.
pub fn width(text: &str, style: Style, size: f32) -> f32 {
    let face: &Face = FONTS.face(style);
    let per_unit = size / f32::from(face.units_per_em());
    text.chars()
        .map(|c| {
            let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) * per_unit
        })
        .sum()
}

/// `text` cut into lines no wider than `max`: at spaces, and inside a word only when
/// the word alone is wider than the line. Line breaks in the text are kept.
pub fn wrap(text: &str, style: Style, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, style, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line (a long link, a hash) is cut where it must.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if width(&piece, style, size) > max && piece.chars().count() > 1 {
                    let last = piece.pop().expect("at least two characters");
                    lines.push(std::mem::take(&mut piece));
                    piece.push(last);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

struct Flow {
    pages: Vec<Page>,
    y: f32,
}

impl Flow {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    /// Room for `height` more points, or a new page.
    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN - FOOTER && self.y > MARGIN {
            self.pages.push(Page::default());
            self.y = MARGIN;
        }
    }

    fn text(&mut self, x: f32, size: f32, style: Style, text: String) {
        let y = self.y + size;
        self.page().texts.push(Placed {
            x,
            y,
            size,
            style,
            text,
        });
    }

    fn lines(&mut self, text: &str, style: Style, size: f32, x: f32, max: f32) {
        let leading = size * 1.35;
        for line in wrap(text, style, size, max) {
            self.ensure(leading);
            self.text(x, size, style, line);
            self.y += leading;
        }
    }

    fn rule(&mut self) {
        let y = self.y;
        self.page().rules.push(Rule {
            x: MARGIN,
            y,
            width: CONTENT_WIDTH,
        });
    }
}

/// The blocks laid out on A4 pages.
pub fn lay_out(blocks: &[Block]) -> Vec<Page> {
    let mut flow = Flow {
        pages: vec![Page::default()],
        y: MARGIN,
    };
    for block in blocks {
        match block {
            Block::Title(t) => {
                flow.lines(t, Style::Bold, 17.0, MARGIN, CONTENT_WIDTH);
                flow.y += 6.0;
            }
            Block::Heading(t) => {
                // A heading never ends a page alone.
                flow.ensure(60.0);
                flow.y += 8.0;
                flow.lines(t, Style::Bold, 11.5, MARGIN, CONTENT_WIDTH);
                flow.y += 2.0;
            }
            Block::Paragraph(t) => {
                flow.lines(t, Style::Regular, 10.0, MARGIN, CONTENT_WIDTH);
                flow.y += 4.0;
            }
            Block::Small(t) => {
                flow.lines(t, Style::Regular, 8.0, MARGIN, CONTENT_WIDTH);
                flow.y += 3.0;
            }
            Block::Fields(fields) => {
                let label_width = CONTENT_WIDTH * 0.32;
                for (label, value) in fields {
                    let lines = wrap(value, Style::Regular, 10.0, CONTENT_WIDTH - label_width);
                    flow.ensure(13.5 * lines.len() as f32);
                    flow.text(MARGIN, 10.0, Style::Bold, label.clone());
                    for line in lines {
                        flow.text(MARGIN + label_width, 10.0, Style::Regular, line);
                        flow.y += 13.5;
                    }
                }
                flow.y += 4.0;
            }
            Block::Table {
                columns,
                header,
                rows,
            } => table(&mut flow, columns, header, rows),
            Block::Totals(lines) => {
                let count = lines.len();
                for (i, (label, value)) in lines.iter().enumerate() {
                    let style = if i + 1 == count {
                        Style::Bold
                    } else {
                        Style::Regular
                    };
                    flow.ensure(14.0);
                    let right = MARGIN + CONTENT_WIDTH;
                    let value_x = right - width(value, style, 10.0);
                    flow.text(MARGIN + CONTENT_WIDTH * 0.45, 10.0, style, label.clone());
                    flow.text(value_x, 10.0, style, value.clone());
                    flow.y += 14.0;
                }
                flow.y += 4.0;
            }
            Block::Qr {
                matrix,
                size,
                caption,
            } => qr(&mut flow, matrix, *size, caption),
            Block::Gap(points) => flow.y += points,
        }
    }
    flow.pages
}

fn qr(flow: &mut Flow, matrix: &[Vec<bool>], size: f32, caption: &str) {
    let module = size / matrix.len().max(1) as f32;
    let quiet = module * QUIET_ZONE as f32;
    let (text_size, leading, gap) = (8.5, 11.5, 10.0);
    let caption_x = MARGIN + size - quiet + gap;
    let lines = wrap(
        caption,
        Style::Regular,
        text_size,
        MARGIN + CONTENT_WIDTH - caption_x,
    );
    let height = size.max(quiet + lines.len() as f32 * leading);
    flow.ensure(height);
    let top = flow.y;
    // The quiet zone lies in the blank page margin, so that the code itself lines up
    // with the text above and below it.
    flow.page().qrs.push(PlacedQr {
        x: MARGIN - quiet,
        y: top,
        size,
        matrix: matrix.to_vec(),
    });
    // The caption starts level with the code's first dark row, not with its quiet zone.
    flow.y = top + quiet;
    for line in lines {
        flow.text(caption_x, text_size, Style::Regular, line);
        flow.y += leading;
    }
    flow.y = top + height + 4.0;
}

fn table(flow: &mut Flow, columns: &[Column], header: &[String], rows: &[Vec<String>]) {
    let size = 9.0;
    let leading = 12.5;
    let padding = 4.0;
    let total: f32 = columns.iter().map(|c| c.share).sum();
    let widths: Vec<f32> = columns
        .iter()
        .map(|c| c.share / total * CONTENT_WIDTH)
        .collect();
    let draw_row = |flow: &mut Flow, cells: &[String], style: Style| {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| wrap(cell, style, size, w - 2.0 * padding))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32 * leading + padding;
        flow.ensure(height);
        let top = flow.y;
        let mut x = MARGIN;
        for ((lines, w), column) in wrapped.into_iter().zip(&widths).zip(columns) {
            flow.y = top;
            for line in lines {
                let line_x = match column.align {
                    Align::Left => x + padding,
                    Align::Right => x + w - padding - width(&line, style, size),
                };
                flow.text(line_x, size, style, line);
                flow.y += leading;
            }
            x += w;
        }
        flow.y = top + height;
        flow.rule();
    };
    draw_row(flow, header, Style::Bold);
    for row in rows {
        draw_row(flow, row, Style::Regular);
    }
    flow.y += 6.0;
}

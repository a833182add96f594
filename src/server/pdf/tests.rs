use super::layout::{wrap, Align, Column};
use super::*;

fn meta() -> Meta {
    Meta {
        title: "Devis DEV-000001-v1".into(),
        language: "fr".into(),
        footer: "DEV-000001-v1".into(),
        created: chrono::DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc),
    }
}

/// The text of a PDF as `pdftotext` (poppler) reads it: what a person copying from
/// the document would get.
fn pdftotext(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils, installed by scripts/setup)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    // Every run of blanks as one space: line breaks fall where the layout put them.
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn lines_wrap_at_spaces_within_the_width() {
    let text = "Accompagnement à la transformation numérique d'une très petite entreprise";
    let lines = wrap(text, Style::Regular, 10.0, 150.0);
    assert!(lines.len() > 1);
    for line in &lines {
        assert!(layout::width(line, Style::Regular, 10.0) <= 150.0, "{line}");
    }
    assert_eq!(lines.join(" "), text);
    // A word longer than the line (a hash) is cut, and nothing is lost.
    let hash = "a".repeat(120);
    let cut = wrap(&hash, Style::Regular, 10.0, 100.0);
    assert!(cut.len() > 1);
    assert_eq!(cut.concat(), hash);
}

#[test]
fn a_document_reads_back_with_its_accents_figures_and_page_numbers() {
    let mut blocks = vec![
        Block::Title("Devis — Audit « sécurité »".into()),
        Block::Fields(vec![("Émetteur".into(), "Anne Aubry, Lyon".into())]),
        Block::Table {
            columns: vec![
                Column {
                    share: 3.0,
                    align: Align::Left,
                },
                Column {
                    share: 1.0,
                    align: Align::Right,
                },
            ],
            header: vec!["Prestation".into(), "Total HT".into()],
            rows: vec![vec!["Audit de l'existant".into(), "1 950,00 €".into()]],
        },
        Block::Totals(vec![("Total TTC".into(), "2 820,00 €".into())]),
    ];
    // Enough paragraphs for a second page.
    for i in 0..60 {
        blocks.push(Block::Paragraph(format!(
            "Article {i} : confidentialité des échanges."
        )));
    }
    let pdf = render(&blocks, &meta()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf);
    for expected in [
        "Devis — Audit « sécurité »",
        "Émetteur",
        "Audit de l'existant",
        "1 950,00 €",
        "2 820,00 €",
        "Article 59 : confidentialité des échanges.",
        "DEV-000001-v1 · 1/2",
        "DEV-000001-v1 · 2/2",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

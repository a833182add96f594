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

/// An EPC069-12 SEPA credit transfer, as an invoice's QR code carries it.
const EPC: &str = "BCD\n002\n1\nSCT\nAGRIFRPP\nB2BiZen SAS\nFR7630006000011234567890189\n\
                   EUR234.00\n\n\nFAC-2026-000001";

#[test]
fn a_qr_matrix_has_its_version_width_level_m_and_a_quiet_zone() {
    use qrcode::{EcLevel, QrCode, Version};
    // Version 1 is 21 modules wide, each version 4 more; 4 blank modules on each side.
    assert_eq!(qr_matrix("HELLO").unwrap().len(), 21 + 8);
    let matrix = qr_matrix(EPC).unwrap();
    let code = QrCode::with_error_correction_level(EPC, EcLevel::M).unwrap();
    let Version::Normal(version) = code.version() else {
        panic!("a micro QR code");
    };
    assert_eq!(matrix.len(), 17 + 4 * version as usize + 8);
    assert!(matrix.iter().all(|row| row.len() == matrix.len()));
    let n = matrix.len();
    let quiet = |i: usize| i < 4 || i >= n - 4;
    for (r, row) in matrix.iter().enumerate() {
        for (c, &dark) in row.iter().enumerate() {
            assert!(
                !(dark && (quiet(r) || quiet(c))),
                "quiet zone dark at {r},{c}"
            );
        }
    }
    // The top-left finder pattern starts right inside the quiet zone.
    assert!(matrix[4][4..11].iter().all(|&dark| dark));
    // Level M, not the crate's choice: the same modules as the M code, unlike the L one.
    let inner = |code: &QrCode| -> Vec<bool> {
        let colors = code.to_colors();
        colors
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect()
    };
    let ours: Vec<bool> = matrix[4..n - 4]
        .iter()
        .flat_map(|row| row[4..n - 4].iter().copied())
        .collect();
    assert_eq!(ours, inner(&code));
    let low = QrCode::with_error_correction_level(EPC, EcLevel::L).unwrap();
    assert_ne!(ours, inner(&low));
}

/// Page 1 of `pdf` in shades of grey at `dpi`: (width, height, one byte a pixel).
fn raster(pdf: &[u8], dpi: u32) -> (usize, usize, Vec<u8>) {
    let dir = std::env::temp_dir().join(format!("b2bizen-raster-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("in.pdf"), pdf).unwrap();
    let status = std::process::Command::new("pdftoppm")
        .args(["-gray", "-singlefile", "-f", "1", "-r", &dpi.to_string()])
        .arg(dir.join("in.pdf"))
        .arg(dir.join("out"))
        .status()
        .expect("pdftoppm (poppler-utils, installed by scripts/setup)");
    assert!(status.success());
    let pgm = std::fs::read(dir.join("out.pgm")).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    // P5 header: magic, width, height, maxval, each followed by one blank.
    let mut fields = Vec::new();
    let mut start = 0;
    for (i, &byte) in pgm.iter().enumerate() {
        if byte.is_ascii_whitespace() {
            fields.push(std::str::from_utf8(&pgm[start..i]).unwrap().to_string());
            start = i + 1;
            if fields.len() == 4 {
                break;
            }
        }
    }
    assert_eq!(fields[0], "P5");
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, pgm[start..].to_vec())
}

#[test]
fn a_qr_code_is_drawn_module_by_module_beside_its_caption() {
    let matrix = qr_matrix(EPC).unwrap();
    let blocks = vec![
        Block::Title("Facture FAC-2026-000001".into()),
        Block::Qr {
            matrix: matrix.clone(),
            size: 110.0,
            caption:
                "Payer par virement SEPA : scannez ce code avec l'application de votre banque."
                    .into(),
        },
        Block::Paragraph("Merci de votre confiance.".into()),
    ];
    let pages = layout::lay_out(&blocks);
    let placed = &pages[0].qrs[0];
    let pdf = render(&blocks, &meta()).unwrap();
    let text = pdftotext(&pdf);
    assert!(text.contains("scannez ce code"), "{text}");
    // Every module's centre, read back from the drawn page, is as dark as the matrix says.
    let dpi = 288;
    let scale = dpi as f32 / 72.0;
    let (w, h, pixels) = raster(&pdf, dpi);
    let module = placed.size / matrix.len() as f32;
    for (r, row) in matrix.iter().enumerate() {
        for (c, &dark) in row.iter().enumerate() {
            let x = ((placed.x + (c as f32 + 0.5) * module) * scale) as usize;
            let y = ((placed.y + (r as f32 + 0.5) * module) * scale) as usize;
            assert!(x < w && y < h);
            assert_eq!(pixels[y * w + x] < 128, dark, "module {r},{c}");
        }
    }
    // The dark modules line up with the text margin; the quiet zone lies in the margin.
    assert!((placed.x + module * layout::QUIET_ZONE as f32 - MARGIN).abs() < 1e-3);
}

#[test]
fn a_qr_code_that_does_not_fit_moves_whole_to_the_next_page() {
    // Paragraphs down to the foot of page 1, where 110 points no longer fit.
    let mut blocks: Vec<Block> = (0..40)
        .map(|i| Block::Paragraph(format!("Ligne {i}")))
        .collect();
    blocks.push(Block::Qr {
        matrix: qr_matrix(EPC).unwrap(),
        size: 110.0,
        caption: "Virement SEPA".into(),
    });
    let pages = layout::lay_out(&blocks);
    assert_eq!(pages.len(), 2);
    assert!(pages[0].texts.iter().any(|t| t.text == "Ligne 39"));
    assert!(pages[0].qrs.is_empty());
    let qr = &pages[1].qrs[0];
    assert_eq!(qr.y, MARGIN);
    assert!(pages[1].texts.iter().any(|t| t.text == "Virement SEPA"));
}

const SAMPLE_CII: &[u8] = include_bytes!("sample-cii.xml");

fn invoice() -> Vec<Block> {
    vec![
        Block::Title("Facture FAC-2026-000001".into()),
        Block::Totals(vec![("Total TTC".into(), "234,00 €".into())]),
        Block::Qr {
            matrix: qr_matrix(EPC).unwrap(),
            size: 100.0,
            caption: "Virement SEPA".into(),
        },
    ]
}

#[test]
fn a_facturx_invoice_attaches_its_xml_and_declares_it_in_the_xmp() {
    use lopdf::{Document as Pdf, Object};
    // Ok: krilla's own PDF/A-3b validation passed, with the attachment.
    let pdf = render_facturx(&invoice(), &meta(), SAMPLE_CII).unwrap();
    assert!(pdftotext(&pdf).contains("234,00 €"));
    let doc = Pdf::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let deref = |object: &Object| doc.dereference(object).unwrap().1.clone();
    let name = |object: &Object| object.as_name().unwrap().to_vec();

    let associated = deref(catalog.get(b"AF").unwrap());
    let [spec] = associated.as_array().unwrap().as_slice() else {
        panic!("one associated file: {associated:?}");
    };
    let spec = deref(spec);
    let spec = spec.as_dict().unwrap();
    assert_eq!(
        spec.get(b"F").unwrap().as_str().unwrap(),
        FACTURX_FILE_NAME.as_bytes()
    );
    assert_eq!(name(spec.get(b"AFRelationship").unwrap()), b"Alternative");
    let ef = deref(spec.get(b"EF").unwrap());
    let file = deref(ef.as_dict().unwrap().get(b"F").unwrap());
    let file = file.as_stream().unwrap();
    assert_eq!(name(file.dict.get(b"Subtype").unwrap()), b"text/xml");
    assert_eq!(file.get_plain_content().unwrap(), SAMPLE_CII);
    // Listed by name too, where readers without /AF support look.
    let names = deref(catalog.get(b"Names").unwrap());
    let tree = deref(names.as_dict().unwrap().get(b"EmbeddedFiles").unwrap());
    let listed = deref(tree.as_dict().unwrap().get(b"Names").unwrap());
    assert_eq!(
        listed.as_array().unwrap()[0].as_str().unwrap(),
        FACTURX_FILE_NAME.as_bytes()
    );

    let metadata = deref(catalog.get(b"Metadata").unwrap());
    let metadata = metadata.as_stream().unwrap();
    assert!(
        metadata.dict.get(b"Filter").is_err(),
        "XMP left uncompressed"
    );
    assert_eq!(name(metadata.dict.get(b"Type").unwrap()), b"Metadata");
    assert_eq!(name(metadata.dict.get(b"Subtype").unwrap()), b"XML");
    let xmp = String::from_utf8(metadata.content.clone()).unwrap();
    for expected in [
        "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
        "<fx:DocumentType>INVOICE</fx:DocumentType>",
        "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
        "<fx:Version>1.0</fx:Version>",
        "<pdfaSchema:prefix>fx</pdfaSchema:prefix>",
        // krilla's own properties are still there.
        "<pdfaid:part>3</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "Devis DEV-000001-v1",
    ] {
        assert!(xmp.contains(expected), "{expected} not in the XMP:\n{xmp}");
    }
    assert_eq!(xmp.matches("<x:xmpmeta").count(), 1);
    // Declared in krilla's own list of extension schemas, which RDF allows only once.
    assert_eq!(xmp.matches("<pdfaExtension:schemas>").count(), 1);
    let fx = xmp.find("<pdfaSchema:prefix>fx<").unwrap();
    assert!(fx > xmp.find("<pdfaExtension:schemas>").unwrap());
    assert!(fx < xmp.find("</pdfaExtension:schemas>").unwrap());
    assert!(xmp.ends_with("</x:xmpmeta><?xpacket end=\"r\"?>"));
}

#[test]
fn the_facturx_schema_gets_a_list_of_its_own_when_krilla_writes_none() {
    let bare = concat!(
        r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">"#,
        r#"<rdf:Description rdf:about=""></rdf:Description></rdf:RDF></x:xmpmeta>"#
    );
    let xmp = String::from_utf8(facturx::extended_packet(bare.as_bytes()).unwrap()).unwrap();
    assert_eq!(xmp.matches("<pdfaExtension:schemas>").count(), 1);
    assert!(xmp.contains(r#"xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#""#));
    assert!(xmp.contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"));
    assert!(xmp.ends_with("</rdf:Description></rdf:RDF></x:xmpmeta>"));
    let twice = bare.replace(
        "</rdf:Description>",
        "<pdfaExtension:schemas><rdf:Bag></rdf:Bag></pdfaExtension:schemas>"
            .repeat(2)
            .as_str(),
    );
    assert!(facturx::extended_packet(twice.as_bytes()).is_err());
}

#[path = "../../../tests/server/common/facturx.rs"]
mod check;

#[test]
fn the_reference_validator_accepts_the_facturx_invoice_and_nothing_less() {
    let pdf = render_facturx(&invoice(), &meta(), SAMPLE_CII).unwrap();
    if let Err(report) = check::facturx_check(&pdf) {
        panic!("scripts/facturx-check refused the invoice:\n{report}");
    }
    // Not a check that passes anything: the same document without the XML fails it.
    let plain = render(&invoice(), &meta()).unwrap();
    let report = check::facturx_check(&plain).unwrap_err();
    assert!(report.contains("no factur-x.xml"), "{report}");
}

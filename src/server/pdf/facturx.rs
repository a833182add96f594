//! Factur-X on top of krilla's PDF/A-3b: the CII invoice attached as `factur-x.xml`
//! (krilla writes the file specification, the EmbeddedFiles name tree and the
//! catalog's /AF), and the Factur-X properties in the XMP metadata. krilla writes its
//! XMP packet itself with no way to add properties to it, so the finished file is
//! opened again with lopdf and the packet extended there.

use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::metadata::DateTime as PdfDate;
use lopdf::Object;

/// The name the Factur-X specification gives the attachment; readers look it up by name.
pub const FILE_NAME: &str = "factur-x.xml";

/// The CII invoice as the PDF's associated file. `Alternative`: EN 16931 and above make
/// the XML an equivalent of the visible invoice, not mere data behind it.
pub(super) fn attachment(xml: &[u8], modified: PdfDate) -> EmbeddedFile {
    EmbeddedFile {
        path: FILE_NAME.to_string(),
        mime_type: MimeType::new("text/xml"),
        description: Some("Factur-X invoice (EN 16931, CII)".to_string()),
        association_kind: AssociationKind::Alternative,
        data: xml.to_vec().into(),
        modification_date: Some(modified),
        compress: Some(true),
        location: None,
    }
}

/// The Factur-X properties, in a description of their own.
const FX_PROPERTIES: &str = concat!(
    r#"<rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">"#,
    "<fx:DocumentType>INVOICE</fx:DocumentType>",
    "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
    "<fx:Version>1.0</fx:Version>",
    "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
    "</rdf:Description>",
);

/// Their declaration as a PDF/A extension schema: PDF/A accepts no XMP property outside
/// the predefined schemas unless the packet describes it. An item of the
/// `pdfaExtension:schemas` bag, whose prefixes the enclosing description declares.
const FX_SCHEMA: &str = concat!(
    r#"<rdf:li rdf:parseType="Resource">"#,
    "<pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>",
    "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>",
    "<pdfaSchema:prefix>fx</pdfaSchema:prefix>",
    "<pdfaSchema:property><rdf:Seq>",
    r#"<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentFileName</pdfaProperty:name>"#,
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>The name of the embedded XML document</pdfaProperty:description></rdf:li>",
    r#"<rdf:li rdf:parseType="Resource"><pdfaProperty:name>DocumentType</pdfaProperty:name>"#,
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>The type of the hybrid document in capital letters, e.g. INVOICE or ORDER</pdfaProperty:description></rdf:li>",
    r#"<rdf:li rdf:parseType="Resource"><pdfaProperty:name>Version</pdfaProperty:name>"#,
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>The actual version of the standard applying to the embedded XML document</pdfaProperty:description></rdf:li>",
    r#"<rdf:li rdf:parseType="Resource"><pdfaProperty:name>ConformanceLevel</pdfaProperty:name>"#,
    "<pdfaProperty:valueType>Text</pdfaProperty:valueType><pdfaProperty:category>external</pdfaProperty:category>",
    "<pdfaProperty:description>The conformance level of the embedded XML document</pdfaProperty:description></rdf:li>",
    "</rdf:Seq></pdfaSchema:property>",
    "</rdf:li>",
);

const SCHEMAS_END: &str = "</rdf:Bag></pdfaExtension:schemas>";

/// krilla's XMP packet with the Factur-X properties and their schema added.
pub(super) fn extended_packet(packet: &[u8]) -> Result<Vec<u8>, String> {
    let packet = std::str::from_utf8(packet).map_err(|err| format!("XMP not UTF-8: {err}"))?;
    let rdf_end = packet
        .rfind("</rdf:RDF>")
        .ok_or("no </rdf:RDF> in krilla's XMP")?;
    let mut extended = packet.to_string();
    // Inserted from the end backwards, so that the offsets found stay right.
    extended.insert_str(rdf_end, FX_PROPERTIES);
    // krilla describes the schemas it uses itself (xmpMM, pdf) for PDF/A-1 to 3: ours
    // joins its bag, since a second pdfaExtension:schemas would repeat a property,
    // which RDF forbids.
    match packet.match_indices(SCHEMAS_END).map(|(at, _)| at).collect::<Vec<_>>()[..] {
        [at] => extended.insert_str(at, FX_SCHEMA),
        [] => extended.insert_str(
            rdf_end,
            &[
                r#"<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/""#,
                r#" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#""#,
                r#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">"#,
                "<pdfaExtension:schemas><rdf:Bag>",
                FX_SCHEMA,
                SCHEMAS_END,
                "</rdf:Description>",
            ]
            .concat(),
        ),
        _ => return Err("several pdfaExtension:schemas in krilla's XMP".into()),
    }
    Ok(extended.into_bytes())
}

/// `pdf` with the Factur-X XMP, rewritten whole by lopdf (classic cross-reference
/// table, binary header comment kept: both PDF/A requirements that lopdf honours).
pub(super) fn with_facturx_xmp(pdf: &[u8]) -> Result<Vec<u8>, String> {
    let mut document = lopdf::Document::load_mem(pdf).map_err(|err| format!("reload: {err}"))?;
    let id = document
        .catalog()
        .and_then(|catalog| catalog.get(b"Metadata"))
        .and_then(Object::as_reference)
        .map_err(|err| format!("catalog /Metadata: {err}"))?;
    let stream = document
        .get_object_mut(id)
        .and_then(Object::as_stream_mut)
        .map_err(|err| format!("metadata stream: {err}"))?;
    let packet = stream
        .get_plain_content()
        .map_err(|err| format!("metadata stream: {err}"))?;
    // Left uncompressed, so that tools that do not parse PDF still find the packet.
    stream.set_plain_content(extended_packet(&packet)?);
    let mut out = Vec::with_capacity(pdf.len() + 4096);
    document
        .save_to(&mut out)
        .map_err(|err| format!("save: {err}"))?;
    Ok(out)
}

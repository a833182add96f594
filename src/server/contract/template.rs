//! The contract's text, template [`crate::domain::contract::TEMPLATE_VERSION`], in French or English
//! (`locales/*/contract.json`), filled from the frozen [`ContractSnapshot`]; and the
//! evidence page the final document ends with.

use crate::domain::contract::{ContractParty, ContractSnapshot, SignatureEvidence};
use crate::domain::lang::Lang;
use crate::server::pdf::layout::Block;
use crate::ui::format::date_in;
use crate::ui::text::quote::euros_in;

fn party(lang: Lang, label: &str, p: &ContractParty) -> Block {
    Block::Fields(vec![(
        label.to_string(),
        tr_in!(
            lang,
            contract.party,
            name = &p.name,
            legal_form = &p.legal_form,
            registration = &p.registration,
            address = &p.address,
            signatory = &p.signatory,
            role = &p.signatory_role
        )
        .to_string(),
    )])
}

/// The contract as drawn, to be signed.
pub fn contract(lang: Lang, s: &ContractSnapshot) -> Vec<Block> {
    let h = |t: &str| Block::Heading(t.to_string());
    let p = |t: String| Block::Paragraph(t);
    vec![
        Block::Title(tr_in!(lang, contract.title, reference = &s.reference).to_string()),
        p(tr_in!(lang, contract.between).to_string()),
        party(lang, tr_in!(lang, contract.platform), &s.platform),
        party(lang, tr_in!(lang, contract.expert), &s.expert),
        party(lang, tr_in!(lang, contract.client), &s.client),
        h(tr_in!(lang, contract.a1)),
        p(tr_in!(lang, contract.a1_text, title = &s.project_title).to_string()),
        h(tr_in!(lang, contract.a2)),
        p(tr_in!(
            lang,
            contract.a2_text,
            quote = &s.quote_reference,
            ht = euros_in(lang, s.total_ht),
            ttc = euros_in(lang, s.total_ttc),
            start = date_in(lang, s.start_date),
            days = s.duration_days
        )
        .to_string()),
        h(tr_in!(lang, contract.a3)),
        p(tr_in!(lang, contract.a3_text).to_string()),
        h(tr_in!(lang, contract.a4)),
        p(tr_in!(lang, contract.a4_text).to_string()),
        h(tr_in!(lang, contract.a5)),
        p(tr_in!(lang, contract.a5_text).to_string()),
        h(tr_in!(lang, contract.a6)),
        p(tr_in!(lang, contract.a6_text).to_string()),
        h(tr_in!(lang, contract.a7)),
        p(tr_in!(lang, contract.a7_text).to_string()),
        h(tr_in!(lang, contract.a8)),
        p(tr_in!(lang, contract.a8_text).to_string()),
        h(tr_in!(lang, contract.a9)),
        p(tr_in!(lang, contract.a9_text).to_string()),
        h(tr_in!(lang, contract.a10)),
        p(tr_in!(lang, contract.a10_text).to_string()),
        Block::Gap(8.0),
        Block::Small(
            tr_in!(
                lang,
                contract.template,
                template = &s.template_version,
                date = date_in(lang, s.drawn_on)
            )
            .to_string(),
        ),
    ]
}

/// The signed contract: the same text, then the evidence of both signatures.
pub fn signed(
    lang: Lang,
    s: &ContractSnapshot,
    document_sha256: &str,
    evidence: &[SignatureEvidence],
) -> Vec<Block> {
    let mut blocks = contract(lang, s);
    blocks.push(Block::Gap(12.0));
    blocks.push(Block::Heading(
        tr_in!(lang, contract.evidence_title).to_string(),
    ));
    blocks.push(Block::Paragraph(
        tr_in!(lang, contract.evidence_lead).to_string(),
    ));
    blocks.push(Block::Small(document_sha256.to_string()));
    for e in evidence {
        let label = match e.party {
            crate::domain::selection::Party::Expert => tr_in!(lang, contract.expert),
            _ => tr_in!(lang, contract.client),
        };
        blocks.push(Block::Heading(label.to_string()));
        let row = |k: &str, v: &str| (k.to_string(), v.to_string());
        blocks.push(Block::Fields(vec![
            row(tr_in!(lang, contract.evidence_signer), &e.signer),
            row(tr_in!(lang, contract.evidence_company), &e.company),
            row(tr_in!(lang, contract.evidence_email), &e.email),
            row(tr_in!(lang, contract.evidence_at), &e.at),
            row(tr_in!(lang, contract.evidence_ip), &e.ip),
            row(tr_in!(lang, contract.evidence_user_agent), &e.user_agent),
            row(tr_in!(lang, contract.evidence_consent), &e.consent),
            row(tr_in!(lang, contract.evidence_hash), &e.evidence_hash),
        ]));
    }
    blocks
}

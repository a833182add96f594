//! Reading the bank's end-of-day statement (ISO 20022 camt.053, any version 001.xx) to
//! find which invoices were paid. A payment is recognised only by its reference and its
//! exact amount: anything else goes to a person, since marking an invoice paid by mistake
//! would stop the reminders and the penalties it is owed.
//!
//! The file comes from an administrator's upload, so it is bounded in size and entries
//! and parsed without DTD (no entity expansion, no external fetch).

use chrono::NaiveDate;
use roxmltree::{Document, Node, ParsingOptions};
use serde::{Deserialize, Serialize};

use super::epc::rf_is_valid;
use crate::domain::money::Euros;

/// Far above a day of the platform's payments, far below what strains the server.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 10_000;
const MAX_NODES: u32 = 2_000_000;
const NAMESPACE_PREFIX: &str = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";

/// One movement of the account: an entry, or one transaction of a batched entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine {
    /// The bank's reference of the entry (`NtryRef`, else `AcctSvcrRef`); for the n-th
    /// transaction of a batch, its own `AcctSvcrRef`, else the entry's suffixed `/n`.
    /// What makes a second import of the same file recognisable.
    pub entry_ref: Option<String>,
    pub amount: Euros,
    pub credit: bool,
    pub booked_on: NaiveDate,
    /// The structured creditor reference, else an RF reference found in the free text,
    /// else the free text.
    pub reference: Option<String>,
    pub debtor: Option<String>,
    /// The free remittance text (`Ustrd`, else `AddtlNtryInf`).
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CamtError {
    #[error("the file is not well-formed XML (or declares a DTD)")]
    NotXml,
    #[error("the document is not a camt.053 bank-to-customer statement")]
    NotCamt053,
    #[error("entry {index}: {why}")]
    BadEntry { index: usize, why: &'static str },
    #[error("the statement is too large")]
    TooLarge,
}

/// Every booked line of the statement, in document order. An entry the file gives only
/// as pending or informative is skipped: money not booked has not arrived. An amount in
/// another currency than the euro refuses the whole file, naming the entry: the
/// platform's account is in euros, so the file is the wrong one.
pub fn parse_statement(xml: &str) -> Result<Vec<StatementLine>, CamtError> {
    if xml.len() > MAX_BYTES {
        return Err(CamtError::TooLarge);
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => CamtError::TooLarge,
        _ => CamtError::NotXml,
    })?;
    let root = doc.root_element();
    let ns = root.tag_name().namespace().unwrap_or_default();
    if root.tag_name().name() != "Document" || !ns.starts_with(NAMESPACE_PREFIX) {
        return Err(CamtError::NotCamt053);
    }
    let x = Camt { ns };
    let report = x
        .child(root, "BkToCstmrStmt")
        .ok_or(CamtError::NotCamt053)?;
    let mut lines = Vec::new();
    let entries = x
        .children(report, "Stmt")
        .into_iter()
        .flat_map(|stmt| x.children(stmt, "Ntry"));
    for (index, entry) in entries.enumerate() {
        if index >= MAX_ENTRIES {
            return Err(CamtError::TooLarge);
        }
        x.entry(entry, &mut lines)
            .map_err(|why| CamtError::BadEntry { index, why })?;
    }
    Ok(lines)
}

/// The elements of one namespace, by local name.
struct Camt<'a> {
    ns: &'a str,
}

impl Camt<'_> {
    fn is(&self, node: Node, name: &str) -> bool {
        node.is_element()
            && node.tag_name().name() == name
            && node.tag_name().namespace() == Some(self.ns)
    }

    fn children<'n, 'i>(&self, node: Node<'n, 'i>, name: &str) -> Vec<Node<'n, 'i>> {
        node.children().filter(|n| self.is(*n, name)).collect()
    }

    fn child<'n, 'i>(&self, node: Node<'n, 'i>, name: &str) -> Option<Node<'n, 'i>> {
        node.children().find(|n| self.is(*n, name))
    }

    /// The trimmed text at the end of a path of child elements, if not empty.
    fn text(&self, node: Node, path: &[&str]) -> Option<String> {
        let mut at = node;
        for name in path {
            at = self.child(at, name)?;
        }
        let text = at.text()?.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    fn entry(&self, entry: Node, lines: &mut Vec<StatementLine>) -> Result<(), &'static str> {
        // camt.053.001.02 to .05 write the status as text, later versions in `Cd`.
        let status = self
            .text(entry, &["Sts", "Cd"])
            .or_else(|| self.text(entry, &["Sts"]));
        if matches!(status.as_deref(), Some("PDNG" | "INFO")) {
            return Ok(());
        }
        let amount = self.amount(entry)?.ok_or("no amount")?;
        let credit = self
            .direction(entry)?
            .ok_or("no credit or debit indicator")?;
        let booked_on = self.booking_date(entry)?;
        let entry_ref = self
            .text(entry, &["NtryRef"])
            .or_else(|| self.text(entry, &["AcctSvcrRef"]));
        let transactions: Vec<Node> = self
            .children(entry, "NtryDtls")
            .into_iter()
            .flat_map(|details| self.children(details, "TxDtls"))
            .collect();
        let entry_text = self.text(entry, &["AddtlNtryInf"]);
        if transactions.len() <= 1 {
            let (reference, debtor, text) = match transactions.first() {
                Some(tx) => self.remittance(*tx, entry_text),
                None => (entry_text.clone(), None, entry_text),
            };
            lines.push(StatementLine {
                entry_ref,
                amount,
                credit,
                booked_on,
                reference: reference.map(|r| find_rf(&r).unwrap_or(r)),
                debtor,
                text,
            });
            return Ok(());
        }
        for (n, tx) in transactions.into_iter().enumerate() {
            let amount = match self.amount(tx)? {
                Some(amount) => amount,
                None => self
                    .child(tx, "AmtDtls")
                    .and_then(|d| self.child(d, "TxAmt"))
                    .map(|d| self.amount(d))
                    .transpose()?
                    .flatten()
                    .ok_or("a transaction has no amount")?,
            };
            let (reference, debtor, text) = self.remittance(tx, None);
            lines.push(StatementLine {
                entry_ref: self
                    .text(tx, &["Refs", "AcctSvcrRef"])
                    .or_else(|| entry_ref.as_ref().map(|r| format!("{r}/{}", n + 1))),
                amount,
                credit: self.direction(tx)?.unwrap_or(credit),
                booked_on,
                reference: reference.map(|r| find_rf(&r).unwrap_or(r)),
                debtor,
                text,
            });
        }
        Ok(())
    }

    /// The `Amt` child: in euros, positive, two decimals at most.
    fn amount(&self, node: Node) -> Result<Option<Euros>, &'static str> {
        let Some(amt) = self.child(node, "Amt") else {
            return Ok(None);
        };
        if amt.attribute("Ccy") != Some("EUR") {
            return Err("the amount is not in euros");
        }
        let value: rust_decimal::Decimal = amt
            .text()
            .unwrap_or_default()
            .trim()
            .parse()
            .map_err(|_| "the amount is not a number")?;
        match Euros::new(value) {
            Ok(amount) if amount.is_positive() => Ok(Some(amount)),
            _ => Err("the amount is not a positive amount in cents"),
        }
    }

    fn direction(&self, node: Node) -> Result<Option<bool>, &'static str> {
        match self.text(node, &["CdtDbtInd"]).as_deref() {
            Some("CRDT") => Ok(Some(true)),
            Some("DBIT") => Ok(Some(false)),
            Some(_) => Err("the credit or debit indicator is neither CRDT nor DBIT"),
            None => Ok(None),
        }
    }

    fn booking_date(&self, entry: Node) -> Result<NaiveDate, &'static str> {
        let date = self
            .text(entry, &["BookgDt", "Dt"])
            .or_else(|| self.text(entry, &["BookgDt", "DtTm"]))
            .ok_or("no booking date")?;
        // A date-time starts with its date: 2026-03-31T10:15:00+02:00.
        date.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .ok_or("the booking date is not a date")
    }

    /// The reference, the debtor's name and the free text of a transaction.
    fn remittance(
        &self,
        tx: Node,
        fallback_text: Option<String>,
    ) -> (Option<String>, Option<String>, Option<String>) {
        let info = self.child(tx, "RmtInf");
        let structured = info.and_then(|info| {
            self.children(info, "Strd")
                .into_iter()
                .find_map(|s| self.text(s, &["CdtrRefInf", "Ref"]))
        });
        let free: Vec<String> = info
            .map(|info| {
                self.children(info, "Ustrd")
                    .into_iter()
                    .filter_map(|u| self.text(u, &[]))
                    .collect()
            })
            .unwrap_or_default();
        let text = if free.is_empty() {
            fallback_text
        } else {
            Some(free.join(" "))
        };
        // camt.053.001.08 names the party in `Dbtr/Pty/Nm`, earlier versions in `Dbtr/Nm`.
        let debtor = self
            .child(tx, "RltdPties")
            .and_then(|p| self.child(p, "Dbtr"))
            .and_then(|d| {
                self.text(d, &["Pty", "Nm"])
                    .or_else(|| self.text(d, &["Nm"]))
            });
        (structured.or_else(|| text.clone()), debtor, text)
    }
}

/// The first valid RF reference in a text, written whole (`RF18539007547034`) or in the
/// printed groups of four (`RF18 5390 0754 7034`).
fn find_rf(text: &str) -> Option<String> {
    let tokens: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_uppercase)
        .collect();
    for (i, token) in tokens.iter().enumerate() {
        if !token.starts_with("RF") {
            continue;
        }
        if rf_is_valid(token) {
            return Some(token.clone());
        }
        if token.len() != 4 {
            continue;
        }
        let mut candidate = token.clone();
        let mut found = None;
        for group in &tokens[i + 1..] {
            if group.len() > 4 || candidate.len() + group.len() > 25 {
                break;
            }
            candidate.push_str(group);
            if rf_is_valid(&candidate) {
                found = Some(candidate.clone());
            }
            if group.len() < 4 {
                break;
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// An invoice waiting for its payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenInvoice {
    pub number: String,
    /// Its RF creditor reference.
    pub reference: String,
    pub payable: Euros,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMatch {
    /// The line pays `open[invoice]`.
    Paid { invoice: usize },
    /// Why not: "debit", "unknown reference", "amount differs", "already matched".
    Unmatched(&'static str),
}

/// One answer per line, in order. A line pays an invoice when it is a credit, names the
/// invoice (its RF reference, or its number anywhere in the reference or the text,
/// ignoring case, spaces and hyphens) and brings exactly its payable amount; each invoice
/// is paid by one line at most, the first.
pub fn match_lines(lines: &[StatementLine], open: &[OpenInvoice]) -> Vec<LineMatch> {
    let mut matched = vec![false; open.len()];
    lines
        .iter()
        .map(|line| {
            if !line.credit {
                return LineMatch::Unmatched("debit");
            }
            let said: Vec<String> = [&line.reference, &line.text]
                .into_iter()
                .flatten()
                .map(|s| normalize(s))
                .collect();
            let named: Vec<usize> = (0..open.len())
                .filter(|&i| names(&said, &open[i]))
                .collect();
            if named.is_empty() {
                return LineMatch::Unmatched("unknown reference");
            }
            let exact: Vec<usize> = named
                .into_iter()
                .filter(|&i| open[i].payable == line.amount)
                .collect();
            if exact.is_empty() {
                return LineMatch::Unmatched("amount differs");
            }
            match exact.into_iter().find(|&i| !matched[i]) {
                Some(i) => {
                    matched[i] = true;
                    LineMatch::Paid { invoice: i }
                }
                None => LineMatch::Unmatched("already matched"),
            }
        })
        .collect()
}

fn names(said: &[String], invoice: &OpenInvoice) -> bool {
    let reference = normalize(&invoice.reference);
    let number = normalize(&invoice.number);
    said.iter()
        .any(|s| (!reference.is_empty() && *s == reference) || contains_number(s, &number))
}

/// The number in the text, not followed by a digit: "FA2026000001" is not in
/// "FA20260000012".
fn contains_number(text: &str, number: &str) -> bool {
    !number.is_empty()
        && text.match_indices(number).any(|(at, _)| {
            !text[at + number.len()..]
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit())
        })
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests;

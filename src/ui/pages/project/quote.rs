//! The quote of a selected expert, on both sides of the path: the expert writes a
//! version ([`super::quote_form`]), the client accepts it or asks for a revision, and
//! every version stays readable, the newest first. Plain forms: they work without
//! JavaScript.

use leptos::prelude::*;

use crate::api::quote::{QuoteAnswer, QuoteSend};
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::quote::{QuoteState, QuoteVersion, QuoteView, FRANCHISE_MENTION};
use crate::domain::selection::Party;
use crate::ui::components::form::Outcome;
use crate::ui::format::{date, day_of};
use crate::ui::text::current_lang;
use crate::ui::text::quote::{euros_in, state_label, terms_text, unit_label};

/// The quote's forms, shared by every path of a page; their versions refetch it.
#[derive(Clone, Copy)]
pub struct QuoteActions {
    pub send: ServerAction<QuoteSend>,
    pub answer: ServerAction<QuoteAnswer>,
}

impl QuoteActions {
    pub fn new() -> Self {
        Self {
            send: ServerAction::new(),
            answer: ServerAction::new(),
        }
    }

    pub fn version(&self) -> usize {
        self.send.version().get() + self.answer.version().get()
    }
}

impl Default for QuoteActions {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn PathQuote(
    project: ProjectId,
    expert: ExpertId,
    quote: QuoteView,
    reader: Party,
    actions: QuoteActions,
) -> impl IntoView {
    let lead = match reader {
        Party::Expert => Some(tr!(quote.lead_expert)),
        Party::Client => Some(tr!(quote.lead_client)),
        _ => None,
    };
    let latest_state = quote.latest().map(|v| v.state);
    let may_write = reader == Party::Expert && latest_state != Some(QuoteState::Accepted);
    let may_answer = reader == Party::Client
        && quote
            .latest()
            .is_some_and(|v| v.state == QuoteState::Sent && !v.expired);
    let awaiting = latest_state.is_none() && reader != Party::Expert;
    let mut versions = quote.versions.clone().into_iter();
    let latest = versions.next();
    let earlier: Vec<QuoteVersion> = versions.collect();
    let next_version = latest.as_ref().map_or(1, |v| v.version + 1);
    let draft = latest.as_ref().map(|v| v.draft.clone());
    view! {
        <section class="path-quote" data-testid="quote"
            data-state=latest_state.map(|s| s.as_str()).unwrap_or("none")>
            <h3>{tr!(quote.title)}</h3>
            {lead.map(|lead| view! { <p class="hint">{lead}</p> })}
            {awaiting.then(|| view! { <p class="notice">{tr!(quote.awaiting_quote)}</p> })}
            {latest.map(|v| {
                let version = v.version;
                view! {
                    <QuoteDocument version=v/>
                    {may_answer.then(|| view! { <Answer project expert version action=actions.answer/> })}
                }
            })}
            {(!earlier.is_empty()).then(|| {
                let count = earlier.len();
                view! {
                    <details class="quote-earlier" data-testid="quote-earlier">
                        <summary>{tr!(quote.earlier_versions, count = count)}</summary>
                        {earlier.into_iter().map(|v| view! { <QuoteDocument version=v/> }).collect_view()}
                    </details>
                }
            })}
            {may_write.then(|| view! {
                <super::quote_form::QuoteEditor project expert version=next_version draft
                    today=quote.today action=actions.send/>
            })}
            <Outcome result=Signal::derive(move || actions.answer.value().get().map(|r| r.map(|_| ())))
                done=tr!(quote.answered)/>
        </section>
    }
}

/// One version as both parties read it: its lines, VAT per rate, totals and terms.
#[component]
fn QuoteDocument(version: QuoteVersion) -> impl IntoView {
    let lang = current_lang();
    let d = version.draft;
    let t = version.totals;
    let status = if version.expired {
        tr!(quote.expired).to_string()
    } else {
        state_label(lang, version.state).to_string()
    };
    view! {
        <article class="quote" data-testid="quote-version" data-version=version.version
            data-state=version.state.as_str()>
            <header class="quote__head">
                <strong>{tr!(quote.version, version = version.version)}</strong>
                <span class="muted" translate="no">{tr!(quote.reference, reference = version.reference.clone())}</span>
                <span class="muted">{tr!(quote.sent_on, date = day_of(&version.sent_at))}</span>
                <span class="badge" data-testid="quote-state">{status}</span>
                <a href=version.pdf.clone() download="" data-testid="quote-pdf">{tr!(quote.download)}</a>
            </header>
            <div class="table-scroll">
                <table class="table quote__lines">
                    <thead><tr>
                        <th scope="col">{tr!(quote.col_description)}</th>
                        <th scope="col" class="num">{tr!(quote.col_quantity)}</th>
                        <th scope="col" class="num">{tr!(quote.col_unit_price)}</th>
                        <th scope="col" class="num">{tr!(quote.col_vat)}</th>
                        <th scope="col" class="num">{tr!(quote.col_total)}</th>
                    </tr></thead>
                    <tbody>
                        {d.lines.iter().map(|l| {
                            let plural = l.quantity > rust_decimal::Decimal::ONE;
                            let qty = format!("{} {}", quantity_in(lang, l.quantity), unit_label(lang, l.unit, plural));
                            view! {
                                <tr>
                                    <td>{l.description.clone()}</td>
                                    <td class="num">{qty}</td>
                                    <td class="num">{euros_in(lang, l.unit_price)}</td>
                                    <td class="num">{l.vat.label_fr()}</td>
                                    <td class="num">{euros_in(lang, l.total())}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <dl class="quote__totals">
                <dt>{tr!(quote.total_ht)}</dt><dd data-testid="quote-ht">{euros_in(lang, t.ht)}</dd>
                {t.by_rate.iter().filter(|r| !d.franchise || r.vat.is_positive()).map(|r| view! {
                    <dt>{tr!(quote.vat_on, rate = r.rate.label_fr(), base = euros_in(lang, r.base))}</dt>
                    <dd>{euros_in(lang, r.vat)}</dd>
                }).collect_view()}
                <dt>{tr!(quote.total_ttc)}</dt><dd data-testid="quote-ttc"><strong>{euros_in(lang, t.ttc)}</strong></dd>
            </dl>
            {d.franchise.then(|| view! {
                // The legal mention is printed in French on every quote, whatever the reader's language.
                <p class="quote__mention" lang="fr">{FRANCHISE_MENTION}</p>
            })}
            <ul class="quote__terms">
                <li>{tr!(quote.start, date = date(d.start_date), days = d.duration_days)}</li>
                <li>{terms_text(lang, d.terms)}</li>
                <li>{tr!(quote.valid_until, date = date(d.valid_until))}</li>
            </ul>
            {version.revision_comment.map(|c| view! {
                <p class="quote__revision"><strong>{tr!(quote.revision_comment)}</strong>" "<q data-testid="quote-revision">{c}</q></p>
            })}
        </article>
    }
}

/// `2,5` in French, `2.5` in English.
fn quantity_in(lang: crate::domain::lang::Lang, q: rust_decimal::Decimal) -> String {
    let text = q.normalize().to_string();
    match lang {
        crate::domain::lang::Lang::Fr => text.replace('.', ","),
        crate::domain::lang::Lang::En => text,
    }
}

/// The client accepts the latest version, or says what should change.
#[component]
fn Answer(
    project: ProjectId,
    expert: ExpertId,
    version: i32,
    action: ServerAction<QuoteAnswer>,
) -> impl IntoView {
    let id = format!("revision-{expert}-{version}");
    let field = move |name: &'static str, label: &'static str, max: usize| {
        let input_id = format!("accept-{expert}-{name}");
        view! {
            <div class="field">
                <label for=input_id.clone()>{label}</label>
                <input id=input_id name=format!("details[{name}]") required=true maxlength=max.to_string()
                    data-testid=format!("accept-{name}")/>
            </div>
        }
    };
    use crate::domain::contract::parties::{ADDRESS_MAX_CHARS, DETAIL_MAX_CHARS};
    view! {
        <div class="quote__answer">
            <details class="quote__revise" data-testid="quote-accept-form">
                <summary>{tr!(quote.accept)}</summary>
                <ActionForm action>
                    <input type="hidden" name="project" value=project.to_string()/>
                    <input type="hidden" name="expert" value=expert.to_string()/>
                    <input type="hidden" name="version" value=version.to_string()/>
                    <input type="hidden" name="answer" value="accept"/>
                    <fieldset class="form-grid">
                        <legend>{tr!(signing.client_details)}</legend>
                        {field("legal_form", tr!(signing.field_legal_form), DETAIL_MAX_CHARS)}
                        {field("address", tr!(signing.field_address), ADDRESS_MAX_CHARS)}
                        {field("signatory", tr!(signing.field_signatory), DETAIL_MAX_CHARS)}
                        {field("signatory_role", tr!(signing.field_signatory_role), DETAIL_MAX_CHARS)}
                    </fieldset>
                    <button type="submit" class="button" data-testid="quote-accept">{tr!(signing.accept_and_draw)}</button>
                </ActionForm>
            </details>
            <details class="quote__revise">
                <summary>{tr!(quote.ask_revision)}</summary>
                <ActionForm action>
                    <input type="hidden" name="project" value=project.to_string()/>
                    <input type="hidden" name="expert" value=expert.to_string()/>
                    <input type="hidden" name="version" value=version.to_string()/>
                    <input type="hidden" name="answer" value="revise"/>
                    <label for=id.clone()>{tr!(quote.revision_label)}</label>
                    <textarea id=id name="comment" required=true rows="3"
                        maxlength=crate::domain::quote::REVISION_COMMENT_MAX_CHARS.to_string()
                        data-testid="quote-revision-comment"></textarea>
                    <button type="submit" class="button button--secondary" data-testid="quote-ask-revision">{tr!(quote.ask_revision)}</button>
                </ActionForm>
            </details>
        </div>
    }
}

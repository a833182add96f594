//! The expert's quote form: lines, VAT, dates and payment terms, prefilled from the
//! previous version. Without JavaScript it is a plain form with a few blank lines; with
//! it, lines are added as needed and the totals (or the first problem) follow the
//! typing, computed by the same rules the server applies.

use leptos::prelude::*;

use crate::api::quote::QuoteSend;
use crate::domain::id::{ExpertId, ProjectId};
use crate::domain::quote::{
    LineForm, QuoteDraft, QuoteForm, QuoteUnit, TermsBasis, Totals, VatRate, LINES_MAX,
};
use crate::ui::components::form::Outcome;
use crate::ui::text::current_lang;
use crate::ui::text::quote::{basis_label, euros_in, unit_label};

/// Blank lines offered after the typed ones, for the page without JavaScript.
const BLANK_LINES: usize = 2;

#[component]
pub fn QuoteEditor(
    project: ProjectId,
    expert: ExpertId,
    /// The number the version will have.
    version: i32,
    draft: Option<QuoteDraft>,
    today: chrono::NaiveDate,
    action: ServerAction<QuoteSend>,
) -> impl IntoView {
    let lang = current_lang();
    let form = QuoteForm::from_draft(draft.as_ref(), today);
    let typed = form.lines.len();
    let rows = RwSignal::new((typed + BLANK_LINES).min(LINES_MAX));
    let lines = StoredValue::new(form.lines.clone());
    // The totals of what is typed; nothing before the first keystroke on a blank form.
    let preview = RwSignal::new(
        draft
            .as_ref()
            .map(|_| form.parse(today).map(|d| Totals::of(&d.lines))),
    );
    let title = if version > 1 {
        tr!(quote.form_title_revision, version = version).to_string()
    } else {
        tr!(quote.form_title).to_string()
    };
    let prefix = format!("quote-{expert}");
    let on_input = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        if let Some(typed) = typed_form(&ev) {
            preview.set(Some(typed.parse(today).map(|d| Totals::of(&d.lines))));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let basis = form.terms_basis.clone();
    let line_prefix = prefix.clone();
    view! {
        <details class="quote-editor" open={version == 1} data-testid="quote-editor">
            <summary>{title}</summary>
            <ActionForm action on:input=on_input attr:novalidate=true>
                <input type="hidden" name="project" value=project.to_string()/>
                <input type="hidden" name="expert" value=expert.to_string()/>
                <fieldset>
                    <legend>{tr!(quote.col_description)}</legend>
                    <p class="hint">{tr!(quote.lines_hint, max = LINES_MAX)}</p>
                    <For each=move || 0..rows.get() key=|i| *i let:i>
                        <LineRow i line=lines.with_value(|l| l.get(i).cloned()).unwrap_or_else(blank_line) prefix=line_prefix.clone()/>
                    </For>
                    <button type="button" class="button button--secondary button--small when-hydrated"
                        data-testid="quote-add-line" disabled={move || rows.get() >= LINES_MAX}
                        on:click=move |_| rows.update(|n| *n = (*n + 1).min(LINES_MAX))>
                        {tr!(quote.add_line)}
                    </button>
                </fieldset>
                <label class="choice">
                    <input type="checkbox" name="form[franchise]" checked=form.franchise.is_some() data-testid="quote-franchise"/>
                    {tr!(quote.franchise)}
                </label>
                <div class="form-grid">
                    <div class="field">
                        <label for=format!("{prefix}-start")>{tr!(quote.start_date)}</label>
                        <input id=format!("{prefix}-start") type="date" name="form[start_date]" value=form.start_date.clone() required=true data-testid="quote-start"/>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-days")>{tr!(quote.duration_days)}</label>
                        <input id=format!("{prefix}-days") type="number" min="1" max="730" name="form[duration_days]" value=form.duration_days.clone() required=true data-testid="quote-duration"/>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-until")>{tr!(quote.valid_until_field)}</label>
                        <input id=format!("{prefix}-until") type="date" name="form[valid_until]" value=form.valid_until.clone() required=true data-testid="quote-valid-until"/>
                    </div>
                </div>
                <fieldset class="form-grid">
                    <legend>{tr!(quote.terms)}</legend>
                    <div class="field">
                        <label for=format!("{prefix}-terms-days")>{tr!(quote.terms_days)}</label>
                        <input id=format!("{prefix}-terms-days") type="number" min="0" max="60" name="form[terms_days]" value=form.terms_days.clone() required=true data-testid="quote-terms-days"/>
                    </div>
                    <div class="field">
                        <label for=format!("{prefix}-terms-basis")>{tr!(quote.terms)}</label>
                        <select id=format!("{prefix}-terms-basis") name="form[terms_basis]" data-testid="quote-terms-basis">
                            {TermsBasis::ALL.into_iter().map(|b| view! {
                                <option value=b.as_str() selected={basis == b.as_str()}>{basis_label(lang, b)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <p class="hint">{tr!(quote.terms_hint)}</p>
                </fieldset>
                <p class="quote-editor__preview" role="status" data-testid="quote-preview">
                    {move || preview.get().map(|p| match p {
                        Ok(t) => tr_in!(lang, quote.totals_preview,
                            ht = euros_in(lang, t.ht), vat = euros_in(lang, t.vat), ttc = euros_in(lang, t.ttc)).to_string(),
                        Err(problem) => problem.text(lang),
                    })}
                </p>
                <QuoteFee ht=Signal::derive(move || preview.get().and_then(|p| p.ok()).map(|t| t.ht))/>
                <button type="submit" class="button" data-testid="quote-send">{tr!(quote.send)}</button>
            </ActionForm>
            <Outcome result=Signal::derive(move || action.value().get().map(|r| r.map(|_| ())))
                done=tr!(quote.sent)/>
        </details>
    }
}

/// The platform's commission on the quote's total HT, by the schedule in force, before
/// the expert sends it.
#[component]
fn QuoteFee(ht: Signal<Option<crate::domain::money::Euros>>) -> impl IntoView {
    let lang = current_lang();
    let schedule = Resource::new(|| (), |_| crate::api::billing::commission_schedule());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let schedule = schedule.await.ok()?;
                Some(view! {
                    <p class="notice" data-testid="quote-fee" role="status">
                        {move || match ht.get() {
                            Some(ht) => {
                                let c = schedule.commission(ht);
                                tr_in!(lang, billing.quote_fee,
                                    version = &c.schedule_version,
                                    ht = euros_in(lang, c.ht),
                                    ttc = euros_in(lang, c.ttc),
                                    rate = crate::ui::text::billing::percent_in(lang, c.effective_rate)).to_string()
                            }
                            None => tr_in!(lang, billing.quote_fee_pending).to_string(),
                        }}
                        " " <a href="/tarifs">{tr!(billing.pricing_title)}</a>
                    </p>
                })
            })}
        </Suspense>
    }
}

fn blank_line() -> LineForm {
    LineForm {
        unit: QuoteUnit::Day.as_str().into(),
        vat: VatRate::Standard.as_str().into(),
        ..LineForm::default()
    }
}

#[component]
fn LineRow(i: usize, line: LineForm, prefix: String) -> impl IntoView {
    let lang = current_lang();
    let name = move |field: &str| format!("form[lines][{i}][{field}]");
    let id = move |field: &str| format!("{prefix}-{i}-{field}");
    let unit = line.unit.clone();
    let vat = line.vat.clone();
    view! {
        <div class="quote-line" data-testid="quote-line">
            <span class="quote-line__number">{tr!(quote.line, line = i + 1)}</span>
            <div class="field quote-line__description">
                <label for=id("description")>{tr!(quote.field_description)}</label>
                <input id=id("description") name=name("description") value=line.description
                    maxlength=crate::domain::quote::DESCRIPTION_MAX_CHARS.to_string() data-testid="quote-description"/>
            </div>
            <div class="field">
                <label for=id("quantity")>{tr!(quote.field_quantity)}</label>
                <input id=id("quantity") name=name("quantity") value=line.quantity inputmode="decimal" data-testid="quote-quantity"/>
            </div>
            <div class="field">
                <label for=id("unit")>{tr!(quote.field_unit)}</label>
                <select id=id("unit") name=name("unit")>
                    {QuoteUnit::ALL.into_iter().map(|u| view! {
                        <option value=u.as_str() selected={unit == u.as_str()}>{unit_label(lang, u, true)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=id("unit_price")>{tr!(quote.field_unit_price)}</label>
                <input id=id("unit_price") name=name("unit_price") value=line.unit_price inputmode="decimal" data-testid="quote-price"/>
            </div>
            <div class="field">
                <label for=id("vat")>{tr!(quote.field_vat)}</label>
                <select id=id("vat") name=name("vat") data-testid="quote-vat">
                    {VatRate::ALL.into_iter().map(|r| view! {
                        <option value=r.as_str() selected={vat == r.as_str()}>{r.label_fr()}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

/// What the form holds now, read from the DOM as the browser would post it.
#[cfg(feature = "hydrate")]
fn typed_form(ev: &leptos::ev::Event) -> Option<QuoteForm> {
    use wasm_bindgen::JsCast;
    let form: web_sys::HtmlFormElement = ev.current_target()?.dyn_into().ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    let get = |name: &str| data.get(name).as_string().unwrap_or_default();
    let lines = (0..LINES_MAX)
        .map(|i| {
            let field = |f: &str| get(&format!("form[lines][{i}][{f}]"));
            LineForm {
                description: field("description"),
                quantity: field("quantity"),
                unit: field("unit"),
                unit_price: field("unit_price"),
                vat: field("vat"),
            }
        })
        .collect();
    Some(QuoteForm {
        lines,
        franchise: data.get("form[franchise]").as_string(),
        start_date: get("form[start_date]"),
        duration_days: get("form[duration_days]"),
        terms_basis: get("form[terms_basis]"),
        terms_days: get("form[terms_days]"),
        valid_until: get("form[valid_until]"),
    })
}

//! A mission's invoices, as its expert and its client see them: the expert deposits a
//! copy of each (a plain form: it works without JavaScript), the client confirms the
//! payment date; past the due date the penalties the law gives are shown to the expert.

use leptos::prelude::*;

use crate::api::billing::BillingConfirmPaid;
use crate::domain::billing::invoice::PaymentState;
use crate::domain::billing::views::{MissionBilling, MissionInvoiceView};
use crate::ui::components::form::Outcome;
use crate::ui::text::billing::{percent_in, state_label};
use crate::ui::text::current_lang;
use crate::ui::text::quote::{euros_in, terms_text};

use super::day;

#[component]
pub fn MissionInvoices(mission: MissionBilling, expert: bool) -> impl IntoView {
    let lang = current_lang();
    let m = mission;
    let contract = m.contract.to_string();
    let deposit = (expert && m.mission_signed_on.is_some()).then(|| {
        let prefix = format!("mi-{contract}");
        view! {
            <details class="card" data-testid="deposit">
                <summary>{tr!(billing.deposit_title)}</summary>
                <form method="post" action=format!("/facturation/missions/{contract}") enctype="multipart/form-data" class="stack">
                    <p class="hint">{tr!(billing.deposit_hint, terms = terms_text(lang, m.terms)).to_string()}</p>
                    <div class="field"><label for=format!("{prefix}-number")>{tr!(billing.deposit_number)}</label>
                        <input id=format!("{prefix}-number") name="number" required=true maxlength="40" data-testid="deposit-number"/></div>
                    <div class="field"><label for=format!("{prefix}-issued")>{tr!(billing.deposit_issued)}</label>
                        <input id=format!("{prefix}-issued") name="issued_on" type="date" required=true data-testid="deposit-issued"/></div>
                    <div class="field"><label for=format!("{prefix}-service")>{tr!(billing.deposit_service)}</label>
                        <input id=format!("{prefix}-service") name="service_on" type="date" required=true data-testid="deposit-service"/></div>
                    <div class="field"><label for=format!("{prefix}-due")>{tr!(billing.deposit_due)}</label>
                        <input id=format!("{prefix}-due") name="due_on" type="date" data-testid="deposit-due"/>
                        <p class="hint">{tr!(billing.deposit_due_hint)}</p></div>
                    <div class="field"><label for=format!("{prefix}-ht")>{tr!(billing.deposit_ht)}</label>
                        <input id=format!("{prefix}-ht") name="amount_ht" inputmode="decimal" required=true data-testid="deposit-ht"/></div>
                    <div class="field"><label for=format!("{prefix}-ttc")>{tr!(billing.deposit_ttc)}</label>
                        <input id=format!("{prefix}-ttc") name="amount_ttc" inputmode="decimal" required=true data-testid="deposit-ttc"/>
                        <p class="hint">{tr!(billing.deposit_quote, ht = euros_in(lang, m.quote_ht), ttc = euros_in(lang, m.quote_ttc)).to_string()}</p></div>
                    <div class="field"><label for=format!("{prefix}-file")>{tr!(billing.deposit_file)}</label>
                        <input id=format!("{prefix}-file") name="file" type="file" accept="application/pdf" required=true data-testid="deposit-file"/></div>
                    <button type="submit" class="button" data-testid="deposit-submit">{tr!(billing.deposit_submit)}</button>
                </form>
            </details>
        }
    });
    let waiting = (m.mission_signed_on.is_none())
        .then(|| view! { <p class="muted">{tr!(billing.mission_waiting)}</p> });
    view! {
        <article class="card stack" data-testid="mission-billing" data-contract=contract.clone()>
            <h3>{m.project_title.clone()} <span class="muted">" · " {m.counterpart.clone()} " · " {m.contract_reference.clone()}</span></h3>
            {waiting}
            {if m.invoices.is_empty() {
                view! { <p class="muted">{tr!(billing.mission_invoices_empty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="stack">
                        {m.invoices.into_iter().map(|i| view! { <MissionInvoiceRow invoice=i expert/> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {deposit}
        </article>
    }
}

#[component]
fn MissionInvoiceRow(invoice: MissionInvoiceView, expert: bool) -> impl IntoView {
    let lang = current_lang();
    let i = invoice;
    let differs = i.quote_ttc_differs.map(|q| view! {
        <p class="notice" data-testid="amount-differs">{tr!(billing.amount_differs, quote = euros_in(lang, q)).to_string()}</p>
    });
    let penalty = (expert && i.state == PaymentState::Overdue)
        .then_some(i.penalty.clone())
        .flatten()
        .map(|p| {
            view! {
                <p class="notice notice--warn" data-testid="penalty">
                    {tr!(billing.penalty_text,
                        days = p.days_late,
                        rate = percent_in(lang, p.rate),
                        interest = euros_in(lang, p.interest),
                        indemnity = euros_in(lang, p.indemnity),
                        total = euros_in(lang, p.total)).to_string()}
                </p>
            }
        });
    let confirm = (!expert && i.paid_on.is_none()).then(|| {
        let action = ServerAction::<BillingConfirmPaid>::new();
        let id = format!("paid-{}", i.id);
        let label_for = id.clone();
        view! {
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="invoice" value=i.id.to_string()/>
                <label for=label_for>{tr!(billing.confirm_paid_on)}</label>
                <input id=id type="date" name="paid_on" required=true data-testid="confirm-paid-on"/>
                <button type="submit" class="button button--small" data-testid="confirm-paid">{tr!(billing.confirm_paid)}</button>
            </ActionForm>
            <Outcome result=Signal::derive(move || action.value().get()) done=tr!(billing.confirm_paid_done)/>
        }
    });
    let paid = i.paid_on.clone().map(
        |on| view! { <span>" · " {tr!(billing.paid_on, date = day(lang, &on)).to_string()}</span> },
    );
    view! {
        <li class="mission-invoice" data-testid="mission-invoice" data-state=format!("{:?}", i.state).to_lowercase()>
            <p>
                <a href=i.file.clone() download="" data-testid="mission-invoice-file">{i.number.clone()}</a>
                " · " {euros_in(lang, i.amount_ttc)}
                " · " {tr!(billing.due_on, date = day(lang, &i.due_on)).to_string()}
                " · " <span data-testid="mission-invoice-state">{state_label(lang, i.state)}</span>
                {paid}
            </p>
            <p class="muted" data-testid="mission-invoice-due" data-due=i.due_on.clone()>
                {tr!(billing.service_and_issue, service = day(lang, &i.service_on), issued = day(lang, &i.issued_on)).to_string()}
            </p>
            {differs}
            {penalty}
            {confirm}
        </li>
    }
}

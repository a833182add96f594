//! `/admin/facturation`: what was invoiced, paid, unpaid and overdue, the refunds to
//! make; payments recorded by hand or from a bank statement (camt.053), whose unmatched
//! lines wait here; the accounting export.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::billing::{
    billing_admin, BillingDismissLine, BillingRecordPayment, BillingRecordRefund,
    CommissionScheduleAdd,
};
use crate::domain::billing::events::UnmatchedWhy;
use crate::domain::billing::invoice::{InvoiceKind, PaymentState};
use crate::domain::billing::views::{AdminBilling, BillingTotals};
use crate::domain::lang::Lang;
use crate::ui::components::form::{ErrorNotice, Outcome};
use crate::ui::text::current_lang;
use crate::ui::text::quote::euros_in;

use super::day;
use super::expert::InvoiceTable;

#[component]
pub fn AdminBillingPage() -> impl IntoView {
    let pay = ServerAction::<BillingRecordPayment>::new();
    let refund = ServerAction::<BillingRecordRefund>::new();
    let dismiss = ServerAction::<BillingDismissLine>::new();
    let billing = Resource::new(
        move || {
            (
                pay.version().get(),
                refund.version().get(),
                dismiss.version().get(),
            )
        },
        |_| billing_admin(),
    );
    let query = use_query_map();
    let imported = move || {
        let q = query.read();
        q.get("importees")
            .map(|lines| (lines, q.get("rapprochees").unwrap_or_default()))
    };
    view! {
        <Title text=tr!(billing.admin_title)/>
        <section class="container stack">
            <h1>{tr!(billing.admin_title)}</h1>
            <p><a href="/admin/facturation/export.csv" download="" data-testid="export-csv">{tr!(billing.export_csv)}</a></p>
            {move || imported().map(|(lines, matched)| view! {
                <p class="notice notice--ok" role="status" data-testid="import-report">
                    {tr!(billing.import_report, lines = lines, matched = matched).to_string()}
                </p>
            })}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match billing.await {
                        Ok(b) => view! { <Dashboard billing=b pay refund dismiss/> }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
            <ScheduleForm/>
            <form method="post" action="/admin/facturation/releves" enctype="multipart/form-data" class="card stack" data-testid="statement-form">
                <h2>{tr!(billing.statement_title)}</h2>
                <p class="hint">{tr!(billing.statement_hint)}</p>
                <div class="field">
                    <label for="statement-file">{tr!(billing.statement_file)}</label>
                    <input id="statement-file" type="file" name="file" accept=".xml,application/xml,text/xml" required=true data-testid="statement-file"/>
                </div>
                <button type="submit" class="button" data-testid="statement-submit">{tr!(billing.statement_submit)}</button>
            </form>
        </section>
    }
}

/// A new version of the commission schedule; the versions in force never change.
#[component]
fn ScheduleForm() -> impl IntoView {
    let add = ServerAction::<CommissionScheduleAdd>::new();
    view! {
        <details class="card">
            <summary>{tr!(billing.schedule_title)}</summary>
            <ActionForm action=add attr:class="stack">
                <p class="hint">{tr!(billing.schedule_hint)}</p>
                <div class="field"><label for="schedule-version">{tr!(billing.schedule_version)}</label>
                    <input id="schedule-version" name="version" required=true maxlength="40"/></div>
                <div class="field"><label for="schedule-brackets">{tr!(billing.schedule_brackets)}</label>
                    <textarea id="schedule-brackets" name="brackets" rows="4" required=true>"10000;3\n50000;2\n;1"</textarea></div>
                <div class="field"><label for="schedule-minimum">{tr!(billing.schedule_minimum)}</label>
                    <input id="schedule-minimum" name="minimum" inputmode="decimal" value="49" required=true/></div>
                <button type="submit" class="button">{tr!(billing.schedule_submit)}</button>
                <Outcome result=Signal::derive(move || add.value().get()) done=tr!(billing.recorded)/>
            </ActionForm>
        </details>
    }
}

fn totals(lang: Lang, t: BillingTotals) -> impl IntoView {
    let euros = move |e| euros_in(lang, e);
    view! {
        <dl class="fee-figures" data-testid="billing-totals">
            <div><dt>{tr!(billing.total_issued)}</dt><dd data-testid="total-issued">{euros(t.issued)}</dd></div>
            <div><dt>{tr!(billing.total_paid)}</dt><dd data-testid="total-paid">{euros(t.paid)}</dd></div>
            <div><dt>{tr!(billing.total_unpaid)}</dt><dd data-testid="total-unpaid">{euros(t.unpaid)}</dd></div>
            <div><dt>{tr!(billing.total_overdue)}</dt><dd data-testid="total-overdue">{euros(t.overdue)}</dd></div>
            <div><dt>{tr!(billing.total_refunds)}</dt><dd data-testid="total-refunds">{euros(t.refunds_due)}</dd></div>
        </dl>
    }
}

fn why_label(lang: Lang, why: UnmatchedWhy) -> &'static str {
    match why {
        UnmatchedWhy::Debit => tr_in!(lang, billing.why_debit),
        UnmatchedWhy::UnknownReference => tr_in!(lang, billing.why_unknown_reference),
        UnmatchedWhy::AmountDiffers => tr_in!(lang, billing.why_amount_differs),
        UnmatchedWhy::AlreadyPaid => tr_in!(lang, billing.why_already_paid),
    }
}

#[component]
fn Dashboard(
    billing: AdminBilling,
    pay: ServerAction<BillingRecordPayment>,
    refund: ServerAction<BillingRecordRefund>,
    dismiss: ServerAction<BillingDismissLine>,
) -> impl IntoView {
    let lang = current_lang();
    let open: Vec<_> = billing
        .invoices
        .iter()
        .filter(|i| i.kind != InvoiceKind::CreditNote)
        .filter(|i| matches!(i.state, PaymentState::Unpaid | PaymentState::Overdue))
        .map(|i| {
            (
                i.id,
                i.number.clone(),
                i.payable.checked_sub(i.paid).unwrap_or(i.payable),
            )
        })
        .collect();
    let refunds: Vec<_> = billing
        .invoices
        .iter()
        .filter(|i| i.kind == InvoiceKind::CreditNote)
        .filter_map(|i| {
            i.refund
                .as_ref()
                .filter(|r| r.refunded_on.is_none() && r.amount.is_positive())
                .map(|r| (i.id, i.number.clone(), r.amount))
        })
        .collect();
    let pay_form = (!open.is_empty()).then(|| view! {
        <ActionForm action=pay attr:class="card stack" attr:data-testid="payment-form">
            <h2>{tr!(billing.record_payment)}</h2>
            <div class="field"><label for="pay-invoice">{tr!(billing.col_number)}</label>
                <select id="pay-invoice" name="invoice" data-testid="pay-invoice">
                    {open.into_iter().map(|(id, number, left)| view! {
                        <option value=id.to_string()>{format!("{number} — {}", euros_in(lang, left))}</option>
                    }).collect_view()}
                </select></div>
            <div class="field"><label for="pay-amount">{tr!(billing.pay_amount)}</label>
                <input id="pay-amount" name="amount" inputmode="decimal" required=true data-testid="pay-amount"/></div>
            <div class="field"><label for="pay-on">{tr!(billing.pay_on)}</label>
                <input id="pay-on" name="paid_on" type="date" required=true data-testid="pay-on"/></div>
            <button type="submit" class="button" data-testid="pay-submit">{tr!(billing.record_payment)}</button>
            <Outcome result=Signal::derive(move || pay.value().get()) done=tr!(billing.recorded)/>
        </ActionForm>
    });
    let refund_form = (!refunds.is_empty()).then(|| view! {
        <ActionForm action=refund attr:class="card stack" attr:data-testid="refund-form">
            <h2>{tr!(billing.record_refund)}</h2>
            <div class="field"><label for="refund-note">{tr!(billing.col_number)}</label>
                <select id="refund-note" name="credit_note">
                    {refunds.into_iter().map(|(id, number, amount)| view! {
                        <option value=id.to_string()>{format!("{number} — {}", euros_in(lang, amount))}</option>
                    }).collect_view()}
                </select></div>
            <div class="field"><label for="refund-on">{tr!(billing.refund_on)}</label>
                <input id="refund-on" name="refunded_on" type="date" required=true/></div>
            <button type="submit" class="button">{tr!(billing.record_refund)}</button>
            <Outcome result=Signal::derive(move || refund.value().get()) done=tr!(billing.recorded)/>
        </ActionForm>
    });
    let unmatched = billing.unmatched;
    view! {
        {totals(lang, billing.totals)}
        <h2>{tr!(billing.platform_invoices)}</h2>
        <InvoiceTable invoices=billing.invoices admin=true/>
        {pay_form}
        {refund_form}
        <h2>{tr!(billing.unmatched_title)}</h2>
        {if unmatched.is_empty() {
            view! { <p class="muted">{tr!(billing.unmatched_empty)}</p> }.into_any()
        } else {
            view! {
                <ul class="stack" data-testid="unmatched">
                    {unmatched.into_iter().map(|l| view! {
                        <li class="card" data-testid="unmatched-line">
                            <p>{day(lang, &l.booked_on)} " · " {if l.credit { "+" } else { "−" }} {euros_in(lang, l.amount)}
                               " · " {l.reference.clone().unwrap_or_default()} " · " {l.debtor.clone().unwrap_or_default()}</p>
                            <p class="muted">{why_label(lang, l.why)} {l.details.clone().map(|d| format!(" · {d}"))}</p>
                            <ActionForm action=dismiss>
                                <input type="hidden" name="line" value=l.id.to_string()/>
                                <button type="submit" class="button button--small button--ghost">{tr!(billing.dismiss)}</button>
                            </ActionForm>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

//! `/facturation`: the expert's invoices and credit notes from the platform (with their
//! Factur-X PDF, payment reference and state), and their missions, where they deposit
//! a copy of each invoice they send their client.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::billing::billing_expert;
use crate::domain::billing::invoice::InvoiceKind;
use crate::domain::billing::views::PlatformInvoiceView;
use crate::ui::components::form::ErrorNotice;
use crate::ui::text::billing::{kind_label, state_label};
use crate::ui::text::current_lang;
use crate::ui::text::quote::euros_in;

use super::day;
use super::mission::MissionInvoices;

#[component]
pub fn ExpertBillingPage() -> impl IntoView {
    let billing = Resource::new(|| (), |_| billing_expert());
    view! {
        <Title text=tr!(billing.expert_title)/>
        <section class="container stack">
            <h1>{tr!(billing.expert_title)}</h1>
            <p>{tr!(billing.expert_lead)}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match billing.await {
                        Ok(b) => view! {
                            <h2>{tr!(billing.platform_invoices)}</h2>
                            <InvoiceTable invoices=b.invoices admin=false/>
                            <h2>{tr!(billing.missions)}</h2>
                            {if b.missions.is_empty() {
                                view! { <p class="muted">{tr!(billing.missions_empty)}</p> }.into_any()
                            } else {
                                b.missions.into_iter().map(|m| view! { <MissionInvoices mission=m expert=true/> }).collect_view().into_any()
                            }}
                        }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The platform's invoices as a table; admins also see the expert and record payments.
#[component]
pub fn InvoiceTable(invoices: Vec<PlatformInvoiceView>, admin: bool) -> impl IntoView {
    let lang = current_lang();
    if invoices.is_empty() {
        return view! { <p class="muted">{tr!(billing.invoices_empty)}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="billing-table" data-testid="invoices">
                <thead>
                    <tr>
                        <th scope="col">{tr!(billing.col_number)}</th>
                        <th scope="col">{tr!(billing.col_kind)}</th>
                        {admin.then(|| view! { <th scope="col">{tr!(billing.col_expert)}</th> })}
                        <th scope="col">{tr!(billing.col_project)}</th>
                        <th scope="col">{tr!(billing.col_issued)}</th>
                        <th scope="col">{tr!(billing.col_due)}</th>
                        <th scope="col">{tr!(billing.col_ttc)}</th>
                        <th scope="col">{tr!(billing.col_payable)}</th>
                        <th scope="col">{tr!(billing.col_state)}</th>
                    </tr>
                </thead>
                <tbody>
                    {invoices.into_iter().map(|i| {
                        let refund = i.refund.clone().filter(|r| r.amount.is_positive()).map(|r| {
                            let text = match &r.refunded_on {
                                Some(on) => tr_in!(lang, billing.refunded_on, amount = euros_in(lang, r.amount), date = day(lang, on)).to_string(),
                                None => tr_in!(lang, billing.refund_due, amount = euros_in(lang, r.amount)).to_string(),
                            };
                            view! { <br/><span class="muted" data-testid="refund">{text}</span> }
                        });
                        let reference = (i.kind != InvoiceKind::CreditNote).then(|| view! {
                            <br/><span class="muted">{tr!(billing.pay_reference)} " " <span translate="no" data-testid="payment-reference">{i.payment_reference.clone()}</span></span>
                        });
                        let preceding = i.preceding.clone().map(|p| view! { <br/><span class="muted">{tr!(billing.about)} " " {p}</span> });
                        view! {
                            <tr data-testid="invoice" data-number=i.number.clone() data-kind=i.kind.as_str()>
                                <th scope="row"><a href=i.pdf.clone() data-testid="invoice-pdf" download="">{i.number.clone()}</a>{preceding}</th>
                                <td>{kind_label(lang, i.kind)}</td>
                                {admin.then(|| view! { <td>{i.expert_name.clone()}</td> })}
                                <td>{i.project_title.clone()}</td>
                                <td>{day(lang, &i.issued_on)}</td>
                                <td>{day(lang, &i.due_on)}</td>
                                <td class="num">{euros_in(lang, i.total_ttc)}</td>
                                <td class="num">{euros_in(lang, i.payable)}{reference}</td>
                                <td data-testid="invoice-state" data-state=format!("{:?}", i.state).to_lowercase()>{state_label(lang, i.state)}{refund}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

//! The platform's commission on a budget, as the pricing page and the quote form show
//! it: HT, VAT, TTC, the effective rate, each bracket's share, and what comes back if no
//! mission contract follows. Computed by the domain's rules, in the browser as on the
//! server.

use leptos::prelude::*;

use crate::domain::billing::commission::Commission;
use crate::ui::text::billing::percent_in;
use crate::ui::text::current_lang;
use crate::ui::text::quote::euros_in;

#[component]
pub fn FeeFigures(commission: Commission) -> impl IntoView {
    let lang = current_lang();
    let c = commission;
    let euros = move |e| euros_in(lang, e);
    let minimum = c.minimum_applied.then(|| {
        view! { <p class="hint" data-testid="fee-minimum">{tr!(billing.fee_minimum_applied)}</p> }
    });
    view! {
        <dl class="fee-figures" data-testid="fee-figures">
            <div><dt>{tr!(billing.fee_ht)}</dt><dd data-testid="fee-ht">{euros(c.ht)}</dd></div>
            <div><dt>{tr!(billing.fee_vat)}</dt><dd data-testid="fee-vat">{euros(c.vat)}</dd></div>
            <div><dt>{tr!(billing.fee_ttc)}</dt><dd data-testid="fee-ttc">{euros(c.ttc)}</dd></div>
            <div><dt>{tr!(billing.fee_rate)}</dt><dd data-testid="fee-rate">{percent_in(lang, c.effective_rate)}</dd></div>
            <div><dt>{tr!(billing.fee_refund)}</dt><dd data-testid="fee-refund">{euros(c.refund.ttc)}</dd></div>
        </dl>
        {minimum}
        <div class="table-scroll">
        <table class="fee-brackets" data-testid="fee-brackets">
            <caption>{tr!(billing.fee_brackets)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!(billing.fee_bracket)}</th>
                    <th scope="col">{tr!(billing.fee_bracket_rate)}</th>
                    <th scope="col">{tr!(billing.fee_bracket_base)}</th>
                    <th scope="col">{tr!(billing.fee_bracket_amount)}</th>
                </tr>
            </thead>
            <tbody>
                {c.shares.into_iter().map(|s| {
                    let range = match s.to {
                        Some(to) => tr_in!(lang, billing.fee_range, from = euros(s.from), to = euros(to)).to_string(),
                        None => tr_in!(lang, billing.fee_range_open, from = euros(s.from)).to_string(),
                    };
                    let amount = crate::domain::money::Euros::round(s.amount);
                    view! {
                        <tr>
                            <th scope="row">{range}</th>
                            <td>{percent_in(lang, s.rate * rust_decimal::Decimal::ONE_HUNDRED)}</td>
                            <td>{euros(s.base)}</td>
                            <td>{euros(amount)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <p class="hint">{tr!(billing.fee_refund_hint, kept = euros(c.refund.kept_ht)).to_string()}</p>
    }
}

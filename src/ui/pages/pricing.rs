//! `/tarifs`: the fee simulator. A budget in (`?budget=12500` is a plain GET form, so it
//! works without JavaScript), the commission out; with JavaScript the figures follow the
//! typing, computed in the browser from the schedule in force by the same rules the
//! invoices use.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::billing::commission_schedule;
use crate::domain::billing::commission::Schedule;
use crate::domain::money::Euros;
use crate::domain::problem::Problem;
use crate::ui::components::fee::FeeFigures;
use crate::ui::components::form::ErrorNotice;
use crate::ui::text::current_lang;
use crate::ui::text::quote::euros_in;

#[component]
pub fn PricingPage() -> impl IntoView {
    let query = use_query_map();
    let typed = RwSignal::new(query.read_untracked().get("budget").unwrap_or_default());
    let schedule = Resource::new(|| (), |_| commission_schedule());
    view! {
        <Title text=tr!(billing.pricing_title)/>
        <Meta name="description" content=tr!(billing.pricing_lead)/>
        <section class="container narrow stack">
            <h1>{tr!(billing.pricing_title)}</h1>
            <p>{tr!(billing.pricing_lead)}</p>
            <form method="get" action="/tarifs" class="card stack" data-testid="pricing-form">
                <div class="field">
                    <label for="pricing-budget">{tr!(billing.pricing_budget)}</label>
                    <input id="pricing-budget" name="budget" inputmode="decimal" autocomplete="off"
                        data-testid="pricing-budget"
                        prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                    <p class="hint">{tr!(billing.pricing_budget_hint)}</p>
                </div>
                <button type="submit" class="button" data-testid="pricing-submit">{tr!(billing.pricing_submit)}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match schedule.await {
                        Ok(s) => view! { <Simulation schedule=s typed/> }.into_any(),
                        Err(err) => view! { <ErrorNotice message=err.to_string()/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Simulation(schedule: Schedule, typed: RwSignal<String>) -> impl IntoView {
    let lang = current_lang();
    let schedule = StoredValue::new(schedule);
    let rules = schedule.with_value(|s| {
        s.brackets
            .iter()
            .map(|b| {
                let rate = crate::ui::text::billing::percent_in(
                    lang,
                    b.rate * rust_decimal::Decimal::ONE_HUNDRED,
                );
                match b.up_to {
                    Some(to) => tr_in!(
                        lang,
                        billing.rule_up_to,
                        rate = rate,
                        to = euros_in(lang, to)
                    )
                    .to_string(),
                    None => tr_in!(lang, billing.rule_above, rate = rate).to_string(),
                }
            })
            .collect::<Vec<_>>()
    });
    let minimum = schedule.with_value(|s| euros_in(lang, s.minimum));
    let version = schedule.with_value(|s| s.version.clone());
    view! {
        <div class="card stack" role="status" aria-live="polite" data-testid="pricing-result">
            {move || {
                let text = typed.get();
                if text.trim().is_empty() {
                    return view! { <p class="muted">{tr!(billing.pricing_empty)}</p> }.into_any();
                }
                match Euros::parse(&text) {
                    Ok(budget) if budget.is_positive() => {
                        let c = schedule.with_value(|s| s.commission(budget));
                        view! {
                            <h2>{tr!(billing.pricing_for, budget = euros_in(lang, budget)).to_string()}</h2>
                            <FeeFigures commission=c/>
                        }.into_any()
                    }
                    _ => view! { <p class="notice notice--error" role="alert" data-testid="pricing-problem">{Problem::BudgetInvalid.text(lang)}</p> }.into_any(),
                }
            }}
        </div>
        <section class="stack">
            <h2>{tr!(billing.rules_title)}</h2>
            <ul>
                {rules.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                <li>{tr!(billing.rule_minimum, minimum = minimum).to_string()}</li>
            </ul>
            <p class="hint">{tr!(billing.rules_version, version = version).to_string()}</p>
        </section>
    }
}

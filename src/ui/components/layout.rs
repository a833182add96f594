use leptos::prelude::*;

use crate::ui::text::t;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let tx = t();
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">"B2BiZen"</span>
                    <span class="brand__tagline">{tx.brand_tagline}</span>
                </a>
                <nav class="site-nav" aria-label=tx.nav_label>
                    <a href="/">{tx.nav_home}</a>
                    <a href="/#experts">{tx.nav_experts}</a>
                    <a href="/#entreprises">{tx.nav_companies}</a>
                    <a href="/#fonctionnement">{tx.nav_how}</a>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let tx = t();
    view! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p>{tx.footer_about}</p>
                <p>{tx.footer_portage}</p>
                <p class="site-footer__legal">"© B2BiZen. " {tx.footer_rights}</p>
            </div>
        </footer>
    }
}

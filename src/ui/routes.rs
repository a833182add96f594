//! The pages loaded on demand (`cargo leptos build --split`).
//!
//! The public pages (home, directory, card) stay in the first bundle a visitor downloads;
//! everything behind a sign-in or a click is here, in one chunk per audience: the
//! sign-in and sign-up forms, the account, the profile editor, the project wizard, the
//! projects, the admin screens. A chunk is fetched the first time one of its pages is
//! opened; pages of one audience share most of their code, so one chunk for them costs
//! less than one per page (each split module repeats its glue, and wasm-split adds a
//! chunk for every set of splits that shares a function).
//!
//! On the server a lazy page renders at once, like any other, so it works without
//! JavaScript; in the browser, hydration waits for the page's chunk (see `hydrate` in
//! lib.rs).

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::ui::pages::account::AccountPage;
use crate::ui::pages::admin::{
    AccountsPage, AdminProjectPage, AdminProjectsPage, MailboxPage, ReferencePage, ReviewPage,
    ReviewQueuePage, StyleGuidePage,
};
use crate::ui::pages::auth::{
    ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage,
};
use crate::ui::pages::billing::{AdminBillingPage, ExpertBillingPage};
use crate::ui::pages::notification::NotificationsPage;
use crate::ui::pages::pricing::PricingPage;
use crate::ui::pages::profile::ProfileEditorPage;
use crate::ui::pages::project::{
    ClientProjectPage, ClientProjectsPage, ExpertPathsPage, ExpertProjectsPage, NewProjectPage,
};
use crate::ui::pages::verify::VerifyPage;

/// `lazy_chunk!(chunk[preload]: Screen { Route => Variant => Page, … })`: one chunk
/// (`#[lazy]` function `chunk`, choosing among its pages by `Screen`) and a route type per
/// page, whose view comes from it. `preload` is the loader `#[lazy]` writes beside `chunk`
/// in the browser: the router awaits it before it hydrates or renders the page, which then
/// finds its code loaded (without it the page rendered a second time, after a failed
/// hydration). The pages fetch their own data, so a route carries none.
macro_rules! lazy_chunk {
    ($chunk:ident[$preload:ident]: $screen:ident {
        $($route:ident => $variant:ident => $page:ident),+ $(,)?
    }) => {
        #[derive(Clone, Copy)]
        pub enum $screen {
            $($variant),+
        }

        #[leptos::lazy]
        fn $chunk(screen: $screen) -> AnyView {
            match screen {
                $($screen::$variant => $page().into_any()),+
            }
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    Self
                }

                async fn view(_route: Self) -> AnyView {
                    $chunk($screen::$variant).await
                }

                async fn preload() {
                    #[cfg(feature = "hydrate")]
                    $preload().await;
                }
            }
        )+
    };
}

// The sign-in, sign-up and password forms.
lazy_chunk!(auth_forms[__preload_auth_forms]: AuthForm {
    SignUpRoute => SignUp => SignUpPage,
    SignInRoute => SignIn => SignInPage,
    ForgotPasswordRoute => ForgotPassword => ForgotPasswordPage,
    ResetPasswordRoute => ResetPassword => ResetPasswordPage,
    VerifyEmailRoute => VerifyEmail => VerifyEmailPage,
});

// What every signed-in person has.
lazy_chunk!(account_screens[__preload_account_screens]: AccountScreen {
    AccountRoute => Account => AccountPage,
    NotificationsRoute => Notifications => NotificationsPage,
});

lazy_chunk!(profile_editor[__preload_profile_editor]: EditorScreen {
    ProfileEditorRoute => Editor => ProfileEditorPage,
});

// The public fee simulator.
lazy_chunk!(pricing_screen[__preload_pricing_screen]: PricingScreen {
    PricingRoute => Pricing => PricingPage,
});

// The public check of a signed contract.
lazy_chunk!(verify_screen[__preload_verify_screen]: VerifyScreen {
    VerifyRoute => Verify => VerifyPage,
});

lazy_chunk!(project_wizard[__preload_project_wizard]: WizardScreen {
    NewProjectRoute => Wizard => NewProjectPage,
});

// A client's projects and an expert's.
lazy_chunk!(project_screens[__preload_project_screens]: ProjectScreen {
    ClientProjectsRoute => ClientProjects => ClientProjectsPage,
    ClientProjectRoute => ClientProject => ClientProjectPage,
    ExpertProjectsRoute => ExpertProjects => ExpertProjectsPage,
    ExpertPathsRoute => ExpertPaths => ExpertPathsPage,
    ExpertBillingRoute => ExpertBilling => ExpertBillingPage,
});

lazy_chunk!(admin_screens[__preload_admin_screens]: AdminScreen {
    MailboxRoute => Mailbox => MailboxPage,
    ReviewQueueRoute => ReviewQueue => ReviewQueuePage,
    ReviewRoute => Review => ReviewPage,
    ReferenceRoute => Reference => ReferencePage,
    AccountsRoute => Accounts => AccountsPage,
    AdminProjectsRoute => Projects => AdminProjectsPage,
    AdminProjectRoute => Project => AdminProjectPage,
    StyleGuideRoute => StyleGuide => StyleGuidePage,
    AdminBillingRoute => Billing => AdminBillingPage,
});

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
    ReviewQueuePage,
};
use crate::ui::pages::auth::{
    ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage,
};
use crate::ui::pages::notification::NotificationsPage;
use crate::ui::pages::profile::ProfileEditorPage;
use crate::ui::pages::project::{
    ClientProjectPage, ClientProjectsPage, ExpertProjectsPage, NewProjectPage,
};

/// The sign-in, sign-up and password forms.
#[derive(Clone, Copy)]
pub enum AuthForm {
    SignUp,
    SignIn,
    ForgotPassword,
    ResetPassword,
    VerifyEmail,
}

#[leptos::lazy]
fn auth_forms(form: AuthForm) -> AnyView {
    match form {
        AuthForm::SignUp => SignUpPage().into_any(),
        AuthForm::SignIn => SignInPage().into_any(),
        AuthForm::ForgotPassword => ForgotPasswordPage().into_any(),
        AuthForm::ResetPassword => ResetPasswordPage().into_any(),
        AuthForm::VerifyEmail => VerifyEmailPage().into_any(),
    }
}

/// What every signed-in person has: the account and the notifications.
#[derive(Clone, Copy)]
pub enum AccountScreen {
    Account,
    Notifications,
}

#[leptos::lazy]
fn account_screens(screen: AccountScreen) -> AnyView {
    match screen {
        AccountScreen::Account => AccountPage().into_any(),
        AccountScreen::Notifications => NotificationsPage().into_any(),
    }
}

#[leptos::lazy]
fn profile_editor() -> AnyView {
    ProfileEditorPage().into_any()
}

#[leptos::lazy]
fn project_wizard() -> AnyView {
    NewProjectPage().into_any()
}

/// A client's projects and an expert's.
#[derive(Clone, Copy)]
pub enum ProjectScreen {
    ClientProjects,
    ClientProject,
    ExpertProjects,
}

#[leptos::lazy]
fn project_screens(screen: ProjectScreen) -> AnyView {
    match screen {
        ProjectScreen::ClientProjects => ClientProjectsPage().into_any(),
        ProjectScreen::ClientProject => ClientProjectPage().into_any(),
        ProjectScreen::ExpertProjects => ExpertProjectsPage().into_any(),
    }
}

#[derive(Clone, Copy)]
pub enum AdminScreen {
    Mailbox,
    ReviewQueue,
    Review,
    Reference,
    Accounts,
    Projects,
    Project,
}

#[leptos::lazy]
fn admin_screens(screen: AdminScreen) -> AnyView {
    match screen {
        AdminScreen::Mailbox => MailboxPage().into_any(),
        AdminScreen::ReviewQueue => ReviewQueuePage().into_any(),
        AdminScreen::Review => ReviewPage().into_any(),
        AdminScreen::Reference => ReferencePage().into_any(),
        AdminScreen::Accounts => AccountsPage().into_any(),
        AdminScreen::Projects => AdminProjectsPage().into_any(),
        AdminScreen::Project => AdminProjectPage().into_any(),
    }
}

/// `lazy_routes!(Route => chunk[preload](page), …)`: a route type per page, whose view
/// comes from its chunk. `preload` is the loader `#[lazy]` writes beside `chunk` in the
/// browser: the router awaits it before it hydrates or renders the page, which then
/// finds its code loaded (without it the page rendered a second time, after a failed
/// hydration). The pages fetch their own data, so a route carries none.
macro_rules! lazy_routes {
    ($($route:ident => $chunk:ident[$preload:ident]($($page:expr)?)),+ $(,)?) => {$(
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_route: Self) -> AnyView {
                $chunk($($page)?).await
            }

            async fn preload() {
                #[cfg(feature = "hydrate")]
                $preload().await;
            }
        }
    )+};
}

lazy_routes! {
    SignUpRoute => auth_forms[__preload_auth_forms](AuthForm::SignUp),
    SignInRoute => auth_forms[__preload_auth_forms](AuthForm::SignIn),
    ForgotPasswordRoute => auth_forms[__preload_auth_forms](AuthForm::ForgotPassword),
    ResetPasswordRoute => auth_forms[__preload_auth_forms](AuthForm::ResetPassword),
    VerifyEmailRoute => auth_forms[__preload_auth_forms](AuthForm::VerifyEmail),
    AccountRoute => account_screens[__preload_account_screens](AccountScreen::Account),
    NotificationsRoute => account_screens[__preload_account_screens](AccountScreen::Notifications),
    ProfileEditorRoute => profile_editor[__preload_profile_editor](),
    NewProjectRoute => project_wizard[__preload_project_wizard](),
    ClientProjectsRoute => project_screens[__preload_project_screens](ProjectScreen::ClientProjects),
    ClientProjectRoute => project_screens[__preload_project_screens](ProjectScreen::ClientProject),
    ExpertProjectsRoute => project_screens[__preload_project_screens](ProjectScreen::ExpertProjects),
    MailboxRoute => admin_screens[__preload_admin_screens](AdminScreen::Mailbox),
    ReviewQueueRoute => admin_screens[__preload_admin_screens](AdminScreen::ReviewQueue),
    ReviewRoute => admin_screens[__preload_admin_screens](AdminScreen::Review),
    ReferenceRoute => admin_screens[__preload_admin_screens](AdminScreen::Reference),
    AccountsRoute => admin_screens[__preload_admin_screens](AdminScreen::Accounts),
    AdminProjectsRoute => admin_screens[__preload_admin_screens](AdminScreen::Projects),
    AdminProjectRoute => admin_screens[__preload_admin_screens](AdminScreen::Project),
}

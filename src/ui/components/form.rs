//! Form building blocks: fields with inline validation, and the outcome of an action.

use leptos::prelude::*;

use crate::domain::problem::AccountInput;
use crate::error::{AppError, Problem};

/// A checker shared with the server: `Err` holds the message to show (page's language).
pub type Check = fn(&str) -> Result<(), String>;

/// The one text field of the interface: a label, an `<input>` (or a `<textarea>`), an
/// optional hint and the error, tied together for screen readers (`aria-describedby`
/// names the hint and the error, `aria-invalid` follows the error). `label` is the whole
/// `<label for=id>` element, so that a page can add a badge to it.
#[component]
pub fn TextField(
    id: String,
    label: AnyView,
    message: Signal<Option<String>>,
    on_input: Callback<String>,
    #[prop(default = None)] name: Option<String>,
    /// The value shown; `None` leaves the input to the browser (plain forms).
    #[prop(default = None)]
    value: Option<Signal<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] multiline: bool,
    #[prop(default = None)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(default = None)] hint: Option<String>,
    #[prop(default = None)] on_blur: Option<Callback<()>>,
    /// The server's cap, so that the browser stops the typing there.
    #[prop(default = None)]
    maxlength: Option<usize>,
) -> impl IntoView {
    let hint_id = format!("{id}-aide");
    let error_id = format!("{id}-erreur");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = move || {
        if message.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    };
    let input = move |ev| on_input.run(event_target_value(&ev));
    // Also as the attribute: the page shows the stored value before (or without)
    // JavaScript, and a plain form sends it back.
    let initial = value.map(|v| v.get_untracked());
    let blur = move |_| {
        if let Some(on_blur) = on_blur {
            on_blur.run(());
        }
    };
    // The browser refused to send the form for this field (empty, too long…): show our
    // message too, as if the field had been left.
    let refused = move |_| {
        if let Some(on_blur) = on_blur {
            on_blur.run(());
        }
    };
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="5" required=required maxlength=maxlength on:invalid=refused
                prop:value=move || value.map(|v| v.get()).unwrap_or_default()
                aria-describedby=described aria-invalid=invalid
                on:input=input on:blur=blur></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=kind autocomplete=autocomplete required=required
                maxlength=maxlength on:invalid=refused value=initial.clone()
                prop:value=move || value.map(|v| v.get())
                aria-describedby=described aria-invalid=invalid
                on:input=input on:blur=blur/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=move || message.with(Option::is_some)>
            {label}
            {control}
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            <p class="field__error" id=error_id role="alert">{move || message.get()}</p>
        </div>
    }
}

/// The server's refusal of the form being shown, for its fields to take the part about
/// them (see [`provide_form_problem`]).
#[derive(Clone, Copy)]
struct FormProblem(Signal<Option<Problem>>);

/// Lets the [`Field`]s of a form show the server's refusal at the input it is about, and
/// moves the focus to the first field in error once the answer is shown. [`Outcome`] then
/// only shows what no field took.
pub fn provide_form_problem(result: Signal<Option<Result<(), AppError>>>) {
    let problem = Signal::derive(move || match result.get() {
        Some(Err(AppError::Validation(p))) => Some(p),
        _ => None,
    });
    provide_context(FormProblem(problem));
    Effect::new(move |_| {
        if problem.with(Option::is_some) {
            focus_first_error();
        }
    });
}

/// Once the page shows the errors: the first input marked invalid gets the focus (and
/// so scrolls into view), as the browser does for its own checks.
fn focus_first_error() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        use leptos::wasm_bindgen::JsCast;
        if let Some(input) = document()
            .query_selector("main [aria-invalid='true']")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
}

/// The account form input named `name` (both sign-up forms and the account page).
fn account_input(name: &str) -> Option<AccountInput> {
    Some(match name {
        "first_name" | "contact_first_name" => AccountInput::FirstName,
        "last_name" | "contact_last_name" => AccountInput::LastName,
        "company_name" => AccountInput::CompanyName,
        "siret" => AccountInput::Siret,
        "email" => AccountInput::Email,
        "password" | "new_password" => AccountInput::Password,
        "current_password" => AccountInput::CurrentPassword,
        _ => return None,
    })
}

/// A labelled input of a plain form (it works without JavaScript). With a `check`, the
/// message appears as soon as the field has been left or corrected, without waiting for
/// the server (which checks again anyway); the server's refusal about this input shows
/// here too, until the input is changed.
#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] check: Option<Check>,
    #[prop(optional)] maxlength: Option<usize>,
    /// The value already stored (forms that edit).
    #[prop(optional)]
    initial: Option<String>,
) -> impl IntoView {
    let value = RwSignal::new(initial.clone().unwrap_or_default());
    let touched = RwSignal::new(false);
    let server = use_context::<FormProblem>().map(|p| p.0);
    let mine = account_input(name);
    // The server's message stays until the input is changed after the answer came.
    let changed_since = RwSignal::new(false);
    if let Some(server) = server {
        Effect::new(move |_| {
            server.track();
            changed_since.set(false);
        });
    }
    let message = Signal::derive(move || {
        let from_server = server
            .and_then(|s| s.get())
            .filter(|p| mine.is_some() && p.account_input() == mine && !changed_since.get())
            .map(shown);
        let from_client = check
            .filter(|_| touched.get())
            .and_then(|check| check(&value.get()).err());
        from_client.or(from_server)
    });
    let id = format!("champ-{name}");
    view! {
        <TextField
            id=id.clone()
            label=view! { <label for=id>{label}</label> }.into_any()
            name=Some(name.to_string())
            value=initial.map(|_| value.into())
            kind=kind
            autocomplete=autocomplete
            required=true
            hint=hint.map(str::to_string)
            message
            maxlength
            on_input=Callback::new(move |v| {
                value.set(v);
                changed_since.set(true);
            })
            on_blur=Some(Callback::new(move |()| touched.set(true)))
        />
    }
}

/// An error for the person using the page, announced to screen readers. The one error
/// block of the interface.
#[component]
pub fn ErrorNotice(
    #[prop(into)] message: String,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    view! { <p class="notice notice--error" role="alert" data-testid=testid>{message}</p> }
}

/// The server's answer to a form: its error in the page's language, or `done` on success.
/// An error a field of the form shows (see [`provide_form_problem`]) is not repeated.
#[component]
pub fn Outcome(
    result: Signal<Option<Result<(), AppError>>>,
    #[prop(optional)] done: Option<&'static str>,
) -> impl IntoView {
    let fields_show_problems = use_context::<FormProblem>().is_some();
    move || match result.get() {
        Some(Err(AppError::Validation(p)))
            if fields_show_problems && p.account_input().is_some() =>
        {
            None
        }
        Some(Err(err)) => Some(view! { <ErrorNotice message=err.to_string()/> }.into_any()),
        Some(Ok(())) => done
            .map(|text| view! { <p class="notice notice--ok" role="status">{text}</p> }.into_any()),
        None => None,
    }
}

fn shown(problem: Problem) -> String {
    problem.text(crate::ui::text::current_lang())
}

pub fn check_email(s: &str) -> Result<(), String> {
    crate::domain::account::Email::parse(s)
        .map(|_| ())
        .map_err(shown)
}

pub fn check_password(s: &str) -> Result<(), String> {
    crate::domain::account::check_new_password(s).map_err(shown)
}

pub fn check_siret(s: &str) -> Result<(), String> {
    crate::domain::account::Siret::parse(s)
        .map(|_| ())
        .map_err(shown)
}

pub fn check_required(s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err(tr!(site.field_required).into())
    } else {
        Ok(())
    }
}

/// For search forms (`<Form method="GET">`): leaves out empty fields and the nameless
/// submit button, so the address carries only the filters in use (`?domaine=finance`
/// rather than `?domaine=finance&langue=&niveau=&=`). Runs in the browser only; without
/// JavaScript the browser sends every field, which the pages read the same way.
pub fn only_filled() -> std::sync::Arc<dyn Fn(&leptos::web_sys::FormData)> {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::js_sys;
    std::sync::Arc::new(|data: &leptos::web_sys::FormData| {
        let empty: Vec<String> = data
            .entries()
            .into_iter()
            .flatten()
            .filter_map(|entry| {
                let pair: js_sys::Array = entry.unchecked_into();
                let (key, value) = (pair.get(0).as_string()?, pair.get(1).as_string()?);
                value.trim().is_empty().then_some(key)
            })
            .collect();
        for key in empty {
            data.delete(&key);
        }
    })
}

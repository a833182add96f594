//! Debounced saving of a form's state to the server, with a visible status.
//!
//! Nothing typed is lost when the user leaves: a change still waiting for its debounce is
//! sent at once when the form goes away (in-app navigation), and with a `keepalive`
//! request when the page is hidden or unloaded; the browser also asks before unloading a
//! page whose changes are not saved yet.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::Serialize;
use std::future::Future;
use std::sync::{Arc, Mutex};

use crate::error::{AppError, Problem};

/// Where the last changes stand.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Saving,
    Failed(String),
}

/// How long after the last change the state is saved.
pub const DEBOUNCE_MS: u64 = 700;

/// A save that has not answered after this long counts as failed, so that the changes
/// queued behind it are not held up.
pub const SAVE_TIMEOUT_MS: u64 = 20_000;

/// `fut`'s output, or `None` once `ms` milliseconds have passed (browser only).
async fn within<T>(ms: u64, fut: impl Future<Output = T>) -> Option<T> {
    use futures::future::{select, Either};
    let (tx, rx) = futures::channel::oneshot::channel::<()>();
    set_timeout(
        move || {
            let _ = tx.send(());
        },
        std::time::Duration::from_millis(ms),
    );
    let fut = std::pin::pin!(fut);
    match select(fut, rx).await {
        Either::Left((out, _)) => Some(out),
        Either::Right(_) => None,
    }
}

/// The saves' bookkeeping. Plain shared state rather than reactive values: a save still
/// running, or the flush of a form being left, outlives the component that started it.
struct Queue<R> {
    /// Bumped by every change; a debounce timer only fires for the change that set it.
    generation: u64,
    /// The newest request not sent yet.
    unsent: Option<R>,
    /// A save is running; what is unsent goes after it, so the newest lands last.
    in_flight: bool,
    /// The form was left: its status is being disposed, and must not be touched (a
    /// signal set while its owner is torn down wakes views that read it disposed).
    left: bool,
}

/// Saves `source` [`DEBOUNCE_MS`] after its last change (not on first render), as the
/// server function request `request` builds; `on_saved` gets each answer. One save is in
/// flight at a time: a change made meanwhile waits for it and goes next, so an older
/// state can never land after a newer one (requests may overtake each other).
pub fn autosave<T, S>(
    source: Signal<T>,
    request: impl Fn(T) -> S + Copy + Send + Sync + 'static,
    on_saved: impl Fn(S::Output) + Copy + Send + Sync + 'static,
) -> RwSignal<SaveStatus>
where
    T: Clone + Send + Sync + 'static,
    S: ServerFn<Error = AppError> + Serialize + Sync + 'static,
{
    let status = RwSignal::new(SaveStatus::Saved);
    let queue = Arc::new(Mutex::new(Queue::<S> {
        generation: 0,
        unsent: None,
        in_flight: false,
        left: false,
    }));
    let send = {
        let queue = Arc::clone(&queue);
        move || send_unsent(&queue, status, on_saved)
    };
    Effect::new({
        let queue = Arc::clone(&queue);
        let send = send.clone();
        move |prev: Option<()>| {
            let snapshot = source.get();
            if prev.is_none() {
                return;
            }
            status.set(SaveStatus::Pending);
            let mine = {
                let mut q = queue.lock().unwrap();
                q.generation += 1;
                q.unsent = Some(request(snapshot));
                q.generation
            };
            let queue = Arc::clone(&queue);
            let send = send.clone();
            set_timeout(
                move || {
                    if queue.lock().unwrap().generation == mine {
                        send();
                    }
                },
                std::time::Duration::from_millis(DEBOUNCE_MS),
            );
        }
    });
    // Leaving the form inside the app: the page lives on, the save runs in its turn.
    on_cleanup({
        let queue = Arc::clone(&queue);
        let send = send.clone();
        move || {
            queue.lock().unwrap().left = true;
            send();
        }
    });
    leave_page_guard(queue, status, send);
    status
}

/// Starts the save of what is unsent, or leaves it to the running save.
fn send_unsent<S>(
    queue: &Arc<Mutex<Queue<S>>>,
    status: RwSignal<SaveStatus>,
    on_saved: impl Fn(S::Output) + Copy + Send + Sync + 'static,
) where
    S: ServerFn<Error = AppError> + Serialize + Sync + 'static,
{
    let (first, left) = {
        let mut q = queue.lock().unwrap();
        if q.unsent.is_none() {
            return;
        }
        if q.in_flight {
            // Queued behind the running save, which sends it when it ends.
            if !q.left {
                let _ = status.try_set(SaveStatus::Saving);
            }
            return;
        }
        q.in_flight = true;
        (q.unsent.take(), q.left)
    };
    if !left {
        let _ = status.try_set(SaveStatus::Saving);
    }
    let queue = Arc::clone(queue);
    leptos::task::spawn_local(async move {
        let mut next = first;
        let mut result = Ok(());
        while let Some(request) = next {
            result = match within(SAVE_TIMEOUT_MS, request.run_on_client()).await {
                Some(Ok(output)) => {
                    if !queue.lock().unwrap().left {
                        on_saved(output);
                    }
                    Ok(())
                }
                Some(Err(err)) => Err(err),
                None => Err(AppError::Validation(Problem::SaveTimeout)),
            };
            let mut q = queue.lock().unwrap();
            next = q.unsent.take();
            q.in_flight = next.is_some();
        }
        if queue.lock().unwrap().left {
            return;
        }
        // A change typed since is pending and will report its own outcome.
        if status.try_get_untracked() != Some(SaveStatus::Pending) {
            let _ = status.try_set(match result {
                Ok(()) => SaveStatus::Saved,
                Err(err) => SaveStatus::Failed(err.to_string()),
            });
        }
    });
}

/// When the page is hidden (tab switched, closed, another site opened), what is unsent
/// goes at once with a `keepalive` request, which the browser completes even if the page
/// is gone; before unloading a page with changes not saved yet, the browser asks.
#[cfg(feature = "hydrate")]
fn leave_page_guard<S>(
    queue: Arc<Mutex<Queue<S>>>,
    status: RwSignal<SaveStatus>,
    send: impl Fn() + Clone + 'static,
) where
    S: ServerFn<Error = AppError> + Serialize + Sync + 'static,
{
    use leptos::ev;
    let flush = move || {
        // If a save is running this one may overtake it: the page may not live long
        // enough to wait. Each request carries the whole state, and the running one was
        // sent first, so the server nearly always applies them in order.
        let (request, was_running) = {
            let mut q = queue.lock().unwrap();
            let Some(request) = q.unsent.take() else {
                return;
            };
            (request, std::mem::replace(&mut q.in_flight, true))
        };
        let Some(sent) = serde_json::to_string(&request)
            .ok()
            .and_then(|body| keepalive_post(S::PATH, &body))
        else {
            return;
        };
        // The page may live on (a tab switched back): report the outcome, then send
        // what was typed meanwhile.
        let queue = Arc::clone(&queue);
        let send = send.clone();
        leptos::task::spawn_local(async move {
            let saved = sent.await;
            let left = {
                let mut q = queue.lock().unwrap();
                if !was_running {
                    q.in_flight = false;
                }
                q.left
            };
            if left {
                return;
            }
            if status.try_get_untracked() != Some(SaveStatus::Pending) {
                let _ = status.try_set(if saved {
                    SaveStatus::Saved
                } else {
                    SaveStatus::Failed(AppError::Internal.to_string())
                });
            }
            send();
        });
    };
    let hidden = window_event_listener(ev::visibilitychange, {
        let flush = flush.clone();
        move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        }
    });
    let hide = window_event_listener(ev::pagehide, move |_| flush());
    let unload = window_event_listener(ev::beforeunload, move |event| {
        let unsaved = !matches!(status.try_get_untracked(), Some(SaveStatus::Saved) | None);
        if unsaved {
            event.prevent_default();
            event.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        hidden.remove();
        hide.remove();
        unload.remove();
    });
}

#[cfg(not(feature = "hydrate"))]
fn leave_page_guard<S>(_: Arc<Mutex<Queue<S>>>, _: RwSignal<SaveStatus>, _: impl Fn()) {}

/// A same-origin JSON POST the browser finishes even after the page is unloaded (it carries
/// the session cookie and the Origin header like any other server function call). Its
/// future says whether the server accepted it, if the page is still there to hear it.
#[cfg(feature = "hydrate")]
fn keepalive_post(path: &str, body: &str) -> Option<impl Future<Output = bool>> {
    use wasm_bindgen::JsCast;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    js_sys::Reflect::set(&init, &"keepalive".into(), &true.into()).ok()?;
    init.set_body(&wasm_bindgen::JsValue::from_str(body));
    let headers = web_sys::Headers::new().ok()?;
    let _ = headers.set("content-type", "application/json");
    let _ = headers.set("accept", "application/json");
    init.set_headers(&headers);
    let sent = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str_and_init(path, &init));
    Some(async move {
        sent.await
            .ok()
            .and_then(|answer| answer.dyn_into::<web_sys::Response>().ok())
            .is_some_and(|answer| answer.ok())
    })
}

#[component]
pub fn SaveIndicator(status: RwSignal<SaveStatus>) -> impl IntoView {
    view! {
        <p class="save-status" role="status" data-testid="save-status"
            data-state=move || match status.get() {
                SaveStatus::Saved => "saved",
                SaveStatus::Pending => "pending",
                SaveStatus::Saving => "saving",
                SaveStatus::Failed(_) => "failed",
            }>
            {move || match status.get() {
                SaveStatus::Saved => tr!(profile.save.done).to_string(),
                SaveStatus::Pending => tr!(profile.save.pending).to_string(),
                SaveStatus::Saving => tr!(profile.save.running).to_string(),
                SaveStatus::Failed(err) => tr!(profile.save.failed, error = err).to_string(),
            }}
        </p>
    }
}

//! Debounced saving of a form's state to the server, with a visible status.

use leptos::prelude::*;
use std::future::Future;

use crate::error::AppError;

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

/// Saves `source` [`DEBOUNCE_MS`] after its last change (not on first render). One save
/// is in flight at a time: a change made meanwhile waits for it and goes next, so an
/// older state can never land after a newer one (requests may overtake each other).
pub fn autosave<T, F, Fut>(source: Signal<T>, save: F) -> RwSignal<SaveStatus>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    let status = RwSignal::new(SaveStatus::Saved);
    let generation = StoredValue::new(0u64);
    let in_flight = StoredValue::new(false);
    let queued = StoredValue::new(None::<T>);
    Effect::new(move |prev: Option<()>| {
        let snapshot = source.get();
        if prev.is_none() {
            return;
        }
        status.set(SaveStatus::Pending);
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                status.set(SaveStatus::Saving);
                if in_flight.get_value() {
                    // The running save picks it up when it ends.
                    queued.set_value(Some(snapshot));
                    return;
                }
                in_flight.set_value(true);
                leptos::task::spawn_local(async move {
                    let mut next = Some(snapshot);
                    let mut result = Ok(());
                    while let Some(state) = next {
                        result = within(SAVE_TIMEOUT_MS, save(state)).await.unwrap_or(Err(
                            AppError::Validation(crate::error::Problem::SaveTimeout),
                        ));
                        next = queued.try_update_value(Option::take).flatten();
                    }
                    in_flight.set_value(false);
                    // A change typed since is pending and will report its own outcome.
                    if !matches!(status.get_untracked(), SaveStatus::Pending) {
                        status.set(match result {
                            Ok(()) => SaveStatus::Saved,
                            Err(err) => SaveStatus::Failed(err.to_string()),
                        });
                    }
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    });
    status
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

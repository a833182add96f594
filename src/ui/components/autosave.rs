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

/// Saves `source` [`DEBOUNCE_MS`] after its last change (not on first render); a later
/// change supersedes an earlier save still in flight.
pub fn autosave<T, F, Fut>(source: Signal<T>, save: F) -> RwSignal<SaveStatus>
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    let status = RwSignal::new(SaveStatus::Saved);
    let generation = StoredValue::new(0u64);
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
                leptos::task::spawn_local(async move {
                    let result = save(snapshot).await;
                    if generation.get_value() != mine {
                        return;
                    }
                    status.set(match result {
                        Ok(()) => SaveStatus::Saved,
                        Err(err) => SaveStatus::Failed(err.to_string()),
                    });
                });
            },
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
    });
    status
}

#[component]
pub fn SaveIndicator(status: RwSignal<SaveStatus>) -> impl IntoView {
    use crate::ui::text::profile as tx;
    view! {
        <p class="save-status" role="status" data-testid="save-status"
            data-state=move || match status.get() {
                SaveStatus::Saved => "saved",
                SaveStatus::Pending => "pending",
                SaveStatus::Saving => "saving",
                SaveStatus::Failed(_) => "failed",
            }>
            {move || match status.get() {
                SaveStatus::Saved => tx::SAVE_DONE.to_string(),
                SaveStatus::Pending => tx::SAVE_PENDING.to_string(),
                SaveStatus::Saving => tx::SAVE_RUNNING.to_string(),
                SaveStatus::Failed(err) => format!("{} {}", tx::SAVE_FAILED, err),
            }}
        </p>
    }
}

//! The page's end of the live stream (`/live`): one `EventSource` per tab, opened in the
//! browser once the caller is known, following everything the tab may show. Pages do not
//! read events: they ask [`Live::ticks`] for a counter that moves when an event about
//! what they show arrives, and refetch through their usual server function.
//!
//! On the server, and before hydration, nothing is opened: the page renders the current
//! state, and the stream starts from the cursor that render was made at.

use leptos::prelude::*;

use crate::domain::live::LiveEvent;

/// The live events of the tab.
#[derive(Clone, Copy)]
pub struct Live {
    /// The newest event received.
    last: RwSignal<Option<LiveEvent>>,
    /// Moves when the server says the tab missed too much: everything refetches.
    resets: RwSignal<u32>,
    /// The header's counts as last fetched after a notice or a message. Apart from the
    /// caller's resource on purpose: refetching that one redraws every signed-in page
    /// (`RequireUser`), which would rebuild a form under its user's hands.
    status: RwSignal<Option<crate::domain::live::LiveStatus>>,
}

impl Live {
    /// The newer of `loaded` (with the caller) and the counts fetched since (by cursor).
    pub fn counts(
        &self,
        loaded: crate::domain::live::LiveStatus,
    ) -> crate::domain::live::LiveStatus {
        match self.status.get() {
            Some(fetched) if fetched.cursor >= loaded.cursor => fetched,
            _ => loaded,
        }
    }

    /// A counter that moves with each event `about` accepts (and with each reset).
    /// Put it in a resource's source to refetch the resource then.
    pub fn ticks(&self, about: impl Fn(&LiveEvent) -> bool + Send + Sync + 'static) -> Signal<u32> {
        let ticks = RwSignal::new(0u32);
        let (last, resets) = (self.last, self.resets);
        Effect::new(move |first_run_done: Option<()>| {
            resets.track();
            let about_it = last.with(|e| e.as_ref().is_some_and(&about));
            // The first run only subscribes: the counter stays at 0, as on the server
            // (where effects never run), so hydration asks for nothing again.
            if first_run_done.is_some() && about_it {
                ticks.update(|n| *n += 1);
            }
        });
        ticks.into()
    }
}

pub fn use_live() -> Live {
    expect_context::<Live>()
}

/// Provides [`Live`] and, in the browser, opens the stream for a signed-in caller (and
/// closes it when they sign out). Must sit inside the router, after the session.
pub fn provide_live() -> Live {
    let live = Live {
        last: RwSignal::new(None),
        resets: RwSignal::new(0),
        status: RwSignal::new(None),
    };
    provide_context(live);
    #[cfg(feature = "hydrate")]
    browser::follow(live);
    live
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Live;
    use crate::domain::live::{LiveEvent, LiveKind};
    use crate::ui::components::session::use_auth;
    use leptos::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::prelude::*;
    use web_sys::{EventSource, MessageEvent};

    /// The open stream with its handlers (dropping them with it).
    struct Open {
        source: EventSource,
        _on_message: Closure<dyn FnMut(MessageEvent)>,
        _on_reset: Closure<dyn FnMut(MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    #[derive(Default)]
    struct Stream {
        open: Option<Open>,
        /// The last event id, for a stream the browser gave up on and we open again.
        last_id: i64,
        retry: u32,
    }

    pub fn follow(live: Live) {
        let auth = use_auth();
        let stream: Rc<RefCell<Stream>> = Rc::default();
        let stored = StoredValue::new_local(stream);
        Effect::new(move |_| {
            let signed_in = auth.user.get().and_then(|r| r.ok()).flatten();
            let stream = stored.get_value();
            match signed_in {
                Some(caller) => {
                    let mut state = stream.borrow_mut();
                    if state.open.is_none() {
                        state.last_id = state.last_id.max(caller.live.cursor);
                        drop(state);
                        open(live, &stream);
                    }
                }
                None => {
                    if let Some(open) = stream.borrow_mut().open.take() {
                        open.source.close();
                    }
                }
            }
        });
        // A notice or a message changes the header's counts.
        Effect::new(move |_| {
            let counted = |e: &LiveEvent| matches!(e.kind, LiveKind::Notice | LiveKind::Chat);
            if live.last.with(|e| e.as_ref().is_some_and(counted)) {
                refresh_counts(live);
            }
        });
    }

    fn refresh_counts(live: Live) {
        leptos::task::spawn_local(async move {
            if let Ok(status) = crate::api::notification::header_status().await {
                live.status.set(Some(status));
            }
        });
    }

    fn open(live: Live, stream: &Rc<RefCell<Stream>>) {
        let after = stream.borrow().last_id;
        let Ok(source) = EventSource::new(&format!("/live?after={after}")) else {
            return;
        };
        let on_message = {
            let stream = Rc::clone(stream);
            Closure::<dyn FnMut(MessageEvent)>::new(move |msg: MessageEvent| {
                let Some(data) = msg.data().as_string() else {
                    return;
                };
                if let Ok(event) = serde_json::from_str::<LiveEvent>(&data) {
                    let mut state = stream.borrow_mut();
                    if event.id <= state.last_id {
                        return;
                    }
                    state.last_id = event.id;
                    state.retry = 0;
                    drop(state);
                    live.last.set(Some(event));
                }
            })
        };
        let on_reset = {
            let stream = Rc::clone(stream);
            Closure::<dyn FnMut(MessageEvent)>::new(move |msg: MessageEvent| {
                if let Some(id) = crate::domain::live::parse_cursor(&msg.last_event_id()) {
                    stream.borrow_mut().last_id = id;
                }
                live.resets.update(|n| *n += 1);
                refresh_counts(live);
            })
        };
        let on_error = {
            let stream = Rc::clone(stream);
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                let mut state = stream.borrow_mut();
                // The browser retries by itself unless it gave up (an answer other than
                // the stream, such as a proxy's 502 while the server restarts).
                let gave_up = state
                    .open
                    .as_ref()
                    .is_some_and(|o| o.source.ready_state() == EventSource::CLOSED);
                if !gave_up {
                    return;
                }
                // This handler belongs to `open`: it is dropped later, not while it runs.
                let gave_up_on = state.open.take();
                state.retry = (state.retry + 1).min(6);
                let pause = Duration::from_secs(1 << state.retry);
                drop(state);
                let stream = Rc::clone(&stream);
                set_timeout(
                    move || {
                        drop(gave_up_on);
                        if stream.borrow().open.is_none() {
                            open(live, &stream);
                        }
                    },
                    pause,
                );
            })
        };
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        let _ = source.add_event_listener_with_callback(
            crate::domain::live::RESET,
            on_reset.as_ref().unchecked_ref(),
        );
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        stream.borrow_mut().open = Some(Open {
            source,
            _on_message: on_message,
            _on_reset: on_reset,
            _on_error: on_error,
        });
    }
}

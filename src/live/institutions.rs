//! The banks the views name, each asked for once per session with `GET /institutions/{id}` and
//! kept in memory (never in storage). Nothing waits for them: a view shows the id until the
//! name arrives, and an answer that fails leaves the id.

use crate::api::backend::Backend;
use crate::domain::Institution;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Every institution asked for so far, by id: `None` until its answer arrives.
#[derive(Clone)]
pub struct Institutions {
    backend: Backend,
    known: Arc<Mutex<HashMap<String, ArcRwSignal<Option<Institution>>>>>,
}

impl Institutions {
    /// A directory that asks `backend`.
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            known: Arc::default(),
        }
    }

    /// Institution `id` as far as it is known. The first call for an id sends its one request;
    /// later calls share its answer.
    pub fn get(&self, id: &str) -> ArcRwSignal<Option<Institution>> {
        let mut known = self.known.lock().expect("institutions lock");
        if let Some(entry) = known.get(id) {
            return entry.clone();
        }
        let entry = ArcRwSignal::new(None);
        known.insert(id.to_owned(), entry.clone());
        let (backend, id, answer) = (self.backend.clone(), id.to_owned(), entry.clone());
        spawn_local(async move {
            if let Ok(institution) = backend.get_institution(&id).await {
                answer.set(Some(institution));
            }
        });
        entry
    }

    /// Every institution whose answer has arrived, by id (what an export names the banks by).
    pub fn known(&self) -> Vec<Institution> {
        let known = self.known.lock().expect("institutions lock");
        let mut banks: Vec<Institution> = known
            .values()
            .filter_map(|entry| entry.get_untracked())
            .collect();
        banks.sort_by(|a, b| a.id.cmp(&b.id));
        banks
    }
}

/// Institution `id` (from the directory the shell provided): `None` until its name arrives, or
/// for good when there is no id or its answer failed.
pub fn use_institution(id: Option<String>) -> Signal<Option<Institution>> {
    match id {
        Some(id) => {
            let entry = expect_context::<Institutions>().get(&id);
            Signal::derive(move || entry.get())
        }
        None => Signal::stored(None),
    }
}

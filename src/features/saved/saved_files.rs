//! The open saved file, kept above the shell (which is built again for it, and again for the
//! API when it is closed), and what opening the last file came to.

use crate::domain::{ImportError, ItemProblem, SavedFile, check_import_size, read_saved_file};
use crate::platform::PickedFile;
use crate::url::use_go;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What opening a file came to, for the notice under the app bar.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenOutcome {
    /// Being read.
    Reading(String),
    /// Opened: its name, how many jobs, and the items left out (each described).
    Opened {
        /// The file's name.
        name: String,
        /// The jobs read.
        jobs: usize,
        /// The items left out, each as "item 3 (job …): why".
        left_out: Vec<ItemProblem>,
    },
    /// Not opened (nothing changed): the file's name and why.
    Refused(String, ImportError),
}

/// The open saved file and the last outcome, shared through context.
#[derive(Clone, Copy)]
pub struct SavedFiles {
    /// The file shown instead of the API, if any.
    pub opened: RwSignal<Option<Arc<SavedFile>>>,
    /// What opening the last file came to, until dismissed.
    pub outcome: RwSignal<Option<OpenOutcome>>,
    /// The URL shown before the file was opened, to return to when it is closed.
    back: StoredValue<Option<String>>,
}

/// Provides the saved-file slot (in the app, above the shell).
pub fn provide_saved_files() -> SavedFiles {
    let files = SavedFiles {
        opened: RwSignal::new(None),
        outcome: RwSignal::new(None),
        back: StoredValue::new(None),
    };
    provide_context(files);
    files
}

impl SavedFiles {
    /// The slot the app provided.
    pub fn expect() -> Self {
        expect_context::<Self>()
    }

    /// A function that opens a picked or dropped file: refused from its size alone above the
    /// limit, else read and, when it holds jobs, shown in the view it was exported from (the
    /// URL then names its user and filter). A file that cannot be opened changes nothing.
    pub fn use_open(self) -> impl Fn(PickedFile) + Clone + 'static {
        let go = use_go();
        move |file: PickedFile| {
            let name = file.name();
            if let Err(error) = check_import_size(file.size()) {
                self.outcome.set(Some(OpenOutcome::Refused(name, error)));
                return;
            }
            self.outcome.set(Some(OpenOutcome::Reading(name.clone())));
            let go = go.clone();
            spawn_local(async move {
                let read = match file.text().await {
                    Ok(text) => read_saved_file(&text, &name),
                    Err(why) => Err(ImportError::Unreadable(why)),
                };
                match read {
                    Ok(saved) => {
                        self.outcome.set(Some(OpenOutcome::Opened {
                            name: name.clone(),
                            jobs: saved.jobs.len(),
                            left_out: saved.problems.clone(),
                        }));
                        let href = view_href(&saved);
                        if self.opened.get_untracked().is_none() {
                            self.back.set_value(Some(current_href()));
                        }
                        self.opened.set(Some(Arc::new(saved)));
                        go(&href, false);
                    }
                    Err(error) => self.outcome.set(Some(OpenOutcome::Refused(name, error))),
                }
            });
        }
    }

    /// A function that closes the saved file and returns to the page shown before it opened.
    pub fn use_close(self) -> impl Fn() + Clone + 'static {
        let go = use_go();
        move || {
            self.opened.set(None);
            self.outcome.set(None);
            let back = self.back.try_update_value(Option::take).flatten();
            go(&back.unwrap_or_else(crate::platform::page_path), false);
        }
    }
}

/// The page's path and query now.
fn current_href() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The page's own path with the query that shows `saved` as it was exported.
fn view_href(saved: &SavedFile) -> String {
    let allowed: Vec<&str> = crate::url::FILTER_KEYS
        .iter()
        .chain(&[crate::url::VIEW_KEY, crate::url::BY_KEY])
        .copied()
        .collect();
    let mut params = leptos_router::params::ParamsMap::new();
    for (key, value) in saved.view_query(&allowed) {
        params.insert(key, value);
    }
    format!(
        "{}{}",
        crate::platform::page_path(),
        params.to_query_string()
    )
}

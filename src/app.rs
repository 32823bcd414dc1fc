//! The root component: loads the configuration, then provides the backend, settings and clock
//! to the routes: the API's (or the demo's), or an open saved file's.

use crate::api::backend::Backend;
use crate::components::Clipboard;
use crate::config::{self, ConfigError, Settings, Startup};
use crate::features::detail::JobDetailPage;
use crate::features::embed::{Embed, EmbedBridge};
use crate::features::history::HistoryPage;
use crate::features::saved::{
    FileDrop, OpenFileButton, OpenFileNotice, SavedBadge, provide_saved_files,
};
use crate::features::shortcuts::KeyboardShortcuts;
use crate::features::watch::WatchNotices;
use crate::i18n::{t_string, use_i18n};
use crate::live::{Clock, provide_live, provide_purge_log, provide_watcher, use_clock};
use crate::platform;
use crate::poll::PollPolicy;
use crate::url::use_shown_job;
use language_picker::{Language, LanguagePicker, provide_language};
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
use leptos_router::components::Router;
use theme_toggle::{ThemeToggle, use_theme};
use token_gate::TokenGate;

pub(crate) mod language_picker;
mod theme_toggle;
mod token_gate;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_context(use_clock());
    let startup = LocalResource::new(config::load);
    // One clipboard for every copy button and the shortcut (components/clipboard.rs).
    Clipboard::provide();
    let saved = provide_saved_files();
    let language = provide_language();
    let i18n = use_i18n();
    Effect::new(move |_| {
        if let Some(Startup::Ready(_, settings)) = startup.get() {
            language.configure(settings.locale);
        }
    });
    view! {
        // Only links to the page's own path are the app's; a host page's other links stay its own.
        <Router base=platform::page_path()>
            <div class="bjh-app" use:i18n>
                <Suspense fallback=move || view! { <p class="bjh-empty bjh-app__main">{move || t_string!(i18n, app.loading)}</p> }>
                    {move || {
                        startup
                            .get()
                            .map(|startup| match startup {
                                Startup::Ready(backend, settings) => {
                                    // An open saved file replaces the API (and the shell is built
                                    // again for it); closing it returns to the same backend.
                                    (move || {
                                        let (backend, settings) = match saved.opened.get() {
                                            Some(file) => (Backend::Saved(file.clone()), settings.for_saved(&file)),
                                            None => (backend.clone(), settings.clone()),
                                        };
                                        own_scope(|| view! { <Shell backend settings /> })
                                    })
                                    .into_any()
                                }
                                Startup::Invalid(error) => view! { <ConfigErrorPage error /> }.into_any(),
                            })
                    }}
                </Suspense>
            </div>
        </Router>
    }
}

/// Builds a view under an owner of its own, so that the contexts it provides go with it: a
/// shell built again (for a saved file, or back for the API) never finds its predecessor's.
fn own_scope<V: IntoView + 'static>(build: impl FnOnce() -> V) -> impl IntoView {
    let owner = Owner::current().expect("a reactive owner").child();
    let view = owner.with(build);
    OwnedView::new_with_owner(view, owner)
}

/// The app bar and routes, once the configuration is known.
#[component]
fn Shell(backend: Backend, settings: Settings) -> impl IntoView {
    let (demo, theme, needs_token) = (settings.demo, settings.theme, settings.needs_token);
    let saved = settings.saved.clone();
    let shown = use_shown_job();
    let detail = Memo::new(move |_| shown.with(Option::is_some));
    let routes = move || {
        move || {
            if detail.get() {
                view! { <JobDetailPage /> }.into_any()
            } else {
                view! { <HistoryPage /> }.into_any()
            }
        }
    };
    let theme = use_theme(theme);
    let on_token = {
        let backend = backend.clone();
        Callback::new(move |(token, expires_in): (String, Option<u64>)| {
            backend.set_token(token, expires_in)
        })
    };
    provide_context(Embed::new(&settings.allowed_origins));
    if let Some(label) = &saved {
        // A saved file's jobs are as they were: its clock stands at when it was taken, nothing
        // is asked again and nothing is watched.
        provide_context(Clock::still(label.as_of));
        provide_live(backend, PollPolicy::still());
    } else {
        provide_live(backend, PollPolicy::with_fast(settings.poll_interval));
        provide_watcher();
    }
    provide_purge_log();
    provide_context(settings);
    let i18n = use_i18n();
    let Language(language) = expect_context::<Language>();
    view! {
            <header class="bjh-app__bar">
                <h1 class="bjh-app__title">{move || t_string!(i18n, app.title)}</h1>
                {demo.then(|| view! {
                    <span class="bjh-badge bjh-badge--demo" data-testid="demo-badge" title=move || t_string!(i18n, app.demo_title)>
                        {move || t_string!(i18n, app.demo)}
                    </span>
                })}
                {saved.map(|label| view! { <SavedBadge label /> })}
                <span class="bjh-app__spacer"></span>
                <OpenFileButton />
                <LanguagePicker />
                <ThemeToggle theme />
            </header>
            <main class="bjh-app__main">
                <OpenFileNotice />
                <WatchNotices />
                {if needs_token {
                    view! { <TokenGate on_token=move |token| on_token.run((token, None))>{routes()}</TokenGate> }.into_any()
                } else {
                    routes().into_any()
                }}
            </main>
            <KeyboardShortcuts />
            <FileDrop />
            <EmbedBridge on_token theme language />
    }
}

/// Shown instead of the app when `config.json` is there but cannot be used.
#[component]
fn ConfigErrorPage(error: ConfigError) -> impl IntoView {
    let i18n = use_i18n();
    let field = error.field.clone();
    view! {
        <main class="bjh-app__main">
            <div class="bjh-notice bjh-notice--error" role="alert" data-testid="config-error">
                <strong>{move || t_string!(i18n, app.config_error)}</strong>
                <span data-field=field>{move || error.words(i18n.get_locale())}</span>
                <span>{move || t_string!(i18n, app.config_fix)}</span>
            </div>
        </main>
    }
}

//! The root component: routes and shared context.

use crate::api::backend::Backend;
use crate::components::ThemeToggle;
use crate::features::detail::JobDetailPage;
use crate::features::history::HistoryPage;
use crate::features::shortcuts::KeyboardShortcuts;
use crate::live::use_clock;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Backend::demo());
    provide_context(use_clock());
    view! {
        <Router>
            <div class="bjh-app">
                <header class="bjh-app__bar">
                    <h1 class="bjh-app__title">"Basiq Job History"</h1>
                    <span class="bjh-app__spacer"></span>
                    <ThemeToggle />
                </header>
                <main class="bjh-app__main">
                    <Routes fallback=|| view! { <p class="bjh-empty">"Page not found."</p> }>
                        <Route path=path!("/") view=HistoryPage />
                        <Route path=path!("/jobs/:id") view=JobDetailPage />
                    </Routes>
                </main>
                <KeyboardShortcuts />
            </div>
        </Router>
    }
}

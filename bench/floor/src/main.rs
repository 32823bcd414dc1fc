//! The size floor: a router with one route, one fetch, a JSON list parsed with serde, and a keyed
//! list of cards with a reactive status. Nothing else of the app (filters, search, live updates,
//! time zones, the playbook, the detail page, the demo) is here.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

#[derive(Clone, Deserialize, PartialEq)]
struct Step {
    title: String,
    status: String,
}

#[derive(Clone, Deserialize, PartialEq)]
struct Job {
    id: String,
    created: String,
    steps: Vec<Step>,
}

#[derive(Deserialize)]
struct Page {
    data: Vec<Job>,
}

#[component]
fn Card(job: Job) -> impl IntoView {
    let failed = RwSignal::new(job.steps.iter().any(|s| s.status == "failed"));
    view! {
        <article class=move || if failed.get() { "card failed" } else { "card" }>
            <header>
                <code>{job.id.clone()}</code>
                <span>{move || if failed.get() { "Failed" } else { "Success" }}</span>
            </header>
            <dl>
                <dt>"Date"</dt>
                <dd>{job.created.clone()}</dd>
            </dl>
            <ol>
                {job
                    .steps
                    .into_iter()
                    .map(|s| view! { <li class=s.status.clone()><span>{s.title}</span><span>{s.status.clone()}</span></li> })
                    .collect_view()}
            </ol>
        </article>
    }
}

#[component]
fn List() -> impl IntoView {
    let jobs = LocalResource::new(|| async {
        let response = gloo_net::http::Request::get("jobs").send().await.ok()?;
        let text = response.text().await.ok()?;
        serde_json::from_str::<Page>(&text)
            .ok()
            .map(|page| page.data)
    });
    view! {
        <Suspense fallback=|| "Loading">
            {move || {
                jobs.get()
                    .flatten()
                    .map(|jobs| {
                        view! {
                            <For each=move || jobs.clone() key=|job| job.id.clone() let:job>
                                <Card job=job />
                            </For>
                        }
                    })
            }}
        </Suspense>
    }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=List />
                </Routes>
            </Router>
        }
    })
}

//! The job's raw JSON, pretty-printed, with copy, and "copy as curl" for `GET /jobs/{id}` with
//! the token replaced by a placeholder.

use crate::api::urls;
use crate::components::CopyButton;
use crate::domain::Job;
use crate::i18n::{t_string, td_string, use_i18n};
use leptos::prelude::*;

/// The curl command for fetching a job; never contains a real token.
pub fn curl_command(api_base: &str, job_id: &str) -> String {
    let url = urls::job(api_base, job_id);
    format!("curl -H 'Authorization: Bearer $BASIQ_TOKEN' -H 'Accept: application/json' '{url}'")
}

/// Programmatic access: the JSON as received.
#[component]
pub fn RawJson(#[prop(into)] job: Signal<Job>, api_base: String) -> impl IntoView {
    let pretty = Signal::derive(move || {
        serde_json::to_string_pretty(&job.read().raw_value()).unwrap_or_default()
    });
    let curl = Signal::derive(move || curl_command(&api_base, &job.read().id));
    let i18n = use_i18n();
    view! {
        <section class="bjh-raw" aria-label=move || t_string!(i18n, notices.raw_json)>
            <header class="bjh-raw__head">
                <h2 class="bjh-raw__title">{move || t_string!(i18n, notices.raw_json)}</h2>
                <CopyButton text=pretty label=|l| td_string!(l, detail.copy_json) />
                <CopyButton text=curl label=|l| td_string!(l, detail.copy_curl) />
            </header>
            <code class="bjh-raw__curl">{curl}</code>
            <pre class="bjh-raw__json" tabindex="0" data-testid="raw-json">{pretty}</pre>
        </section>
    }
}

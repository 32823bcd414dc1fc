//! The live job history of a scope (a user's jobs, one connection's, or a set of jobs): the
//! first load (following `links.next` as far back as the time range needs, with its progress,
//! and a stop), list refreshes and per-job polls on the [`PollSchedule`], stepped by the app's
//! clock; updates applied in place, new jobs held back behind a pill, status changes announced,
//! and nothing at all while the page is hidden or paused. One type, one file: its state, how
//! answers fold in, and the requests that bring them.

use crate::api::backend::{Backend, JobScope};
use crate::domain::ApiError;
use crate::domain::filter::newest_first;
use crate::domain::merge::{diff_list, supersedes};
use crate::domain::paging::{MAX_PAGES, PageProgress, estimate_total, older_page_needed};
use crate::domain::{CardStatus, ItemProblem, Job, JobPage, derive_status, sort_newest_first};
use crate::live::{Watcher, start_now};
use crate::platform;
use crate::poll::{PollPolicy, PollSchedule, Tracked, use_poll_driver};
use chrono::{DateTime, TimeDelta, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashSet;

/// One shown job with its own signal, so an update re-renders only its card.
#[derive(Clone)]
pub struct JobRow {
    /// The job id (the list key).
    pub id: String,
    /// The job's latest data. Reference-counted, not owned by whichever reactive scope
    /// happened to create it, so it lives exactly as long as the row.
    pub job: ArcRwSignal<Job>,
}

/// The live history's state.
#[derive(Clone, Copy)]
pub struct JobHistory {
    /// The shown jobs, in a stable order: newest first at load, arrivals added on request.
    pub rows: RwSignal<Vec<JobRow>>,
    /// Jobs that appeared since, waiting behind the "N new jobs" pill.
    pub arrivals: RwSignal<Vec<Job>>,
    /// List items that could not be used, and why.
    pub problems: RwSignal<Vec<ItemProblem>>,
    /// The last error; the data already shown stays.
    pub error: RwSignal<Option<ApiError>>,
    /// Whether the first load has finished (well or not).
    pub loaded: RwSignal<bool>,
    /// When data last arrived.
    pub last_updated: RwSignal<Option<DateTime<Utc>>>,
    /// Whether live updates are paused by the reader.
    pub paused: RwSignal<bool>,
    /// The latest status change (the job's id and its new status), for the ARIA live region.
    pub announcement: RwSignal<Option<(String, CardStatus)>>,
    /// The latest job to settle (Pending to Success or Failed) while shown.
    pub settled: RwSignal<Option<(String, CardStatus)>>,
    /// The first load's older pages: loading, or stopped with some left; `None` when there are
    /// none (left, or that the time range needs).
    pub paging: RwSignal<Option<PageProgress>>,
    /// How far back the history needs jobs (the time range's start); `None`: all of them.
    oldest_needed: Signal<Option<DateTime<Utc>>>,
    older: StoredValue<OlderPages>,
    schedule: StoredValue<PollSchedule>,
    backend: StoredValue<Backend>,
    scope: Signal<JobScope>,
    generation: StoredValue<u64>,
    /// Told of every copy of a shown job that arrives.
    watcher: Option<Watcher>,
}

/// Where the first load's pages stand.
#[derive(Default)]
struct OlderPages {
    /// The next page's link, while there is one.
    next: Option<String>,
    /// When the last page's jobs were created (else updated): whether the range needs more.
    last_seen: Vec<Option<DateTime<Utc>>>,
    /// What the first page said the whole list holds.
    reported: Option<usize>,
    /// Items read so far, over every page (the position a page's problems count from).
    items: usize,
    /// Problems of the pages after the first (a refresh reads the first page only).
    problems: Vec<ItemProblem>,
    /// Whether a page is being asked for; whether the reader stopped the load.
    loading: bool,
    stop: bool,
}

/// When `jobs` were created, else updated.
fn seen(jobs: &[Job]) -> Vec<Option<DateTime<Utc>>> {
    jobs.iter().map(Job::seen_at).collect()
}

impl JobRow {
    /// A row with its own signal.
    pub fn new(job: Job) -> Self {
        Self {
            id: job.id.clone(),
            job: ArcRwSignal::new(job),
        }
    }
}

impl JobHistory {
    /// The state alone, with nothing polling it: [`use_job_history`] drives it, tests feed it.
    pub fn new(backend: Backend, scope: Signal<JobScope>, policy: PollPolicy) -> Self {
        Self {
            rows: RwSignal::new(Vec::new()),
            arrivals: RwSignal::new(Vec::new()),
            problems: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            loaded: RwSignal::new(false),
            last_updated: RwSignal::new(None),
            paused: RwSignal::new(false),
            announcement: RwSignal::new(None),
            settled: RwSignal::new(None),
            paging: RwSignal::new(None),
            oldest_needed: Signal::stored(None),
            older: StoredValue::new(OlderPages::default()),
            schedule: StoredValue::new(PollSchedule::new(policy, platform::now())),
            backend: StoredValue::new(backend),
            scope,
            generation: StoredValue::new(0),
            watcher: None,
        }
    }

    /// Runs `f` once, when the first answer (jobs or an error) has been shown and painted: for
    /// work that must not delay the first cards.
    pub fn after_first_paint(&self, f: impl FnOnce() + 'static) {
        let loaded = self.loaded;
        let mut f = Some(f);
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || !loaded.get() {
                return done.unwrap_or(false);
            }
            if let Some(f) = f.take() {
                platform::after_next_paint(f);
            }
            true
        });
    }

    /// Shows the jobs waiting behind the pill, at the top, newest first.
    pub fn show_arrivals(&self) {
        let mut arrivals = self.arrivals.try_update(std::mem::take).unwrap_or_default();
        sort_newest_first(&mut arrivals);
        let rows: Vec<JobRow> = arrivals.into_iter().map(JobRow::new).collect();
        self.rows.update(|shown| {
            shown.splice(0..0, rows);
        });
    }

    /// Refreshes the list now.
    pub fn refresh(&self) {
        if self
            .schedule
            .try_update_value(|s| s.refresh_now(platform::now()))
            .unwrap_or(false)
        {
            self.tick(true);
        }
    }

    /// Shows a job a refresh started at the top (as Basiq gave it, or a Pending placeholder
    /// until its polls bring it) and tracks it. A job already shown is tracked as it is.
    pub fn track(&self, job: Job) {
        let id = job.id.clone();
        if self
            .rows
            .with_untracked(|rows| rows.iter().any(|r| r.id == id))
        {
            return;
        }
        self.arrivals
            .update(|waiting| waiting.retain(|job| job.id != id));
        self.rows.update(|rows| rows.insert(0, JobRow::new(job)));
        self.tick(platform::page_visible());
    }

    /// Folds one fresh job in: its card updates in place if the data is newer, and a status
    /// change is announced. Jobs not shown are ignored.
    pub fn receive_job(&self, incoming: Job) {
        let row = self
            .rows
            .with_untracked(|rows| rows.iter().find(|r| r.id == incoming.id).cloned());
        if let Some(row) = row {
            self.apply(&row, incoming);
        }
    }

    /// Updates one shown card with `incoming` when that is newer, announcing a status change.
    fn apply(&self, row: &JobRow, incoming: Job) {
        if let Some(watcher) = self.watcher {
            watcher.observe(&incoming);
        }
        let before = row.job.with_untracked(derive_status);
        if row
            .job
            .with_untracked(|current| supersedes(&incoming, current))
        {
            let after = derive_status(&incoming);
            row.job.set(incoming);
            if before != after {
                if !before.is_settled() && after.is_settled() {
                    self.settled.set(Some((row.id.clone(), after)));
                }
                self.announcement.set(Some((row.id.clone(), after)));
            }
        }
    }

    /// Folds a fresh list in: the first one is shown newest first; later ones update shown
    /// cards in place and hold new jobs back behind the pill.
    pub fn receive_list(&self, jobs: Vec<Job>, mut problems: Vec<ItemProblem>) {
        self.older
            .with_value(|older| problems.extend(older.problems.iter().cloned()));
        self.problems.set(problems);
        let first = !self.loaded.get_untracked() || self.rows.with_untracked(Vec::is_empty);
        self.loaded.set(true);
        if first {
            let mut jobs = jobs;
            sort_newest_first(&mut jobs);
            let rows = jobs.into_iter().map(JobRow::new);
            self.rows.set(rows.collect());
            return;
        }
        // Compared through read guards, not copies: a refresh of 10,000 jobs clones none.
        let changes = self.rows.with_untracked(|rows| {
            let guards: Vec<_> = rows.iter().map(|r| r.job.read_untracked()).collect();
            let shown: Vec<&Job> = guards.iter().map(|guard| &**guard).collect();
            diff_list(&shown, jobs)
        });
        for (index, job) in changes.updates {
            if let Some(row) = self.rows.with_untracked(|rows| rows.get(index).cloned()) {
                self.apply(&row, job);
            }
        }
        if !changes.arrivals.is_empty() {
            self.arrivals.update(|waiting| {
                for job in changes.arrivals {
                    match waiting.iter_mut().find(|w| w.id == job.id) {
                        Some(existing) => *existing = job,
                        None => waiting.push(job),
                    }
                }
            });
        }
    }

    fn load_list(&self) {
        let this = *self;
        let scope = self.scope.get_untracked();
        let backend = self.backend.get_value();
        let generation = self.generation.get_value();
        let first = !self.loaded.get_untracked();
        let request = start_now(async move { backend.load(&scope).await });
        if first {
            platform::mark("list-requested");
        }
        spawn_local(async move {
            let result = request.await;
            if first {
                platform::mark("list-read");
            }
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            let now = platform::now();
            let outcome = match result {
                Ok(page) => {
                    if first {
                        this.older.set_value(OlderPages {
                            next: page.next.clone(),
                            last_seen: seen(&page.jobs),
                            reported: page.reported,
                            items: page.jobs.len() + page.problems.len(),
                            ..OlderPages::default()
                        });
                    }
                    this.receive_list(page.jobs, page.problems);
                    this.error.set(None);
                    this.last_updated.set(Some(now));
                    let pending = this.rows.with_untracked(|rows| {
                        rows.iter()
                            .any(|r| r.job.with_untracked(derive_status) == CardStatus::Pending)
                    });
                    Ok(pending)
                }
                Err(error) => Err(error),
            };
            this.loaded.set(true);
            this.schedule
                .update_value(|s| s.list_done(now, outcome.as_ref().copied(), platform::random()));
            match outcome {
                Err(error) => this.error.set(Some(error)),
                Ok(_) if first => this.follow_pages(),
                Ok(_) => {}
            }
        });
    }

    /// Stops the load of older pages after the page on its way; what came stays.
    pub fn stop_paging(&self) {
        self.older.update_value(|older| older.stop = true);
        self.paging.update(|paging| {
            if let Some(progress) = paging {
                progress.stopped = true;
            }
        });
    }

    /// Goes on loading older pages after a stop.
    pub fn load_older(&self) {
        self.older.update_value(|older| older.stop = false);
        self.follow_pages();
    }

    /// About how many jobs the whole list holds, now that these have come.
    fn estimate(&self) -> (usize, Option<usize>) {
        let (loaded, oldest_seen) = self.rows.with_untracked(|rows| {
            let oldest = rows
                .iter()
                .filter_map(|r| r.job.with_untracked(Job::seen_at))
                .min();
            (rows.len(), oldest)
        });
        let reported = self.older.with_value(|older| older.reported);
        let oldest = self.oldest_needed.get_untracked();
        (
            loaded,
            estimate_total(loaded, reported, oldest_seen, oldest, platform::now()),
        )
    }

    /// Follows `links.next` while the time range needs older jobs: each page is shown as it
    /// comes, with the progress, until the last page, a stop, an error or [`MAX_PAGES`]. Not
    /// twice at once; later list refreshes read the first page only.
    fn follow_pages(&self) {
        let starts = self.older.try_update_value(|older| {
            let starts = !older.loading && !older.stop && older.next.is_some();
            older.loading |= starts;
            starts
        });
        if starts != Some(true) {
            return;
        }
        let this = *self;
        let backend = self.backend.get_value();
        let generation = self.generation.get_value();
        let current = move || this.generation.try_get_value() == Some(generation);
        spawn_local(async move {
            for pages in 0.. {
                let Some((next, needed, stop)) = this.older.try_with_value(|older| {
                    let needed = older_page_needed(
                        older.last_seen.iter().copied(),
                        this.oldest_needed.get_untracked(),
                    );
                    (older.next.clone(), needed, older.stop)
                }) else {
                    return;
                };
                let (loaded, estimate) = this.estimate();
                let progress = |stopped| {
                    Some(PageProgress {
                        loaded,
                        estimate,
                        stopped,
                    })
                };
                let Some(url) = next.filter(|_| needed && current()) else {
                    this.paging.set(None);
                    break;
                };
                if stop || pages >= MAX_PAGES {
                    this.paging.set(progress(true));
                    break;
                }
                this.paging.set(progress(false));
                let answer = backend.list_page(&url).await;
                if !current() {
                    return;
                }
                match answer {
                    Ok(page) => this.receive_older(&url, page),
                    Err(error) => {
                        this.error.set(Some(error));
                        this.paging.set(progress(true));
                        break;
                    }
                }
            }
            this.older.update_value(|older| older.loading = false);
        });
    }

    /// Folds an older page in: shown jobs update in place, the others join the list in its
    /// order (newest first), and its unreadable items are named after the earlier pages'.
    fn receive_older(&self, url: &str, page: JobPage) {
        let JobPage {
            jobs,
            problems,
            next,
            ..
        } = page;
        self.older.update_value(|older| {
            let offset = older.items;
            older.items += jobs.len() + problems.len();
            older.problems.extend(problems.into_iter().map(|mut p| {
                p.index += offset;
                p
            }));
            older.next = next.filter(|n| n != url);
            older.last_seen = seen(&jobs);
        });
        let problems = self.older.with_value(|older| older.problems.clone());
        self.problems.update(|shown| {
            shown.retain(|p| !problems.contains(p));
            shown.extend(problems);
        });
        let shown: HashSet<String> = self
            .rows
            .with_untracked(|rows| rows.iter().map(|r| r.id.clone()).collect());
        let waiting: HashSet<String> = self
            .arrivals
            .with_untracked(|jobs| jobs.iter().map(|j| j.id.clone()).collect());
        let mut added = Vec::new();
        for job in jobs {
            if shown.contains(&job.id) {
                self.receive_job(job);
            } else if !waiting.contains(&job.id) {
                added.push(JobRow::new(job));
            }
        }
        if !added.is_empty() {
            self.rows.update(|rows| {
                rows.extend(added);
                rows.sort_by(|a, b| newest_first(&a.job.read_untracked(), &b.job.read_untracked()));
            });
        }
    }

    fn poll_job(&self, id: String) {
        let this = *self;
        let backend = self.backend.get_value();
        let generation = self.generation.get_value();
        let request = start_now({
            let id = id.clone();
            async move { backend.get_job(&id).await }
        });
        spawn_local(async move {
            let result = request.await;
            if this.generation.try_get_value() != Some(generation) {
                return;
            }
            let now = platform::now();
            match result {
                Ok(job) => {
                    let outcome = (derive_status(&job), job.age(now));
                    this.receive_job(job);
                    this.last_updated.set(Some(now));
                    this.schedule
                        .update_value(|s| s.job_done(&id, now, Ok(outcome), platform::random()));
                }
                Err(error) => {
                    this.schedule
                        .update_value(|s| s.job_done(&id, now, Err(&error), platform::random()));
                }
            }
        });
    }

    /// One step of the loop: sends whatever is due. Does nothing while hidden or paused.
    fn tick(&self, visible: bool) {
        if !visible || self.paused.get_untracked() {
            return;
        }
        let now = platform::now();
        if self
            .schedule
            .try_update_value(|s| s.take_list(now))
            .unwrap_or(false)
        {
            self.load_list();
        }
        let jobs: Vec<(String, CardStatus, TimeDelta)> = self.rows.with_untracked(|rows| {
            rows.iter()
                .map(|r| {
                    r.job
                        .with_untracked(|job| (r.id.clone(), derive_status(job), job.age(now)))
                })
                .collect()
        });
        let tracked = jobs.iter().map(|(id, status, age)| Tracked {
            id,
            status: *status,
            age: *age,
        });
        let due = self
            .schedule
            .try_update_value(|s| s.take_jobs(now, tracked))
            .unwrap_or_default();
        for id in due {
            self.poll_job(id);
        }
    }
}

/// Starts the live history of a scope (a user's jobs, or a set of jobs) on the app's backend and
/// poll policy, stepped by the app's clock, loading pages as far back as `oldest_needed` (the
/// time range's start; `None`: all). When the scope changes, the list starts afresh and answers
/// for the old scope are dropped; when the range reaches further back, older pages load.
pub fn use_job_history(
    scope: Signal<JobScope>,
    oldest_needed: Signal<Option<DateTime<Utc>>>,
) -> JobHistory {
    let (backend, policy) = super::context::expect_live();
    let now = super::expect_clock().now;
    let history = JobHistory {
        oldest_needed,
        watcher: super::use_watcher(),
        ..JobHistory::new(backend, scope, policy)
    };
    // The first load starts now, while the page is still being built, not after it; the
    // effect below only acts on later scopes.
    history.tick(platform::page_visible());
    Effect::new(move |previous: Option<JobScope>| {
        let current = scope.get();
        if let Some(previous) = previous {
            if previous != current {
                history.generation.update_value(|g| *g += 1);
                history
                    .schedule
                    .set_value(PollSchedule::new(policy, platform::now()));
                history.rows.set(Vec::new());
                history.arrivals.set(Vec::new());
                history.loaded.set(false);
                history.older.set_value(OlderPages::default());
                history.paging.set(None);
            }
            history.tick(platform::page_visible());
        }
        current
    });
    // A range reaching further back loads the older pages it needs (unless the reader stopped).
    Effect::new(move |previous: Option<Option<DateTime<Utc>>>| {
        let oldest = oldest_needed.get();
        if previous.is_some_and(|previous| previous != oldest) {
            history.follow_pages();
        }
        oldest
    });
    use_poll_driver(now, history.paused.into(), move |visible| {
        history.tick(visible)
    });
    history
}

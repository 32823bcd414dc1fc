//! Pure domain logic: the Basiq job model, tolerant parsing, the API's typed errors, the
//! card-status rule, filters, triage (failure groups, connection health, the summary), the banks,
//! watched jobs, export and import of saved files, and time formatting.
//! Nothing here touches the browser, so all of it is tested on the host.

pub mod api_error;
pub mod export;
pub mod filter;
pub mod groups;
pub mod health;
pub mod import;
pub mod institution;
pub mod job;
pub mod merge;
pub mod paging;
pub mod parse;
pub mod parse_list;
pub mod percent;
pub mod playbook;
pub mod purge;
pub mod refresh;
pub mod status;
pub mod step;
pub mod summary;
pub mod time;
pub mod watch;

pub use api_error::{ApiError, BasiqError, SAVED_FILE, TokenFault};
pub use export::{
    CSV_HEADER, EXPORT_TYPE, EXPORT_VERSION, ExportView, export_csv, export_file_name, export_json,
    job_value, neutralise_cell,
};
pub use filter::{
    JobFilter, StatusCounts, TimeRange, connections, distinct_by_id, sort_newest_first,
};
pub use groups::{FailureGroup, FailureGroups, GroupBy, NONE_KEY, failure_groups};
pub use health::{
    ConnectionHealth, HealthState, HealthTable, Streak, connection_health, failure_streaks,
};
pub use import::{
    ImportError, MAX_IMPORT_BYTES, NoJobs, SavedFile, SavedKind, check_import_size, read_saved_file,
};
pub use institution::{Institution, InstitutionStatus, parse_institution, parse_institution_text};
pub use job::{Job, JobKind, JobSource, Stamp, short_id};
pub use parse::{
    JsonKind, ParseError, Part, parse_job, parse_job_references, parse_job_text, parse_json,
};
pub use parse_list::{ItemProblem, JobPage, LeftOut, parse_job_list, parse_job_list_text};
pub use percent::percent;
pub use purge::{
    PurgeRecord, add_purge_record, purge_confirmed, purge_done, purge_question, purges_of,
    read_purge_records, write_purge_records,
};
pub use refresh::{
    RefreshTarget, refresh_placeholder, refresh_question, refresh_started, refreshes_started,
};
pub use status::{CardStatus, derive_status};
pub use step::{LinkResult, MfaPrompt, Step, StepError, StepResult, StepStatus, step_title};
pub use summary::{RangeSummary, summarize};
pub use watch::{SettledWatch, Watchlist, page_title, settled_notice};

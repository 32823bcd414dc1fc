//! The detail view of one job (`?job={jobId}`): header, step timeline, playbook, raw JSON.

mod job_detail_page;
mod job_header;
mod raw_json;
mod step_timeline;

pub use job_detail_page::JobDetailPage;
pub use job_header::JobHeader;
pub use raw_json::RawJson;
pub use step_timeline::StepTimeline;

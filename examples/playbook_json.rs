//! Prints the error playbook as JSON, for the benchmark's plain-JS baseline page, which shows
//! the same cards as the app (scripts/bench.sh inlines it into bench/baseline.html).

fn main() {
    println!("{}", basiq_job_history::domain::playbook::playbook_json());
}

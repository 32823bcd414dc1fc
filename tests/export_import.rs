//! Export and import of saved files: every job fixture survives the trip through an export, the
//! CSV is RFC 4180 with formulas neutralised, file names say whose and which range, and every
//! kind of bad file is refused (or read without its bad items) with a clear message.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/fixtures.rs"]
mod fixtures;

use basiq_job_history::domain::{
    CSV_HEADER, EXPORT_TYPE, ExportView, ImportError, Institution, InstitutionStatus, Job,
    JsonKind, MAX_IMPORT_BYTES, NoJobs, SavedKind, TimeRange, check_import_size, export_csv,
    export_file_name, export_json, job_value, neutralise_cell, parse_job, parse_job_list_text,
    read_saved_file,
};
use basiq_job_history::i18n::Locale;
use chrono::{DateTime, FixedOffset, Utc};
use serde_json::{Value, json};

const BASE: &str = "https://au-api.basiq.io";

fn at(raw: &str) -> DateTime<Utc> {
    raw.parse().expect(raw)
}

fn view(user: Option<&str>) -> ExportView {
    ExportView {
        user: user.map(str::to_owned),
        connection: None,
        job_ids: vec!["j1".into()],
        filter: vec![("status", "failed".into()), ("range", "7d".into())],
        range: Some(TimeRange::Week),
        days: (None, None),
        at: at("2025-03-14T12:00:00Z"),
        api_base: BASE.into(),
    }
}

/// Every single-job fixture, parsed as a list item (which keeps no text).
fn fixture_jobs() -> Vec<Job> {
    fixtures::names("job-")
        .iter()
        .map(|name| {
            let body = json!({ "type": "list", "data": [fixtures::json(name)] }).to_string();
            let page = parse_job_list_text(&body).expect(name);
            assert_eq!(page.jobs.len(), 1, "{name}");
            page.jobs.into_iter().next().unwrap()
        })
        .collect()
}

fn hooli() -> Institution {
    Institution {
        id: "AU00000".into(),
        name: Some("Hooli Bank".into()),
        short_name: Some("Hooli".into()),
        status: Some(InstitutionStatus::Operational),
    }
}

#[test]
fn a_list_item_rebuilt_in_the_api_shape_reads_back_to_the_same_job() {
    let jobs = fixture_jobs();
    assert!(jobs.len() >= 10, "every job fixture is covered");
    for job in &jobs {
        assert!(job.raw.is_none(), "list items keep no text");
        let again = parse_job(&job_value(job, BASE)).expect(&job.id);
        assert!(
            again.same_as(job),
            "{} changed on the way: {again:?}",
            job.id
        );
    }
}

#[test]
fn a_job_kept_with_its_text_is_exported_as_basiq_sent_it() {
    let value = fixtures::json("job-unknown-fields.json");
    let job = parse_job(&value).unwrap();
    assert_eq!(job_value(&job, BASE), value, "unknown fields included");
}

#[test]
fn an_export_reads_back_with_its_jobs_view_and_banks() {
    let jobs = fixture_jobs();
    let text = export_json(&jobs, &[hooli()], &view(Some("u1")));
    let envelope: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(envelope["type"], EXPORT_TYPE);
    assert_eq!(envelope["version"], 1);
    assert_eq!(envelope["exportedAt"], "2025-03-14T12:00:00Z");
    assert_eq!(
        envelope["scope"],
        json!({ "userId": "u1", "connectionId": null })
    );
    assert_eq!(
        envelope["filter"],
        json!({ "status": "failed", "range": "7d" })
    );

    let saved = read_saved_file(&text, "saved.json").unwrap();
    assert_eq!(saved.kind, SavedKind::Export);
    assert_eq!(saved.name, "saved.json");
    assert_eq!(saved.taken, Some(at("2025-03-14T12:00:00Z")));
    assert_eq!(
        saved.as_of(at("2030-01-01T00:00:00Z")),
        at("2025-03-14T12:00:00Z")
    );
    assert_eq!(saved.user.as_deref(), Some("u1"));
    assert_eq!(saved.institutions, vec![hooli()]);
    assert!(saved.problems.is_empty(), "{:?}", saved.problems);
    assert_eq!(saved.jobs.len(), jobs.len());
    for (read, written) in saved.jobs.iter().zip(&jobs) {
        assert!(read.same_as(written), "{} changed on the way", read.id);
        assert!(
            read.raw.is_some(),
            "a saved job keeps its text for the raw JSON view"
        );
    }
    let mut query = saved.view_query(&["status", "range"]);
    assert_eq!(query.remove(0), ("userId".to_owned(), "u1".to_owned()));
    query.sort();
    let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
    assert_eq!(query, vec![pair("range", "7d"), pair("status", "failed")]);
}

#[test]
fn an_export_of_tracked_jobs_reopens_them_by_id() {
    let text = export_json(&fixture_jobs()[..1], &[], &view(None));
    let saved = read_saved_file(&text, "f.json").unwrap();
    assert_eq!(saved.user, None);
    assert_eq!(saved.job_ids, vec!["j1".to_owned()]);
    assert_eq!(
        saved.view_query(&[])[0],
        ("jobIds".to_owned(), "j1".to_owned())
    );
}

#[test]
fn the_api_list_answer_opens_as_it_is() {
    let text = fixtures::text("jobs-list-connection.json");
    let saved = read_saved_file(&text, "list.json").unwrap();
    assert_eq!(saved.kind, SavedKind::ApiList);
    assert_eq!(saved.taken, None);
    assert_eq!(saved.jobs.len(), 6);
    assert!(
        saved.user.is_some(),
        "the user comes from the jobs' links.source"
    );
    let newest = saved.jobs.iter().filter_map(Job::updated_at).max().unwrap();
    assert_eq!(saved.as_of(at("2030-01-01T00:00:00Z")), newest);
}

#[test]
fn bad_files_change_nothing_and_say_why() {
    let refused = |text: &str| read_saved_file(text, "x.json").expect_err(text);
    assert_eq!(refused(""), ImportError::Empty);
    assert_eq!(refused(" \n"), ImportError::Empty);
    assert_eq!(refused("").words(Locale::fr), "Le fichier est vide.");
    assert!(matches!(refused("<html>"), ImportError::NotJson(_)));
    assert!(
        refused("<html>")
            .words(Locale::en)
            .starts_with("The file is not JSON: ")
    );
    assert_eq!(
        refused("[1, 2]"),
        ImportError::NotJobs(NoJobs::Is(JsonKind::Array))
    );
    assert_eq!(
        refused("[1, 2]").words(Locale::fr),
        "Le fichier est du JSON mais ne contient aucune tâche : c’est un tableau. Ouvrez un \
         fichier exporté ici, ou une liste de tâches telle que l’API de Basiq l’a renvoyée."
    );
    assert_eq!(
        refused(r#"{"hello": 1}"#),
        ImportError::NotJobs(NoJobs::NoList)
    );
    assert_eq!(
        refused(r#"{"data": 3}"#),
        ImportError::NotJobs(NoJobs::NotAList("data", JsonKind::Number))
    );
    assert!(
        refused(r#"{"data": 3}"#)
            .words(Locale::en)
            .contains("`data` is a number, expected a list of jobs")
    );
    let no_jobs = json!({ "type": EXPORT_TYPE, "version": 1 }).to_string();
    assert_eq!(
        refused(&no_jobs),
        ImportError::NotJobs(NoJobs::Missing("jobs"))
    );
    let future = json!({ "type": EXPORT_TYPE, "version": 2, "jobs": [] }).to_string();
    assert_eq!(
        refused(&future),
        ImportError::WrongVersion(Some("2".into()))
    );
    assert_eq!(
        refused(&future).words(Locale::en),
        "The file is version 2 of the export format; this dashboard reads version 1."
    );
    let unversioned = json!({ "type": EXPORT_TYPE, "jobs": [] }).to_string();
    assert_eq!(refused(&unversioned), ImportError::WrongVersion(None));
    assert_eq!(
        refused(&unversioned).words(Locale::fr),
        "Le fichier ne nomme aucune version du format d’export ; ce tableau de bord lit la \
         version 1."
    );
}

#[test]
fn a_file_too_large_is_refused_from_its_size_alone() {
    assert_eq!(check_import_size(MAX_IMPORT_BYTES), Ok(()));
    let fifty = 50 * 1024 * 1024;
    assert_eq!(check_import_size(fifty), Err(ImportError::TooLarge(fifty)));
    assert_eq!(
        ImportError::TooLarge(fifty).words(Locale::en),
        "The file is 50 MB; the dashboard opens files of up to 20 MB."
    );
    assert_eq!(
        ImportError::TooLarge(fifty).words(Locale::fr),
        "Le fichier fait 50 Mo ; le tableau de bord ouvre les fichiers jusqu’à 20 Mo."
    );
}

#[test]
fn a_few_bad_items_are_left_out_and_named() {
    let good = fixtures::json("job-success.json");
    let text = json!({
        "type": EXPORT_TYPE, "version": 1, "exportedAt": "not a time",
        "scope": "junk", "filter": [1], "institutions": [{"name": "no id"}, 7],
        "jobs": [good, {"id": "no-steps"}, 42, good],
    })
    .to_string();
    let saved = read_saved_file(&text, "x.json").unwrap();
    assert_eq!(saved.jobs.len(), 1);
    let named: Vec<String> = saved.problems.iter().map(ToString::to_string).collect();
    assert_eq!(named.len(), 3, "{named:?}");
    assert!(named[0].starts_with("item 2 (job no-steps): "), "{named:?}");
    assert!(named[1].starts_with("item 3: "), "{named:?}");
    assert!(named[2].contains("duplicate"), "{named:?}");
    assert_eq!((saved.taken, saved.institutions.len()), (None, 0));
    assert!(saved.filter.is_empty());
}

#[test]
fn a_file_cannot_put_its_own_keys_into_the_url() {
    let text = json!({
        "type": EXPORT_TYPE, "version": 1,
        "scope": { "userId": "u1" },
        "filter": { "status": "failed", "userId": "someone-else", "job": "x" },
        "jobs": [],
    })
    .to_string();
    let saved = read_saved_file(&text, "x.json").unwrap();
    let query = saved.view_query(&["status"]);
    assert_eq!(query.len(), 2, "{query:?}");
    assert_eq!(query[0], ("userId".to_owned(), "u1".to_owned()));
}

#[test]
fn cells_a_spreadsheet_would_run_are_neutralised() {
    for formula in ["=1+1", "+61", "-2", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(neutralise_cell(formula), format!("'{formula}"));
    }
    assert_eq!(neutralise_cell("a=b"), "a=b");
    assert_eq!(neutralise_cell(""), "");
}

#[test]
fn the_csv_has_one_row_per_job_quoted_as_rfc_4180_says() {
    let mut hostile = fixtures::json("job-failed-invalid-credentials.json");
    hostile["steps"][0]["result"]["title"] = json!("=HYPERLINK(\"http://x\",\"click\")");
    hostile["steps"][0]["result"]["detail"] = json!("line one\r\nline \"two\", three");
    hostile["institution"] = json!({ "id": "AU00000" });
    let jobs = vec![
        parse_job(&hostile).unwrap(),
        parse_job(&fixtures::json("job-pending-in-progress.json")).unwrap(),
    ];
    let now = jobs[1].created_at().unwrap() + chrono::TimeDelta::seconds(90);
    let text = export_csv(&jobs, &[hooli()], now);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let failed = &rows[0];
    assert_eq!(&failed[0], "522c0846-8983-42bf-b043-928b477d3b16");
    assert_eq!(&failed[1], "failed");
    assert_eq!(&failed[2], "2024-11-18T06:12:51Z");
    assert_eq!(&failed[4], "12");
    assert_eq!(&failed[5], "8f1ac9cd-4876-4e03-952d-219bb1676aa0");
    assert_eq!((&failed[6], &failed[7]), ("AU00000", "Hooli Bank"));
    assert_eq!(
        (&failed[8], &failed[9]),
        ("verify-credentials", "invalid-credentials")
    );
    assert_eq!(&failed[10], "'=HYPERLINK(\"http://x\",\"click\")");
    assert_eq!(&failed[11], "line one\r\nline \"two\", three");
    assert!(
        text.contains("\"line one\r\nline \"\"two\"\", three\""),
        "quoted, quotes doubled"
    );
    assert!(text.starts_with("id,status,created,"));
    assert!(text.ends_with("\r\n"));
    let pending = &rows[1];
    assert_eq!((&pending[1], &pending[4]), ("pending", "90"));
    assert_eq!(&pending[9], "");
}

#[test]
fn the_file_name_says_whose_jobs_and_which_range() {
    let utc = FixedOffset::east_opt(0).unwrap();
    let sydney = FixedOffset::east_opt(11 * 3600).unwrap();
    let mut v = view(Some("u1"));
    assert_eq!(
        export_file_name(&v, utc, "json"),
        "basiq-jobs-u1-last-7d-2025-03-14.json"
    );
    v.at = at("2025-03-14T20:00:00Z");
    assert_eq!(
        export_file_name(&v, sydney, "csv"),
        "basiq-jobs-u1-last-7d-2025-03-15.csv"
    );
    v.range = None;
    v.days = (Some("2025-03-01".into()), Some("2025-03-07".into()));
    v.connection = Some("c/../9".into());
    assert_eq!(
        export_file_name(&v, utc, "csv"),
        "basiq-jobs-u1-c9-2025-03-01-to-2025-03-07-2025-03-14.csv"
    );
    v.days = (None, None);
    v.user = Some("../../".into());
    v.connection = None;
    assert_eq!(
        export_file_name(&v, utc, "json"),
        "basiq-jobs-unnamed-all-2025-03-14.json"
    );
    assert_eq!(
        export_file_name(&view(None), utc, "json"),
        "basiq-jobs-tracked-jobs-last-7d-2025-03-14.json"
    );
}

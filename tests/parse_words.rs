//! The parser's diagnostics in each language: why a payload was refused, why a list item was left
//! out, and what a step without a title or status is called. Basiq's and serde's own words stay
//! as they give them.
#![cfg(not(target_arch = "wasm32"))]

use basiq_job_history::domain::{
    ApiError, CardStatus, ItemProblem, JsonKind, LeftOut, ParseError, Part, StepStatus,
    derive_status, parse_institution, parse_job, parse_job_list, parse_job_references, parse_json,
    step_title,
};
use basiq_job_history::i18n::Locale;
use serde_json::json;

fn refusal(value: serde_json::Value) -> ParseError {
    parse_job(&value).map(|_| ()).unwrap_err()
}

#[test]
fn a_refused_job_says_why_in_each_language() {
    let step_is_a_number = refusal(json!({"id": "a", "steps": [1]}));
    assert_eq!(
        step_is_a_number,
        ParseError::Wrong {
            part: Part::Step(0),
            found: JsonKind::Number,
            expected: JsonKind::Object
        }
    );
    assert_eq!(
        step_is_a_number.words(Locale::en),
        "step 1 is a number, expected an object"
    );
    assert_eq!(
        step_is_a_number.words(Locale::fr),
        "l’étape 1 est un nombre ; attendu : un objet"
    );
    let no_steps = refusal(json!({"id": "a"}));
    assert_eq!(no_steps.to_string(), "`steps` is missing");
    assert_eq!(no_steps.words(Locale::fr), "`steps` manque");
    let id = refusal(json!({"id": true, "steps": []}));
    assert_eq!(id.to_string(), "`id` is a boolean, expected a string");
    assert_eq!(
        id.words(Locale::fr),
        "`id` est un booléen ; attendu : une chaîne"
    );
    assert_eq!(
        refusal(json!({"id": " ", "steps": []})).words(Locale::fr),
        "`id` est vide"
    );
    assert_eq!(
        refusal(json!([])).words(Locale::fr),
        "la tâche est un tableau ; attendu : un objet"
    );
}

#[test]
fn a_body_that_is_not_json_keeps_the_parsers_words_inside_the_languages() {
    assert_eq!(parse_json(" ").unwrap_err(), ParseError::Empty);
    assert_eq!(
        ParseError::Empty.words(Locale::fr),
        "le corps de la réponse est vide"
    );
    let html = parse_json("<html>").unwrap_err();
    let ParseError::NotJson(serde) = &html else {
        panic!("{html:?}")
    };
    assert_eq!(
        html.words(Locale::en),
        format!("the response is not valid JSON ({serde})")
    );
    assert_eq!(
        html.words(Locale::fr),
        format!("la réponse n’est pas du JSON valide ({serde})")
    );
}

#[test]
fn lists_references_and_institutions_say_why_in_each_language() {
    let list = parse_job_list(&json!({"type": "list"})).unwrap_err();
    assert_eq!(list, ParseError::Missing(Part::Data));
    assert_eq!(list.words(Locale::fr), "`data` manque");
    assert_eq!(
        parse_job_list(&json!("jobs"))
            .unwrap_err()
            .words(Locale::fr),
        "la liste des tâches est une chaîne ; attendu : un objet"
    );
    let reference =
        parse_job_references(&json!({"type": "list", "data": [{"id": "a"}, {"type": "job"}]}))
            .unwrap_err();
    assert_eq!(reference.to_string(), "reference 2: `id` is missing");
    assert_eq!(reference.words(Locale::fr), "référence 2 : `id` manque");
    let other = parse_institution(&json!({"id": "AU00001"}), "AU00002").unwrap_err();
    assert_eq!(
        other.words(Locale::en),
        "asked for institution AU00002, the answer is AU00001"
    );
    assert_eq!(
        other.words(Locale::fr),
        "établissement AU00002 demandé, la réponse porte sur AU00001"
    );
}

#[test]
fn an_item_left_out_is_named_and_explained_in_each_language() {
    let job = |id: &str, updated: &str| json!({"id": id, "updated": updated, "steps": [{"title": "verify-credentials", "status": "success"}]});
    let page = parse_job_list(&json!({"type": "list", "data": [
        job("a", "2026-12-01T00:00:00Z"),
        {"id": "b"},
        job("a", "2026-12-02T00:00:00Z"),
        7,
    ]}))
    .unwrap();
    assert_eq!(page.jobs.len(), 1);
    let words = |locale| -> Vec<String> { page.problems.iter().map(|p| p.words(locale)).collect() };
    assert_eq!(
        words(Locale::en),
        [
            "item 2 (job b): `steps` is missing",
            "item 3 (job a): duplicate job id: the copy updated last is shown",
            "item 4: the job is a number, expected an object",
        ]
    );
    assert_eq!(
        words(Locale::fr),
        [
            "élément 2 (tâche b) : `steps` manque",
            "élément 3 (tâche a) : identifiant de tâche en double : la copie mise à jour en \
             dernier est affichée",
            "élément 4 : la tâche est un nombre ; attendu : un objet",
        ]
    );
    assert_eq!(page.problems[1].reason, LeftOut::Duplicate);
}

#[test]
fn a_tracked_job_the_api_did_not_give_is_explained_in_each_language() {
    let problem = |reason| ItemProblem {
        index: 0,
        id: Some("j1".into()),
        reason,
    };
    assert_eq!(
        problem(LeftOut::NotFound).words(Locale::fr),
        "élément 1 (tâche j1) : tâche introuvable (les tâches sont conservées 7 jours)"
    );
    let server = ApiError::from_response(500, "", None);
    assert_eq!(
        problem(LeftOut::Unanswered(server.clone())).words(Locale::en),
        format!(
            "item 1 (job j1): not fetched: {}",
            server.headline(Locale::en)
        )
    );
    assert_eq!(
        problem(LeftOut::Unanswered(server)).words(Locale::fr),
        "élément 1 (tâche j1) : non récupérée : Erreur du serveur (HTTP 500)"
    );
}

#[test]
fn a_malformed_answer_is_detailed_in_the_viewers_language() {
    let error = ApiError::Malformed(ParseError::NoJob);
    assert_eq!(error.detail(Locale::en), "the refresh answer names no job");
    assert_eq!(
        error.detail(Locale::fr),
        "la réponse à l’actualisation ne nomme aucune tâche"
    );
    assert_eq!(
        ApiError::Malformed(ParseError::ForeignNext).detail(Locale::fr),
        "`links.next` n’est pas une page de la liste des tâches"
    );
}

#[test]
fn a_step_without_a_title_or_status_is_named_in_each_language_and_odd_ones_kept_as_sent() {
    let job = parse_job(&json!({"id": "a", "steps": [
        {"status": "success"},
        {"title": 7},
        {"title": "retrieve-accounts", "status": 2},
    ]}))
    .unwrap();
    let [untitled, numbered, odd] = &job.steps[..] else {
        panic!("three steps")
    };
    assert_eq!(step_title(&untitled.title, Locale::en), "(untitled step)");
    assert_eq!(
        step_title(&untitled.title, Locale::fr),
        "(étape sans titre)"
    );
    assert_eq!(step_title(&numbered.title, Locale::fr), "7");
    assert_eq!(numbered.status.label(Locale::en), "(no status)");
    assert_eq!(numbered.status.label(Locale::fr), "(sans statut)");
    assert_eq!(odd.status, StepStatus::Other("2".into()));
    assert_eq!(odd.status.label(Locale::fr), "2");
    assert_eq!(derive_status(&job), CardStatus::Pending);
}

//! The reference data admins keep: domains and skills offered to experts and projects.

use crate::common::{error_of, TestApp};
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_edit_domains_and_skills_offered_to_experts() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let expert = app.provider("camille@exemple.fr").await;
    let form = [
        ("label_fr", "Intelligence artificielle"),
        ("label_en", "Artificial intelligence"),
    ];
    assert_eq!(
        app.call_as(&admin, "reference_add_domain", &form)
            .await
            .status(),
        200
    );
    let (status, err) = error_of(app.call_as(&admin, "reference_add_domain", &form).await).await;
    assert_eq!(
        (status, err.to_string().as_str()),
        (422, "Ce libellé existe déjà.")
    );
    let skill = [
        ("domain", "intelligence-artificielle"),
        ("label_fr", "IA générative"),
        ("label_en", "Generative AI"),
    ];
    assert_eq!(
        app.call_as(&admin, "reference_add_skill", &skill)
            .await
            .status(),
        200
    );
    assert_eq!(
        app.call_as(&expert, "reference_add_skill", &skill)
            .await
            .status(),
        403
    );

    let refs = |data: Value| data["refs"]["domains"].as_array().unwrap().clone();
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    let ai = refs(data)
        .into_iter()
        .find(|d| d["slug"] == "intelligence-artificielle")
        .expect("offered to experts");
    assert_eq!(ai["skills"][0], json!(["ia-generative", "IA générative"]));

    let hide = [("domain", "intelligence-artificielle"), ("active", "false")];
    assert_eq!(
        app.call_as(&admin, "reference_set_domain_active", &hide)
            .await
            .status(),
        200
    );
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    assert!(!refs(data)
        .iter()
        .any(|d| d["slug"] == "intelligence-artificielle"));

    // Renamed: same identifier, new label wherever it is shown.
    let rename = [
        ("target", "skill:tresorerie"),
        ("label_fr", "Trésorerie d'entreprise"),
        ("label_en", "Corporate treasury"),
    ];
    assert_eq!(
        app.call_as(&expert, "reference_rename", &rename)
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call_as(&admin, "reference_rename", &rename)
            .await
            .status(),
        200
    );
    let data: Value = app.get_json(&expert, "/api/profile_editor").await;
    let finance = refs(data)
        .into_iter()
        .find(|d| d["slug"] == "finance")
        .unwrap();
    assert!(finance["skills"]
        .as_array()
        .unwrap()
        .contains(&json!(["tresorerie", "Trésorerie d'entreprise"])));
    let unknown = [
        ("target", "skill:nope"),
        ("label_fr", "Rien"),
        ("label_en", "None"),
    ];
    assert_eq!(
        app.call_as(&admin, "reference_rename", &unknown)
            .await
            .status(),
        404
    );
}

/// The cards name a département from the list compiled in (no query per card): it must
/// say what the database's reference table says, for every code.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn departement_names_agree_with_the_reference_table() {
    let app = TestApp::spawn().await;
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT code, name FROM departements ORDER BY code")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(rows.len(), 101);
    for (code, name) in rows {
        let parsed = b2bizen::domain::departement::DepartementCode::parse(&code).unwrap();
        assert_eq!(parsed.name(), name, "{code}");
    }
}

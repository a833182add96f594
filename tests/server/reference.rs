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

/// A hidden skill is no longer offered, but whoever holds it keeps it: the expert who
/// had it saves as before; another expert or a new project cannot add it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hidden_skill_stays_with_whoever_holds_it_and_is_offered_to_no_one_else() {
    let app = TestApp::spawn().await;
    let admin = app.admin("admin@b2bizen.fr").await;
    let holder = app.provider("camille@exemple.fr").await;
    let newcomer = app.provider("noe@exemple.fr").await;
    let draft = crate::profile::valid_draft("Camille");
    let save = |who: &reqwest::Client| {
        let (app, who, draft) = (&app, who.clone(), draft.clone());
        async move { app.call_json(&who, "profile_save", &draft).await }
    };
    assert_eq!(save(&holder).await.status(), 200);

    let hide = [("skill", "tresorerie"), ("active", "false")];
    assert_eq!(
        app.call_as(&holder, "reference_set_skill_active", &hide)
            .await
            .status(),
        403
    );
    assert_eq!(
        app.call_as(&admin, "reference_set_skill_active", &hide)
            .await
            .status(),
        200
    );
    let listed = app.get_json(&admin, "/api/reference_list").await;
    let finance = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == "finance")
        .unwrap()
        .clone();
    assert_eq!(finance["hidden_skills"], json!(["tresorerie"]));

    // The holder: still offered, still valid.
    let data: Value = app.get_json(&holder, "/api/profile_editor").await;
    let finance = data["refs"]["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["slug"] == "finance")
        .unwrap()
        .clone();
    assert_eq!(finance["hidden_skills"], json!(["tresorerie"]));
    let res = save(&holder).await;
    assert_eq!(res.status(), 200);
    let saved: Value = res.json().await.unwrap();
    assert!(
        !saved["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["field"] == "skills"),
        "{saved}"
    );

    // Anyone else: refused in their language, and their draft is unchanged.
    let (status, err) = error_of(save(&newcomer).await).await;
    assert_eq!(
        (status, err.to_string().as_str()),
        (
            422,
            "Cette compétence n'est plus proposée : choisissez-en une autre."
        )
    );
    let client = app.client_company("achats@acme.fr", "Acme").await;
    let id = crate::projects::wizard(&app, &client).await["id"].clone();
    let mut project = crate::projects::project_draft();
    let body = json!({ "id": id, "step": 1, "draft": project });
    assert_eq!(
        app.call_json(&client, "project_save_draft", &body)
            .await
            .status(),
        422
    );
    project["required_skills"] = json!(["controle-gestion"]);
    project["optional_skills"] = json!([]);
    let body = json!({ "id": id, "step": 1, "draft": project });
    assert_eq!(
        app.call_json(&client, "project_save_draft", &body)
            .await
            .status(),
        200
    );

    // Offered again: the newcomer may take it.
    let show = [("skill", "tresorerie"), ("active", "true")];
    assert_eq!(
        app.call_as(&admin, "reference_set_skill_active", &show)
            .await
            .status(),
        200
    );
    assert_eq!(save(&newcomer).await.status(), 200);
}

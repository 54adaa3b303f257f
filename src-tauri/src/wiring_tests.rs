//! Command wiring: each command is reachable through IPC and answers as the UI expects, on the
//! mock runtime (no display, no D-Bus).

use lupaus_store::Store;
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

use crate::state::AppState;

fn app() -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let store = Store::open_in_memory().expect("in-memory store");
    let app = crate::build(mock_builder().manage(AppState::new(store, "Aino Agentti".into())))
        .build(mock_context(noop_assets()))
        .expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

fn invoke(window: &tauri::WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().expect("json response"))
}

fn intake(name: &str) -> Value {
    json!({ "intake": {
        "channel": "phone",
        "customer": { "name": name, "email": null, "phone": "040 123 4567", "customer_number": null },
        "product_ref": "Tilaus 4471",
        "description": "Pesukone vuotaa ensimmäisellä pesukerralla.",
        "requested_remedy": "Uusi kone tilalle",
        "priority": "normal",
        "category": null,
        "tags": [],
        "acknowledged": true
    }})
}

#[test]
fn a_created_case_is_listed_with_its_reference() {
    let (_app, window) = app();
    let created = invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
    let reference = created["reference"].as_str().expect("reference");
    assert!(reference.starts_with("R-") && reference.ends_with("-000001"), "{reference}");
    assert_eq!(created["owner"], "Aino Agentti");
    assert_eq!(created["stage"], "intake");

    let listed = invoke(&window, "list_cases", json!({ "query": {} })).expect("listed");
    let rows = listed.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["customer_name"], "Maija Meikäläinen");
}

#[test]
fn bad_input_comes_back_as_code_message_and_field() {
    let (_app, window) = app();
    let error = invoke(&window, "create_case", intake("   ")).expect_err("refused");
    assert_eq!(error["code"], "invalid_input");
    assert_eq!(error["field"], "customer.name");
    assert!(error["message"].as_str().expect("message").contains("cannot be empty"));
    let listed = invoke(&window, "list_cases", json!({ "query": {} })).expect("listed");
    assert_eq!(listed.as_array().expect("array").len(), 0, "nothing may be stored from a refused intake");
}

#[test]
fn app_info_names_the_database_and_locale() {
    let (_app, window) = app();
    let info = invoke(&window, "app_info", json!({})).expect("info");
    assert_eq!(info["db_path"], ":memory:");
    assert!(!info["locale"].as_str().expect("locale").is_empty());
}

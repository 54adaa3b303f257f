//! Command wiring: each command is reachable through IPC and answers as the UI expects, on the
//! mock runtime (no display, no D-Bus).

use lupaus_store::Store;
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

use crate::autostart::Autostart;
use crate::state::AppState;

pub(crate) fn app() -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    app_with_autostart(Autostart::from_env(|_| None, "/usr/bin/lupaus".into()))
}

fn app_with_autostart(autostart: Autostart) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    app_on_store(Store::open_in_memory().expect("in-memory store"), autostart)
}

/// The app on a database file at `path` (team mode keeps the desk's secret beside it). Only the
/// team wiring tests use it, and they are Unix-only (they start PostgreSQL).
#[cfg(unix)]
pub(crate) fn app_on(path: &std::path::Path) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let store = Store::open(path).expect("store");
    app_on_store(store, Autostart::from_env(|_| None, "/usr/bin/lupaus".into()))
}

fn app_on_store(store: Store, autostart: Autostart) -> (tauri::App<MockRuntime>, tauri::WebviewWindow<MockRuntime>) {
    let builder = mock_builder().manage(AppState::new(store, "Aino Agentti".into())).manage(autostart);
    let app = crate::build(builder).build(mock_context(noop_assets())).expect("mock app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("window");
    (app, window)
}

/// Where the window's IPC calls come from: WebView2 on Windows serves the app over http.
const IPC_ORIGIN: &str = if cfg!(windows) { "http://tauri.localhost" } else { "tauri://localhost" };

/// One command through the IPC layer, as the window would send it; shared by the shell's IPC tests.
pub(crate) fn invoke(window: &tauri::WebviewWindow<MockRuntime>, cmd: &str, body: Value) -> Result<Value, Value> {
    tauri::test::get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: IPC_ORIGIN.parse().expect("url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|response| response.deserialize::<Value>().expect("json response"))
}

/// The intake form's request for a phone complaint by `name`, without a call-back.
pub(crate) fn intake(name: &str) -> Value {
    json!({ "intake": { "callback": null, "case": {
        "channel": "phone",
        "customer": { "name": name, "email": null, "phone": "040 123 4567", "customer_number": null },
        "product_ref": "Tilaus 4471",
        "description": "Pesukone vuotaa ensimmäisellä pesukerralla.",
        "requested_remedy": "Uusi kone tilalle",
        "priority": "normal",
        "category": null,
        "tags": [],
        "acknowledged": true
    }}})
}

#[test]
fn a_created_case_is_listed_with_its_reference() {
    let (_app, window) = app();
    let created = invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
    let reference = created["case"]["reference"].as_str().expect("reference");
    assert!(reference.starts_with("R-") && reference.ends_with("-000001"), "{reference}");
    assert_eq!(created["case"]["owner"], "Aino Agentti");
    assert_eq!(created["case"]["stage"], "intake");
    assert_eq!(created["callback"], Value::Null);

    let listed = invoke(&window, "browse_cases", json!({ "filter": {} })).expect("listed");
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
    let listed = invoke(&window, "browse_cases", json!({ "filter": {} })).expect("listed");
    assert_eq!(listed.as_array().expect("array").len(), 0, "nothing may be stored from a refused intake");
}

/// The intake form's case and its call-back promise are one save: both, or neither.
#[test]
fn a_case_and_its_call_back_are_saved_together_or_not_at_all() {
    let (app, window) = app();
    // Any hour the test runs at: confirmed even when outside opening hours.
    let due = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let mut with_callback = intake("Maija Meikäläinen");
    with_callback["intake"]["callback"] = json!({ "text": "Soitamme huomenna", "channel": "call", "due_at": due,
        "outside_hours_confirmed": true });
    let created = invoke(&window, "create_case", with_callback).expect("created");
    assert_eq!(created["callback"]["owner"], "Aino Agentti", "the person at the keyboard keeps it");
    assert_eq!(created["callback"]["case_id"], created["case"]["id"]);
    assert!(scheduler_woken(&app), "a call-back promise wakes the reminder scheduler");

    let mut bad_callback = intake("Matti Virtanen");
    bad_callback["intake"]["callback"] =
        json!({ "text": "   ", "channel": "call", "due_at": due, "outside_hours_confirmed": true });
    let refused = invoke(&window, "create_case", bad_callback).expect_err("an empty promise is refused");
    assert_eq!(refused["code"], "invalid_input");
    let listed = invoke(&window, "browse_cases", json!({ "filter": {} })).expect("listed");
    let names: Vec<&str> =
        listed.as_array().expect("rows").iter().filter_map(|row| row["customer_name"].as_str()).collect();
    assert_eq!(names, ["Maija Meikäläinen"], "the refused call-back left no case behind");
}

/// A returning customer: the intake form shows their cases and the promises still open on them.
#[test]
fn a_returning_customers_history_lists_their_cases_and_open_promises() {
    let (_app, window) = app();
    let due = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    // The same e-mail address makes the second intake the same customer.
    let mut first = intake("Maija Meikäläinen");
    first["intake"]["case"]["customer"]["email"] = json!("maija@example.fi");
    first["intake"]["callback"] = json!({ "text": "Soitamme huomenna", "channel": "call", "due_at": due,
        "outside_hours_confirmed": true });
    let first = invoke(&window, "create_case", first).expect("created");
    let mut second = intake("Maija Meikäläinen");
    second["intake"]["case"]["customer"]["email"] = json!("maija@example.fi");
    invoke(&window, "create_case", second).expect("second case");
    let customer = invoke(&window, "find_customers", json!({ "query": "Maija" })).expect("found")[0]["id"].clone();
    let history = invoke(&window, "customer_history", json!({ "customerId": customer })).expect("history");
    assert_eq!(history["cases"].as_array().expect("cases").len(), 2);
    let open = history["open_promises"].as_array().expect("promises");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["promise"]["text"], "Soitamme huomenna");
    assert_eq!(open[0]["case_reference"], first["case"]["reference"]);
}

#[test]
fn app_info_names_the_database_and_locale() {
    let (_app, window) = app();
    let info = invoke(&window, "app_info", json!({})).expect("info");
    assert_eq!(info["db_path"], ":memory:");
    assert!(!info["locale"].as_str().expect("locale").is_empty());
}

/// The commands see `XDG_CONFIG_HOME` pointed at a temp dir (through the same lookup the app
/// uses on the real environment, so no process-wide variable is changed under other tests).
#[cfg(target_os = "linux")]
#[test]
fn start_at_login_writes_and_removes_the_xdg_autostart_entry() {
    let config = tempfile::tempdir().expect("dir");
    let config_home = config.path().as_os_str().to_owned();
    let lookup = move |name: &str| (name == "XDG_CONFIG_HOME").then(|| config_home.clone());
    let (_app, window) = app_with_autostart(Autostart::from_env(lookup, "/opt/Lupaus App/lupaus".into()));
    let entry = config.path().join("autostart/fi.lupaus.desk.desktop");

    let status = invoke(&window, "get_autostart", json!({})).expect("status");
    assert_eq!(status, json!({ "enabled": false, "entry_path": entry.display().to_string() }));

    let status = invoke(&window, "set_autostart", json!({ "enabled": true })).expect("enabled");
    assert_eq!(status["enabled"], true);
    let text = std::fs::read_to_string(&entry).expect("entry written");
    assert!(text.starts_with("[Desktop Entry]\nType=Application\n"), "{text}");
    assert!(text.contains("\nExec=\"/opt/Lupaus App/lupaus\"\n"), "{text}");
    assert_eq!(invoke(&window, "get_autostart", json!({})).expect("status")["enabled"], true);

    let status = invoke(&window, "set_autostart", json!({ "enabled": false })).expect("disabled");
    assert_eq!(status["enabled"], false);
    assert!(!entry.exists(), "the entry is removed");
    let again = invoke(&window, "set_autostart", json!({ "enabled": false })).expect("disabling twice is fine");
    assert_eq!(again["enabled"], false);
}

#[cfg(target_os = "linux")]
#[test]
fn start_at_login_without_a_config_dir_is_a_clear_error() {
    let (_app, window) = app();
    let error = invoke(&window, "set_autostart", json!({ "enabled": true })).expect_err("no place for the entry");
    assert_eq!(error["code"], "autostart_unavailable");
    assert!(error["message"].as_str().expect("message").contains("XDG_CONFIG_HOME"));
}

#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_autostart_folder_is_reported_with_its_path() {
    let config = tempfile::tempdir().expect("dir");
    // A file where the autostart folder should be: creating the folder fails on any user.
    std::fs::write(config.path().join("autostart"), "not a folder").expect("blocker");
    let config_home = config.path().as_os_str().to_owned();
    let lookup = move |name: &str| (name == "XDG_CONFIG_HOME").then(|| config_home.clone());
    let (_app, window) = app_with_autostart(Autostart::from_env(lookup, "/usr/bin/lupaus".into()));
    let error = invoke(&window, "set_autostart", json!({ "enabled": true })).expect_err("cannot write");
    assert_eq!(error["code"], "autostart_failed");
    assert!(error["message"].as_str().expect("message").contains("fi.lupaus.desk.desktop"), "{error}");
}

/// `root`'s Run key as Windows' own `reg` tool exports it (Wine's, in the Windows suite), if it
/// has a value `Lupaus`. Exported as UTF-16, so a path in any language reads back as written.
#[cfg(windows)]
fn run_key_entry(root: &str) -> Option<String> {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("run.reg");
    let key = format!(r"{root}\Software\Microsoft\Windows\CurrentVersion\Run");
    let exported =
        std::process::Command::new("reg").args(["export", &key]).arg(&file).arg("/y").output().expect("reg runs");
    if !exported.status.success() {
        return None;
    }
    let bytes = std::fs::read(&file).expect("exported");
    let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
    let text = String::from_utf16_lossy(&units);
    text.lines().find(|line| line.starts_with("\"Lupaus\"=")).map(str::to_owned)
}

/// The current user's Run key, never the machine's: the tests run as Wine's administrator, where
/// a machine-wide entry would be allowed (and would start Lupaus for everyone on a shared PC).
#[cfg(windows)]
#[test]
fn start_at_login_writes_and_removes_the_current_users_run_key() {
    let program = r"C:\Users\Sören Äyräpää\AppData\Local\Programs\Lupaus\lupaus.exe";
    let (_app, window) = app_with_autostart(Autostart::from_env(|_| None, program.into()));
    let place = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Lupaus";
    let status = invoke(&window, "set_autostart", json!({ "enabled": true })).expect("enabled");
    assert_eq!(status, json!({ "enabled": true, "entry_path": place }));
    let entry = run_key_entry("HKCU").expect("the current user's Run key names Lupaus");
    // A .reg file doubles each backslash and escapes each quote.
    let escaped = program.replace('\\', r"\\");
    let exported = format!(r#"\"{escaped}\""#);
    assert!(entry.contains(&exported), "the entry starts the program, quoted: {entry}");
    assert_eq!(run_key_entry("HKLM"), None, "nothing in the machine's Run key");
    assert_eq!(invoke(&window, "get_autostart", json!({})).expect("status")["enabled"], true);

    let status = invoke(&window, "set_autostart", json!({ "enabled": false })).expect("disabled");
    assert_eq!(status, json!({ "enabled": false, "entry_path": place }));
    assert_eq!(run_key_entry("HKCU"), None, "the value is removed");
    let again = invoke(&window, "set_autostart", json!({ "enabled": false })).expect("disabling twice is fine");
    assert_eq!(again["enabled"], false);
}

/// Whether the reminder scheduler was woken since the last look (the wake is kept as a permit).
fn scheduler_woken(app: &tauri::App<MockRuntime>) -> bool {
    use tauri::Manager;
    let wake = app.state::<AppState>().reminder_wake();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("runtime");
    runtime.block_on(async { tokio::time::timeout(std::time::Duration::from_millis(5), wake.notified()).await }).is_ok()
}

#[test]
fn commands_that_change_promises_wake_the_reminder_scheduler() {
    let (app, window) = app();
    let case = invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
    assert!(!scheduler_woken(&app), "a new case has no promise yet");
    let due = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    // Confirmed: the test runs at any hour, also outside the desk's opening hours.
    let promise = json!({ "text": "Soitamme takaisin", "channel": "call", "due_at": due, "owner": "Aino Agentti",
        "outside_hours_confirmed": true });
    let made =
        invoke(&window, "make_promise", json!({ "caseId": case["case"]["id"], "promise": promise })).expect("promise");
    assert!(scheduler_woken(&app), "make_promise wakes the scheduler");
    invoke(&window, "browse_cases", json!({ "filter": {} })).expect("listed");
    assert!(!scheduler_woken(&app), "reading changes nothing");
    invoke(&window, "keep_promise", json!({ "promiseId": made["id"], "outcome": "Soitettu" })).expect("kept");
    assert!(scheduler_woken(&app), "keep_promise wakes the scheduler");
}

#[test]
fn due_promises_answers_at_most_the_limit_asked_for() {
    let (_app, window) = app();
    for hours in 1..=3 {
        let case = invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
        let due = (chrono::Utc::now() + chrono::Duration::hours(hours)).to_rfc3339();
        let promise = json!({ "text": format!("Soitto {hours}"), "channel": "call", "due_at": due, "owner": "Aino Agentti",
            "outside_hours_confirmed": true });
        invoke(&window, "make_promise", json!({ "caseId": case["case"]["id"], "promise": promise })).expect("promise");
    }
    let texts = |answer: Value| -> Vec<String> {
        answer
            .as_array()
            .expect("a list")
            .iter()
            .map(|view| view["promise"]["text"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = invoke(&window, "due_promises", json!({ "withinHours": 8, "mineOnly": false })).expect("all");
    assert_eq!(texts(all), ["Soitto 1", "Soitto 2", "Soitto 3"], "no limit: every due promise, soonest first");
    let two = invoke(&window, "due_promises", json!({ "withinHours": 8, "mineOnly": false, "limit": 2 })).expect("two");
    assert_eq!(texts(two), ["Soitto 1", "Soitto 2"], "the banner's limit: only the soonest");
}

#[test]
fn only_a_lead_sees_the_approvals_list() {
    let (_app, window) = app();
    let refused = invoke(&window, "approvals", json!({})).expect_err("agent refused");
    assert_eq!(refused["code"], "lead_only");
    let store_has_lead = invoke(&window, "switch_person", json!({ "name": "Leena Lead" })).expect("switched");
    assert_eq!(store_has_lead["role"], "agent", "an unlisted person is an agent");
}

#[test]
fn figures_for_a_period_and_a_reversed_period_names_the_field() {
    let (_app, window) = app();
    invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
    let today = chrono::Utc::now().date_naive();
    let figures = invoke(&window, "desk_figures", json!({ "from": today - chrono::Duration::days(1), "to": today }))
        .expect("figures");
    assert_eq!(figures["cases_received"], 1);
    let reversed = invoke(&window, "desk_figures", json!({ "from": today, "to": today - chrono::Duration::days(3) }))
        .expect_err("refused");
    assert_eq!(reversed["field"], "to");
    assert_eq!(reversed["reason"], "end_before_start", "the same reason key as the command line's refusal");
}

#[test]
fn a_debrief_request_is_listed_in_lessons() {
    let (_app, window) = app();
    let case = invoke(&window, "create_case", intake("Maija Meikäläinen")).expect("created");
    let entry = json!({ "kind": "debrief_requested", "reason": "Asiakas oli hyvin vihainen" });
    invoke(&window, "add_lesson_entry", json!({ "caseId": case["case"]["id"], "entry": entry })).expect("saved");
    let lessons = invoke(&window, "lessons", json!({ "query": "vihainen" })).expect("lessons");
    assert_eq!(lessons.as_array().expect("list").len(), 1);
}

/// The commands' names, from the one list in `command_list.rs`.
macro_rules! command_names {
    ($($area:ident::$name:ident),* $(,)?) => {
        vec![$(stringify!($name)),*]
    };
}

/// Each command is declared once (`command_list.rs`, which feeds the handler and `build.rs`): the
/// window's capability allows exactly those commands, and the UI's typed wrappers call exactly
/// those. A command added, removed or renamed in one place only fails here.
#[test]
fn the_capability_and_the_ui_wrappers_name_exactly_the_registered_commands() {
    let registered: std::collections::BTreeSet<&str> = lupaus_commands!(command_names).into_iter().collect();
    let capability: Value = serde_json::from_str(include_str!("../capabilities/default.json")).expect("capability");
    let allowed: std::collections::BTreeSet<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|permission| permission.as_str()?.strip_prefix("allow-").map(|name| name.replace('-', "_")))
        .collect();
    let expected: std::collections::BTreeSet<String> = registered.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(allowed, expected, "capabilities/default.json allows other commands than command_list.rs lists");
    // No plugin permission: the opener plugin is used from Rust only (`open_attachment`), so the
    // window can open no path or URL of its own choosing.
    let other: Vec<&str> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(Value::as_str)
        .filter(|permission| !permission.starts_with("allow-") && !permission.starts_with("core:event:"))
        .collect();
    assert!(other.is_empty(), "the window is granted more than Lupaus' own commands: {other:?}");

    let api = include_str!("../../ui/src/lib/api.ts");
    let called: std::collections::BTreeSet<String> = api
        .split("call<")
        .skip(1)
        .filter_map(|after| after.split_once(">('").and_then(|(_, rest)| rest.split_once('\'')))
        .map(|(name, _)| name.to_owned())
        .collect();
    assert_eq!(called, expected, "ui/src/lib/api.ts wraps other commands than command_list.rs lists");
}

#[test]
fn an_attachment_is_opened_by_its_id_alone() {
    let (_app, window) = app();
    let missing = invoke(&window, "open_attachment", json!({ "attachmentId": 404 })).expect_err("no such attachment");
    assert_eq!(missing["code"], "not_found");
    let by_path = invoke(&window, "open_attachment", json!({ "path": "/etc/passwd" })).expect_err("no path accepted");
    assert!(by_path.to_string().contains("attachmentId"), "{by_path}");
}

#[test]
fn the_due_field_reads_weekdays_and_offers_this_and_next_week() {
    let (_app, window) = app();
    let friday = invoke(&window, "read_due", json!({ "text": "pe" })).expect("read");
    let due: chrono::DateTime<chrono::Utc> = serde_json::from_value(friday["due_at"].clone()).expect("an instant");
    let local = due.with_timezone(&chrono_tz::Europe::Helsinki);
    assert_eq!(chrono::Datelike::weekday(&local), chrono::Weekday::Fri, "{local}");
    assert_eq!(friday["next_opening"], Value::Null, "Friday's closing time is inside opening hours");
    let refused = invoke(&window, "read_due", json!({ "text": "ensi kuussa" })).expect_err("unreadable");
    assert_eq!(
        (refused["reason"].as_str(), refused["field"].as_str()),
        (Some("due_text_unreadable"), Some("due_text"))
    );
    let days = invoke(&window, "due_weekdays", json!({})).expect("days");
    let count = days.as_array().expect("a list").len();
    assert!((4..=10).contains(&count), "the business days left this week and next: {count}");
}

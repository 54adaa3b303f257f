fn main() {
    // Embed the freshly built front end: rebuild when `ui/dist` changes.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::build();
}

//! The server restored from a backup (pg_dump, pg_restore) loses what desks pushed after the
//! dump. With the epoch bumped, as README says, desks notice, pull from the start and push
//! everything again: the server ends with every event once. Without the bump the desks' marks
//! say "pushed" and the lost events would never come back (the last assertion shows it).
// Each test starts Debian's PostgreSQL server (initdb, pg_ctl, `su postgres`): Unix only.
#![cfg(unix)]

mod common;

use common::{desk, new_case, team};
use lupaus_sync::round;
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;

async fn server_count(admin: &ServerAddress) -> i64 {
    let client = admin.connect().await.expect("admin");
    client.query_one("SELECT COUNT(*) FROM lupaus_events", &[]).await.expect("count").get(0)
}

async fn restore(server: &TestServer, dump: &str) {
    server.tool("dropdb", &["--force", "restore"]);
    server.tool("createdb", &["restore"]);
    server.tool("pg_restore", &["-d", "restore", dump]);
}

#[tokio::test]
async fn a_restored_server_gets_back_what_the_backup_missed() {
    let server = TestServer::start();
    let admin = team(&server, "restore").await;
    let mut a = desk(&server, &admin, "restore", "A").await;
    let mut b = desk(&server, &admin, "restore", "B").await;
    new_case(&mut a.desk, "Maija");
    round::sync_desk(&mut a.desk).await.expect("sync");
    let dump = server.dir().join("team.dump").display().to_string();
    server.tool("pg_dump", &["-Fc", "-f", &dump, "restore"]);
    new_case(&mut a.desk, "Pekka");
    new_case(&mut b.desk, "Liisa");
    round::sync_desk(&mut a.desk).await.expect("sync");
    round::sync_desk(&mut b.desk).await.expect("sync");
    assert_eq!(server_count(&admin).await, 3);

    // Restored without the epoch bump: the two events after the dump are gone, and the desks,
    // whose marks say they pushed them, do not send them again.
    restore(&server, &dump).await;
    assert_eq!(server_count(&admin).await, 1);
    round::sync_desk(&mut a.desk).await.expect("sync");
    assert_eq!(server_count(&admin).await, 1, "without the bump the lost events stay lost");

    // With the bump every desk pulls from the start and pushes everything again.
    let client = admin.connect().await.expect("admin");
    client.execute("UPDATE lupaus_schema SET epoch = gen_random_uuid()", &[]).await.expect("bump");
    for _ in 0..2 {
        round::sync_desk(&mut a.desk).await.expect("sync a");
        round::sync_desk(&mut b.desk).await.expect("sync b");
    }
    assert_eq!(server_count(&admin).await, 3);
    assert_eq!(a.desk.team_digest().expect("a"), b.desk.team_digest().expect("b"));
    assert_eq!(a.desk.team_digest().expect("a").case_count, 3);
}

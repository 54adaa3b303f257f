//! TLS against a real TLS server (issue 16): the test server runs with `ssl=on` and a
//! certificate signed by a certificate authority the test makes, and listens on this machine's
//! network address as a team's server on another PC would. A desk given the team's CA file
//! (`--ca-file`, kept with its membership) syncs over TLS; without it, or with another CA, it is
//! refused with a clear error; plain TCP to a server off this machine is refused.
//! Unix only: the test server runs Debian's PostgreSQL binaries (initdb, pg_ctl, `su postgres`).
#![cfg(unix)]

mod common;

use common::{new_case, open_desk, team};
use lupaus_sync::admin;
use lupaus_sync::round::{self, sync_desk};
use lupaus_sync::server::ServerAddress;
use lupaus_sync::test_server::TestServer;
use lupaus_sync::test_tls::{TestCa, outward_address};

#[tokio::test]
async fn with_the_teams_ca_a_desk_syncs_over_tls_and_without_it_is_refused() {
    let address = outward_address();
    let ca = TestCa::new(&[address]);
    let server = TestServer::start_networked(address, Some(&ca));
    let admin_address = team(&server, "tls1").await;
    let added = admin::add_desk(&admin_address, "A").await.expect("add-desk");
    let url = format!("postgres://{address}:{}/tls1", server.port());
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lupaus.db");
    let mut desk = open_desk(&db);
    new_case(&mut desk, "Maija");

    // Off this machine, so TLS whatever the URL says; the system's roots do not know the CA.
    let plain = ServerAddress::parse(&format!("{url}?sslmode=disable")).expect("address");
    assert!(plain.uses_tls());
    let refused = round::join(&mut desk, &plain, "A", &added.secret).await.expect_err("unknown CA");
    assert_eq!(refused.code(), "server_not_trusted", "{refused}");
    assert!(refused.to_string().contains("--ca-file"), "{refused}");
    assert!(desk.team().expect("team").is_none(), "nothing recorded");
    // Another CA's certificate is no better.
    let other = TestCa::new(&[address]);
    let wrong = ServerAddress::parse(&url).expect("address").with_ca_file(&other.ca_file()).expect("a CA file");
    let refused = round::join(&mut desk, &wrong, "A", &added.secret).await.expect_err("another CA");
    assert_eq!(refused.code(), "server_not_trusted", "{refused}");
    // A file that is no certificate is refused before anything is tried.
    let refused = ServerAddress::parse(&url).expect("address").with_ca_file(&db).expect_err("not PEM");
    assert_eq!(refused.code(), "invalid_input", "{refused}");

    // With the team's CA the desk joins, pushes its history, and keeps trusting it.
    let trusted = ServerAddress::parse(&url).expect("address").with_ca_file(&ca.ca_file()).expect("the team's CA");
    let (team, report) = round::join(&mut desk, &trusted, "A", &added.secret).await.expect("joins over TLS");
    assert_eq!(report.pending, 0);
    assert_eq!(team.ca_file.as_deref(), Some(ca.ca_file().to_str().expect("path")));
    let client = trusted.connect_desk("A", &added.secret).await.expect("desk login");
    let ssl: bool =
        client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).await.expect("ssl").get(0);
    assert!(ssl, "the desk's session is encrypted");
    drop(desk);
    let mut desk = open_desk(&db);
    new_case(&mut desk, "Pekka");
    let report = sync_desk(&mut desk).await.expect("a later sync trusts the kept CA file");
    assert_eq!((report.pushed, report.pending), (1, 0));

    // The same trust over loopback: a CA file means TLS there too.
    let local =
        ServerAddress::parse(&server.desk_url("tls1")).expect("address").with_ca_file(&ca.ca_file()).expect("CA");
    let client = local.connect_desk("A", &added.secret).await.expect("TLS on loopback");
    let ssl: bool =
        client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[]).await.expect("ssl").get(0);
    assert!(ssl);
}

#[tokio::test]
async fn plain_tcp_to_a_server_off_this_machine_is_refused() {
    let address = outward_address();
    let server = TestServer::start_networked(address, None);
    let admin_address = team(&server, "tls2").await;
    let added = admin::add_desk(&admin_address, "A").await.expect("add-desk");
    let dir = tempfile::tempdir().expect("dir");
    let mut desk = open_desk(&dir.path().join("lupaus.db"));
    for url in [
        format!("postgres://{address}:{}/tls2", server.port()),
        format!("postgres://{address}:{}/tls2?sslmode=disable", server.port()),
    ] {
        let off_machine = ServerAddress::parse(&url).expect("address");
        let refused = round::join(&mut desk, &off_machine, "A", &added.secret).await.expect_err("no TLS");
        assert_eq!(refused.code(), "server_unreachable", "{refused}");
        assert!(refused.to_string().contains("TLS"), "{refused}");
        assert!(desk.team().expect("team").is_none());
    }
    // The same server over loopback, where plain text never leaves the machine, is fine.
    let local = ServerAddress::parse(&server.desk_url("tls2")).expect("address");
    round::join(&mut desk, &local, "A", &added.secret).await.expect("joins over loopback");
}

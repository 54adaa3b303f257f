//! What the numbers were measured on: CPU, cores, memory, disk, date, commit, and how busy the
//! machine was with other work meanwhile.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory: String,
    pub disk: String,
    pub kernel: String,
    pub sqlite: String,
    pub date: String,
    pub commit: String,
    pub load: String,
}

/// The 1-minute load average: runnable processes, ours included, averaged over the last minute.
pub fn load_average() -> Option<f64> {
    fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

pub fn describe(database: &Path, now: DateTime<Utc>, load_at_start: Option<f64>) -> Machine {
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let load = match (load_at_start, load_average()) {
        (Some(start), Some(end)) => format!(
            "1-minute load average {start:.1} when measuring started, {end:.1} at the end, on {cores} cores{}",
            if start.max(end) > cores as f64 { ": other work shared the CPU" } else { "" }
        ),
        _ => "unknown".to_owned(),
    };
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name").and_then(|rest| rest.split_once(':')).map(|(_, v)| v.trim()))
        .unwrap_or("unknown")
        .to_owned();
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory = meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or_else(|| "unknown".to_owned(), |kib| format!("{:.1} GiB", kib / 1024.0 / 1024.0));
    Machine {
        cpu,
        cores,
        memory,
        disk: disk(database),
        kernel: fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_owned(),
        sqlite: rusqlite::version().to_owned(),
        date: now.format("%Y-%m-%d %H:%M UTC").to_string(),
        commit: commit().unwrap_or_else(|| "unknown".to_owned()),
        load,
    }
}

/// The file system holding the database, its device, and whether that spins.
fn disk(database: &Path) -> String {
    let path = database.parent().and_then(|dir| fs::canonicalize(dir).ok()).unwrap_or_else(|| PathBuf::from("/"));
    let mounts = fs::read_to_string("/proc/mounts").unwrap_or_default();
    let mount = mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            Some((fields.next()?, fields.next()?, fields.next()?))
        })
        .filter(|(_, point, _)| path.starts_with(point))
        .max_by_key(|(_, point, _)| point.len());
    let Some((device, point, fs_type)) = mount else {
        return "unknown".to_owned();
    };
    let name = device.rsplit('/').next().unwrap_or(device);
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let base = base.strip_suffix('p').filter(|b| b.starts_with("nvme")).unwrap_or(base);
    let rotational = fs::read_to_string(format!("/sys/block/{base}/queue/rotational")).ok();
    let kind = match rotational.as_deref().map(str::trim) {
        Some("0") => "kernel reports it non-rotational (SSD)",
        Some("1") => "kernel reports it rotational (virtual disks often do)",
        _ => "type unknown",
    };
    format!("{device} ({fs_type} on {point}), {kind}")
}

/// The commit checked out in the working directory's repository, read from `.git` directly.
fn commit() -> Option<String> {
    let mut dir = std::env::current_dir().ok()?;
    let git = loop {
        let candidate = dir.join(".git");
        if candidate.is_dir() {
            break candidate;
        }
        if !dir.pop() {
            return None;
        }
    };
    let head = fs::read_to_string(git.join("HEAD")).ok()?;
    let head = head.trim();
    let Some(reference) = head.strip_prefix("ref: ") else {
        return Some(head.chars().take(12).collect());
    };
    let hash = fs::read_to_string(git.join(reference)).ok().or_else(|| {
        fs::read_to_string(git.join("packed-refs"))
            .ok()?
            .lines()
            .find(|line| line.ends_with(reference))
            .map(|line| line.split_whitespace().next().unwrap_or_default().to_owned())
    })?;
    let branch = reference.rsplit('/').next().unwrap_or(reference);
    Some(format!("{} ({branch}; uncommitted changes not included)", hash.trim().chars().take(12).collect::<String>()))
}

//! The axum layer under real HTTP load: the two services of
//! [`services`](assetpay_errors_bench::services), ours and by hand, over loopback.
//!
//! Both services run in this process on `127.0.0.1` ephemeral ports, on the same Tokio runtime
//! as the load generator: a hyper HTTP/1.1 client with [`CONNECTIONS`] keep-alive connections,
//! each sending its next request when the last answer's body is read. Every round sends
//! [`REQUESTS_PER_ROUND`] requests of one case to one service (bounded by [`ROUND_TIME_LIMIT`]);
//! the two services alternate, and which goes first alternates with the round, so drift in the
//! machine's load falls on both. Every answer's status is checked and every body must hold a
//! `requestId` (or be the success text), so the two sides do the same work.
//!
//! `cargo run --release -p assetpay-errors-bench --bin http-load [ROUNDS]` prints, per case,
//! requests per second and p99 latency: the median over the rounds, with the range.
//! `--case success`, `--case handler` or `--case axum` runs one case alone; `--same` puts the
//! hand-written service against another of itself, which shows how far apart the driver measures
//! two services doing the same work (its resolution).
//!
//! # Telemetry on and off
//!
//! The package builds `assetpay-errors` with its `metrics` feature, so the layer always counts
//! its error responses in `api_error_responses_total` (by key, code and status). Without
//! `--telemetry` no recorder is installed: the counter is the facade's no-op, which is the cost
//! of the feature for a service that records nothing, and the hand-written service counts
//! nothing. With `--telemetry` a Prometheus recorder (`metrics-exporter-prometheus`) is the
//! process's recorder, and the hand-written service counts the same series by hand where it
//! builds its error responses, with the same labels through the same facade; both services'
//! counts are checked against the requests sent at the end. No tracing subscriber is installed in
//! either mode, so the span fields cost what they cost a service without one.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use assetpay_errors_bench::services::{
    CASES, Case, HAND_ERROR_RESPONSES_TOTAL, by_hand, count_by_hand, ours,
};
use axum::Router;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};

/// Keep-alive connections the load generator keeps busy.
const CONNECTIONS: usize = 32;
/// Requests per round, per case and service.
const REQUESTS_PER_ROUND: usize = 20_000;
/// A round that takes longer than this stops early; its figures still count what it sent.
const ROUND_TIME_LIMIT: Duration = Duration::from_secs(20);
/// Requests sent to each service before measuring, to warm the allocator and caches.
const WARM_UP_REQUESTS: usize = 5_000;
/// Requests sent over a round's fresh connections before it is timed.
const ROUND_WARM_UP_REQUESTS: usize = 1_000;

// ---- the load generator ----------------------------------------------------------------------

/// What one round measured.
struct Round {
    requests_per_second: f64,
    p99: Duration,
}

/// What builds a service for a fresh round.
type MakeService = fn() -> Router;

/// A server of `app` on an ephemeral port, stopped (for new connections) when dropped.
struct Served {
    address: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(app: Router) -> Served {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    let task = tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    Served { address, task }
}

/// One round of `case` against a fresh server of `app` over fresh connections: neither the
/// start nor the warm-up is timed. Every round starting afresh matters on this 2-thread
/// runtime: which worker a server's listener and connection tasks land on is decided when they
/// start, and it held for a whole run before, shifting one service's figures by up to ±8% in one
/// run and the other way in the next; now it is drawn again for each round, and pairing rounds
/// cancels it like any other noise.
async fn fresh_round(app: MakeService, case: &'static Case, total: usize) -> Round {
    let served = serve(app()).await;
    let mut senders = open(served.address).await;
    round(&mut senders, case, ROUND_WARM_UP_REQUESTS).await;
    let measured = round(&mut senders, case, total).await;
    drop(senders);
    drop(served);
    measured
}

/// One keep-alive connection of the load generator.
type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

/// [`CONNECTIONS`] keep-alive connections to `address`, opened before a round is timed.
async fn open(address: SocketAddr) -> Vec<Sender> {
    let mut senders = Vec::with_capacity(CONNECTIONS);
    for _ in 0..CONNECTIONS {
        senders.push(connect(address).await);
    }
    senders
}

/// One keep-alive connection to `address`, its requests sent as soon as they are written.
async fn connect(address: SocketAddr) -> Sender {
    let stream = TcpStream::connect(address).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    sender
}

/// Sends requests over one connection until `next` reaches `total` or `deadline` passes;
/// returns the connection and each request's latency.
async fn connection(
    mut sender: Sender,
    case: &'static Case,
    next: Arc<AtomicUsize>,
    total: usize,
    deadline: Instant,
) -> (Sender, Vec<Duration>) {
    let mut latencies = Vec::with_capacity(total / CONNECTIONS + 1);
    while next.fetch_add(1, Ordering::Relaxed) < total && Instant::now() < deadline {
        let started = Instant::now();
        sender.ready().await.expect("connection ready");
        let response = sender
            .send_request(case.request::<Full<Bytes>>())
            .await
            .expect("a response");
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("a body")
            .to_bytes();
        latencies.push(started.elapsed());
        assert_eq!(status, case.status, "{}: {body:?}", case.path);
        let well_formed = if status.is_success() {
            body.as_ref() == b"ok"
        } else {
            body.starts_with(br#"{"requestId":""#)
        };
        assert!(well_formed, "{}: {body:?}", case.path);
    }
    (sender, latencies)
}

/// One answer's body, to show that both services answer alike.
async fn sample(address: SocketAddr, case: &Case) -> String {
    let mut sender = connect(address).await;
    let response = sender
        .send_request(case.request::<Full<Bytes>>())
        .await
        .expect("a response");
    let body = response.into_body().collect().await.expect("a body");
    String::from_utf8_lossy(&body.to_bytes()).into_owned()
}

async fn round(senders: &mut Vec<Sender>, case: &'static Case, total: usize) -> Round {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = started + ROUND_TIME_LIMIT;
    let tasks: Vec<_> = senders
        .drain(..)
        .map(|sender| tokio::spawn(connection(sender, case, next.clone(), total, deadline)))
        .collect();
    let mut latencies = Vec::with_capacity(total);
    for task in tasks {
        let (sender, measured) = task.await.expect("a connection task");
        senders.push(sender);
        latencies.extend(measured);
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    let p99 = latencies[(latencies.len() * 99).div_ceil(100).saturating_sub(1)];
    Round {
        requests_per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p99,
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

/// Median, minimum and maximum.
fn summary(mut values: Vec<f64>) -> (f64, f64, f64) {
    let median = median(&mut values);
    (median, values[0], values[values.len() - 1])
}

/// The sum of `name`'s samples in a Prometheus scrape.
fn counted(scrape: &str, name: &str) -> f64 {
    scrape
        .lines()
        .filter(|line| line.starts_with(name) && line[name.len()..].starts_with('{'))
        .filter_map(|line| line.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

fn main() {
    let mut arguments: Vec<String> = std::env::args().skip(1).collect();
    let mut flag = |name: &str| {
        let given = arguments.iter().position(|argument| argument == name);
        given.map(|at| arguments.remove(at)).is_some()
    };
    let telemetry = flag("--telemetry");
    let same = flag("--same");
    // `--case NAME`: only the case whose name starts with NAME (`success`, `handler`, `axum`).
    let only = arguments
        .iter()
        .position(|argument| argument == "--case")
        .map(|at| {
            arguments.remove(at);
            arguments.remove(at)
        });
    let rounds: usize = arguments
        .first()
        .map(|rounds| rounds.parse().expect("ROUNDS is a number"))
        .unwrap_or(5);
    let prometheus = telemetry.then(|| {
        count_by_hand();
        metrics_exporter_prometheus::PrometheusBuilder::new()
            .install_recorder()
            .expect("the only recorder of this process")
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        // `--same`: the hand-written service against another of itself, which shows how far
        // apart the driver measures two services that do the same work.
        let services: [(&str, MakeService); 2] = if same {
            [("by hand", by_hand), ("by hand, again", by_hand)]
        } else {
            [("by hand", by_hand), ("ours", ours)]
        };
        println!(
            "{CONNECTIONS} connections, {REQUESTS_PER_ROUND} requests per round, {rounds} rounds, \
             services alternating{}; telemetry {}",
            if same { " (--same: by hand against by hand)" } else { "" },
            if telemetry {
                "on (a Prometheus recorder; by hand counts the same series)"
            } else {
                "off (no recorder; by hand counts nothing)"
            }
        );
        println!();
        for case in &CASES {
            for (name, app) in services {
                let served = serve(app()).await;
                println!("- {} / {name}: `{}`", case.name, sample(served.address, case).await);
            }
        }
        println!();
        println!(
            "| Case | Service | req/s (median) | req/s (range) | p99 µs (median) | p99 µs (range) |"
        );
        println!("|---|---|---|---|---|---|");
        let mut ratios = Vec::new();
        let cases = CASES
            .iter()
            .filter(|case| only.as_ref().is_none_or(|only| case.name.starts_with(only.as_str())));
        for case in cases {
            for (_, app) in services {
                fresh_round(app, case, WARM_UP_REQUESTS).await;
            }
            let mut measured: [Vec<Round>; 2] = [Vec::new(), Vec::new()];
            for index in 0..rounds {
                let order = if index % 2 == 0 { [0, 1] } else { [1, 0] };
                for service in order {
                    let measured_round = fresh_round(services[service].1, case, REQUESTS_PER_ROUND).await;
                    measured[service].push(measured_round);
                }
            }
            let mut medians = Vec::new();
            for (service, rounds) in measured.iter().enumerate() {
                let throughput = summary(rounds.iter().map(|r| r.requests_per_second).collect());
                let p99 = summary(rounds.iter().map(|r| r.p99.as_secs_f64() * 1e6).collect());
                println!(
                    "| {} | {} | {:.0} | {:.0}–{:.0} | {:.0} | {:.0}–{:.0} |",
                    case.name, services[service].0, throughput.0, throughput.1, throughput.2,
                    p99.0, p99.1, p99.2
                );
                medians.push((throughput.0, p99.0));
            }
            // Per-round ratios, paired by round, cancel slow drift in the machine's load.
            let mut throughput_ratios: Vec<f64> = (0..rounds)
                .map(|i| measured[1][i].requests_per_second / measured[0][i].requests_per_second)
                .collect();
            let mut p99_ratios: Vec<f64> = (0..rounds)
                .map(|i| measured[1][i].p99.as_secs_f64() / measured[0][i].p99.as_secs_f64())
                .collect();
            ratios.push((
                case.name,
                medians[1].0 / medians[0].0,
                medians[1].1 / medians[0].1,
                median(&mut throughput_ratios),
                median(&mut p99_ratios),
            ));
        }
        println!();
        println!("| Case | ours/by hand req/s (of medians) | (median of paired rounds) | ours/by hand p99 (of medians) | (median of paired rounds) |");
        println!("|---|---|---|---|---|");
        for (name, throughput, p99, paired_throughput, paired_p99) in ratios {
            println!(
                "| {name} | {throughput:.3} | {paired_throughput:.3} | {p99:.3} | {paired_p99:.3} |"
            );
        }
        if let Some(prometheus) = prometheus {
            // Both services answered every error request of every round; each counted them all.
            let scrape = prometheus.render();
            let (ours, by_hand) = (
                counted(&scrape, assetpay_errors::axum::telemetry::ERROR_RESPONSES_TOTAL),
                counted(&scrape, HAND_ERROR_RESPONSES_TOTAL),
            );
            println!();
            println!("error responses counted: ours {ours}, by hand {by_hand}");
            if same {
                // Both sides are the hand-written service, counting into one series.
                assert!(ours == 0.0 && by_hand > 0.0 && by_hand % 2.0 == 0.0, "{scrape}");
            } else {
                assert!(ours > 0.0 && ours == by_hand, "{scrape}");
            }
        }
    });
}

//! A bounded load run: the mock Basiq server and the gateway in this process on 127.0.0.1, then
//! N requests for one job (the app's polling call) at C at a time, through the gateway.
//! Prints `GATEWAY requests=… concurrency=… seconds=… throughput=… p50=… p90=… p99=… max=…
//! errors=… tokens_minted=…` (latencies in ms). A benchmark, not a test: `scripts/bench.sh`
//! runs it and records the line in BENCHMARKS.md.
//!
//! ```text
//! cargo run --release -p basiq-gateway --example load -- [REQUESTS=20000] [CONCURRENCY=200]
//! ```

use basiq_gateway::{Gateway, Options, serve};
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};

const KEY: &str = "load-test-key";

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().map_or(20_000, |a| a.parse().expect("REQUESTS"));
    let concurrency: usize = args.next().map_or(200, |a| a.parse().expect("CONCURRENCY"));
    let mock = mock_basiq::start(mock_basiq::Options::default()).expect("start the mock");
    let mock = format!("http://127.0.0.1:{}", mock.port);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .expect("a client");
    client
        .post(format!("{mock}/__mock/auth"))
        .body(format!(r#"{{"requireToken": true, "apiKey": "{KEY}"}}"#))
        .send()
        .await
        .expect("the mock answers");
    let args = [
        "--dev-allow-all",
        "--listen",
        "127.0.0.1:0",
        "--api-url",
        &mock,
    ];
    let options = Options::parse(args.map(String::from), |name| {
        (name == "BASIQ_API_KEY").then(|| KEY.to_owned())
    })
    .expect("options");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("listen");
    let gateway = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(serve(
        listener,
        Gateway::new(options).expect("gateway"),
        std::future::pending(),
    ));
    let list: Value = client
        .get(format!(
            "{gateway}/basiq/users/{}/jobs",
            basiq_demo::DEMO_USER_ID
        ))
        .send()
        .await
        .expect("the gateway answers")
        .json()
        .await
        .expect("a list");
    let job = list["data"][0]["id"].as_str().expect("a job").to_owned();
    let url: Arc<str> = format!("{gateway}/basiq/jobs/{job}").into();
    // Warm the connections before timing.
    run(&client, &url, concurrency, concurrency).await;
    let started = Instant::now();
    let mut latencies = run(&client, &url, requests, concurrency).await;
    let seconds = started.elapsed().as_secs_f64();
    let errors = latencies.iter().filter(|(_, ok)| !ok).count();
    latencies.sort_by_key(|a| a.0);
    let at = |q: f64| {
        let i = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].0.as_secs_f64() * 1000.0
    };
    let health: Value = client
        .get(format!("{gateway}/healthz"))
        .send()
        .await
        .expect("healthz")
        .json()
        .await
        .expect("json");
    println!(
        "GATEWAY requests={requests} concurrency={concurrency} seconds={seconds:.2} throughput={:.0} p50={:.2} p90={:.2} p99={:.2} max={:.2} errors={errors} tokens_minted={}",
        requests as f64 / seconds,
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0),
        health["tokensMinted"]
    );
}

/// `total` GETs of `url`, `concurrency` at a time: each one's latency and whether it was a 200.
async fn run(
    client: &reqwest::Client,
    url: &Arc<str>,
    total: usize,
    concurrency: usize,
) -> Vec<(Duration, bool)> {
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let workers = (0..concurrency).map(|_| {
        let (client, url, next) = (client.clone(), url.clone(), next.clone());
        tokio::spawn(async move {
            let mut seen = Vec::new();
            while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < total {
                let started = Instant::now();
                let ok = match client.get(&*url).send().await {
                    Ok(response) => response.status() == 200 && response.bytes().await.is_ok(),
                    Err(_) => false,
                };
                seen.push((started.elapsed(), ok));
            }
            seen
        })
    });
    let mut all = Vec::with_capacity(total);
    for worker in workers.collect::<Vec<_>>() {
        all.extend(worker.await.expect("a worker"));
    }
    all
}

//! The gateway binary against the mock Basiq server, both on 127.0.0.1, over real HTTP. The
//! mock runs in this process and checks the token request as Basiq does; the gateway runs as
//! its own process, its log lines captured, so tests can search them for secrets.

use basiq_demo::{DEMO_USER_ID, SECOND_USER_ID};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// The API key the mock accepts.
pub const KEY: &str = "test-api-key-7f3a9c";
/// A caller who may read the demo user.
pub const ALICE: &str = "alice@example.com";
/// A caller who may read only the second user.
pub const BOB: &str = "bob@example.com";
/// A caller who may read everyone.
pub const SUPPORT: &str = "support@example.com";

static NEXT: AtomicU64 = AtomicU64::new(0);

/// A status, headers and body text.
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    /// The body as JSON (`Null` when it is not).
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }

    /// The first error code of Basiq's envelope.
    pub fn code(&self) -> String {
        self.json()["data"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }

    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap_or("").to_owned())
    }
}

/// A mock and a gateway in front of it.
pub struct Harness {
    pub mock: String,
    pub gateway: String,
    pub address: String,
    child: Child,
    logs: Arc<Mutex<String>>,
    client: reqwest::Client,
}

/// A file in the temp folder, unique to this test process.
pub fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("gateway-{}-{n}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write a temp file");
    path
}

impl Harness {
    /// A mock demanding tokens of `token_ttl` seconds, and the gateway with the users file and
    /// a 1 s upstream timeout plus `extra` flags.
    pub async fn start(token_ttl: u64, extra: &[&str]) -> Self {
        Self::start_with_key(KEY, token_ttl, extra).await
    }

    /// As [`Harness::start`], the gateway given `key` as its API key.
    pub async fn start_with_key(key: &str, token_ttl: u64, extra: &[&str]) -> Self {
        let running = mock_basiq::start(mock_basiq::Options::default()).expect("start the mock");
        let mock = format!("http://127.0.0.1:{}", running.port);
        let client = reqwest::Client::new();
        let auth = json!({"requireToken": true, "tokenTtl": token_ttl, "apiKey": KEY});
        post_json(&client, &format!("{mock}/__mock/auth"), &auth).await;
        let users =
            json!({"identities": {ALICE: [DEMO_USER_ID], BOB: [SECOND_USER_ID], SUPPORT: "*"}});
        let users = temp_file("users.json", &users.to_string());
        let mut child = Command::new(env!("CARGO_BIN_EXE_basiq-gateway"))
            .args([
                "--listen",
                "127.0.0.1:0",
                "--api-url",
                &mock,
                "--upstream-timeout",
                "1",
            ])
            .arg("--users")
            .arg(&users)
            .args(extra)
            .env("BASIQ_API_KEY", key)
            .env_remove("BASIQ_API_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the gateway");
        let logs = Arc::new(Mutex::new(String::new()));
        let (found, address) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let stderr = child.stderr.take().expect("stderr");
        for (stream, found) in [
            (
                Box::new(stdout) as Box<dyn Read + Send>,
                Some(found.clone()),
            ),
            (Box::new(stderr), None),
        ] {
            let logs = logs.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if let Some(found) = &found {
                        let value: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
                        if value["message"] == "listening" {
                            let _ = found.send(value["address"].as_str().unwrap_or("").to_owned());
                        }
                    }
                    let mut logs = logs.lock().expect("logs");
                    logs.push_str(&line);
                    logs.push('\n');
                }
            });
        }
        drop(found);
        let address = address
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("the gateway did not start: {}", logs.lock().unwrap()));
        Self {
            mock,
            gateway: format!("http://{address}"),
            address,
            child,
            logs,
            client,
        }
    }

    /// A request to the gateway as `identity` (no identity header when `None`).
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        identity: Option<&str>,
        body: &str,
    ) -> Answer {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.gateway))
            .body(body.to_owned());
        if let Some(identity) = identity {
            request = request.header("x-forwarded-user", identity);
        }
        let response = request.send().await.expect("the gateway answers");
        let (status, headers) = (response.status().as_u16(), response.headers().clone());
        let body = response.text().await.expect("a body");
        Answer {
            status,
            headers,
            body,
        }
    }

    /// `GET` as `identity`.
    pub async fn get(&self, path: &str, identity: Option<&str>) -> Answer {
        self.send(reqwest::Method::GET, path, identity, "").await
    }

    /// `POST` as `identity`.
    pub async fn post(&self, path: &str, identity: Option<&str>) -> Answer {
        self.send(reqwest::Method::POST, path, identity, "").await
    }

    /// Steers the mock (`POST /__mock/{what}`).
    pub async fn mock(&self, what: &str, body: Value) {
        post_json(&self.client, &format!("{}/__mock/{what}", self.mock), &body).await;
    }

    /// What the mock was asked since the last [`Harness::forget_asked`]: `METHOD url` lines.
    pub async fn asked(&self) -> Vec<String> {
        let log: Value = self
            .client
            .get(format!("{}/__mock/requests", self.mock))
            .send()
            .await
            .expect("the mock answers")
            .json()
            .await
            .expect("the request log");
        let requests = log.as_array().cloned().unwrap_or_default();
        let line = |r: &Value| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap_or(""),
                r["url"].as_str().unwrap_or("")
            )
        };
        requests.iter().map(line).collect()
    }

    /// Clears the mock's request log.
    pub async fn forget_asked(&self) {
        self.client
            .delete(format!("{}/__mock/requests", self.mock))
            .send()
            .await
            .expect("the mock answers");
    }

    /// The gateway's count of token requests (from `/healthz`).
    pub async fn mints(&self) -> u64 {
        self.get("/healthz", None).await.json()["tokensMinted"]
            .as_u64()
            .expect("tokensMinted")
    }

    /// The id of one of `user`'s jobs, asked of the mock directly.
    pub async fn a_job_of(&self, user: &str) -> String {
        let token: Value = self
            .client
            .post(format!("{}/token", self.mock))
            .header("Authorization", format!("Basic {KEY}"))
            .header("basiq-version", "3.0")
            .body("scope=SERVER_ACCESS")
            .send()
            .await
            .expect("the mock answers")
            .json()
            .await
            .expect("a token");
        let list: Value = self
            .client
            .get(format!("{}/users/{user}/jobs", self.mock))
            .bearer_auth(token["access_token"].as_str().expect("access_token"))
            .send()
            .await
            .expect("the mock answers")
            .json()
            .await
            .expect("a list");
        list["data"][0]["id"].as_str().expect("a job id").to_owned()
    }

    /// Writes `request` as it is to the gateway's socket (no client normalising the path) and
    /// reads the status and body of the answer.
    pub fn raw(&self, request: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let _ = stream.write_all(request.as_bytes());
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let status = answer
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = answer
            .split_once("\r\n\r\n")
            .map_or("", |(_, b)| b)
            .to_owned();
        (status, body)
    }

    /// A raw `GET path` with `identity`, the connection closed after the answer.
    pub fn raw_get(&self, path: &str, identity: &str) -> (u16, String) {
        self.raw(&format!(
            "GET {path} HTTP/1.1\r\nHost: gateway\r\nx-forwarded-user: {identity}\r\nConnection: close\r\n\r\n"
        ))
    }

    /// Everything the gateway has printed so far.
    pub fn logs(&self) -> String {
        self.logs.lock().expect("logs").clone()
    }

    /// The gateway's log line for a request to `path`, waited for: the line is written as the
    /// answer goes out and read from the gateway's output by another thread.
    pub async fn log_line_for(&self, path: &str) -> Value {
        for _ in 0..100 {
            let found = self
                .logs()
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap_or_default())
                .find(|l| l["path"] == path);
            if let Some(line) = found {
                return line;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no log line for {path} in 5 s:\n{}", self.logs());
    }

    /// Asserts that neither the key nor any token the mock issued appears in the logs.
    pub fn assert_no_secret_in_logs(&self) {
        let logs = self.logs();
        assert!(!logs.contains(KEY), "the API key is in the logs:\n{logs}");
        assert!(
            !logs.contains("mock-token-"),
            "a token is in the logs:\n{logs}"
        );
    }

    /// Sends SIGTERM and waits for the gateway to exit.
    pub fn terminate(&mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill");
        self.child.wait().expect("wait")
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn post_json(client: &reqwest::Client, url: &str, body: &Value) {
    let response = client
        .post(url)
        .body(body.to_string())
        .send()
        .await
        .expect("the mock answers");
    assert!(
        response.status().is_success(),
        "{url}: {}",
        response.status()
    );
}

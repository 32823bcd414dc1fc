//! A small response type over tiny_http.

use tiny_http::{Header, Method, Request, Response};

/// What the handlers need to know of a request.
pub struct Incoming {
    /// GET, POST, ...
    pub method: Method,
    /// The path, without the query.
    pub path: String,
    /// The query string, without `?`.
    pub query: String,
    /// The `Authorization` header.
    pub authorization: Option<String>,
    /// The `Origin` header.
    pub origin: Option<String>,
    /// The `basiq-version` header (`/token` requires `3.0`).
    pub basiq_version: Option<String>,
    /// The body as text.
    pub body: String,
}

impl Incoming {
    /// Reads a tiny_http request (its body included).
    pub fn read(request: &mut Request) -> Self {
        let header = |name: &str| {
            request
                .headers()
                .iter()
                .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
                .map(|h| h.value.as_str().to_owned())
        };
        let (authorization, origin) = (header("Authorization"), header("Origin"));
        let basiq_version = header("basiq-version");
        let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
        let (path, query) = (path.to_owned(), query.to_owned());
        let mut body = String::new();
        let _ = request.as_reader().read_to_string(&mut body);
        Self {
            method: request.method().clone(),
            path,
            query,
            authorization,
            origin,
            basiq_version,
            body,
        }
    }

    /// A query parameter, percent-decoded.
    pub fn param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (key == name).then(|| percent_decode(value))
        })
    }
}

/// Encodes all but RFC 3986's unreserved characters as `%XX`.
pub fn percent_encode(raw: &str) -> String {
    raw.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// Decodes `%XX` escapes and `+`.
pub fn percent_decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() && raw.is_char_boundary(i + 3) => {
                match u8::from_str_radix(&raw[i + 1..i + 3], 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A response to send: status, headers and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    /// A plain-text response.
    pub fn text(status: u16, body: &str) -> Self {
        Self::bytes(
            status,
            "text/plain; charset=utf-8",
            body.as_bytes().to_vec(),
        )
    }

    /// A response with a body of the given content type.
    pub fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body,
        }
    }

    /// A JSON response.
    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        Self::bytes(status, "application/json", body.to_string().into_bytes())
    }

    /// An empty response (204 and the like).
    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Writes the reply; a client that went away is not an error worth reporting.
pub fn send(request: Request, reply: Reply) {
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    for (name, value) in reply.headers {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    let _ = request.respond(response);
}

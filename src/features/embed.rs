//! Embedding in a developer portal: the `postMessage` contract with the host page, origins
//! checked against `embed.allowedOrigins`.

mod embed_bridge;
mod messages;

pub use embed_bridge::{Embed, EmbedBridge};
pub use messages::{HostMessage, job_selected, origin_allowed, read_host_message};

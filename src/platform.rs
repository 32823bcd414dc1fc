//! The few facts only the browser knows: the current time and the viewer's time zone.
//! Everything that can be pure lives in [`crate::domain`]; this module is the thin edge.

use chrono::{DateTime, FixedOffset, Utc};
use wasm_bindgen::JsValue;

/// The current instant, from the browser clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The viewer's UTC offset at a given instant (so daylight saving is right for that date).
pub fn viewer_offset(at: DateTime<Utc>) -> FixedOffset {
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let west_seconds = (date.get_timezone_offset() * 60.0) as i32;
    FixedOffset::west_opt(west_seconds)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

/// The viewer's IANA time zone name (`Australia/Sydney`), when the browser reports one.
pub fn viewer_zone_name() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let options = format.resolved_options();
    js_sys::Reflect::get(&options, &JsValue::from_str("timeZone"))
        .ok()?
        .as_string()
}

//! `mock-basiq`: parses the options and serves until the process is stopped (see the library).

fn main() {
    let options = mock_basiq::parse_args(std::env::args().skip(1)).unwrap_or_else(|message| {
        if !message.is_empty() {
            eprintln!("mock-basiq: {message}");
        }
        eprintln!("{}", mock_basiq::USAGE);
        std::process::exit(2);
    });
    match mock_basiq::start(options) {
        Ok(running) => {
            let _ = running.thread.join();
        }
        Err(message) => {
            eprintln!("mock-basiq: {message}");
            std::process::exit(1);
        }
    }
}

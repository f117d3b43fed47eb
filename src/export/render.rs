//! Rendering diagrams: DOT to SVG or PNG with the Graphviz `dot` program when it is
//! installed, and SVG through the pure-Rust layout otherwise.

use std::io::Write;
use std::process::{Command, Stdio};

/// Message when `dot` is missing, kept to one line for the CLI.
pub const DOT_NOT_FOUND: &str =
    "Graphviz 'dot' was not found on PATH; install Graphviz or use --format dot";

/// Output formats `dot` renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderFormat {
    /// Scalable vector graphics (tooltips keep the evidence).
    Svg,
    /// Raster image.
    Png,
}

impl RenderFormat {
    fn flag(self) -> &'static str {
        match self {
            RenderFormat::Svg => "-Tsvg",
            RenderFormat::Png => "-Tpng",
        }
    }
}

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// `dot` is not installed.
    #[error("{DOT_NOT_FOUND}")]
    NotFound,
    /// `dot` ran but failed.
    #[error("Graphviz 'dot' failed: {0}")]
    Failed(String),
}

/// Whether the `dot` program can be run.
pub fn dot_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Renders DOT source with `dot`.
pub fn render(dot_source: &str, format: RenderFormat) -> Result<Vec<u8>, RenderError> {
    if !dot_available() {
        return Err(RenderError::NotFound);
    }
    let mut child = Command::new("dot")
        .arg(format.flag())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => RenderError::NotFound,
            _ => RenderError::Failed(e.to_string()),
        })?;
    // Feed stdin from a thread so a large output cannot deadlock against a full pipe.
    let input = dot_source.as_bytes().to_vec();
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(&input);
        }
    });
    let out = child
        .wait_with_output()
        .map_err(|e| RenderError::Failed(e.to_string()))?;
    let _ = writer.join();
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let line = msg
            .lines()
            .next()
            .unwrap_or("unknown error")
            .trim()
            .to_string();
        return Err(RenderError::Failed(line));
    }
    Ok(out.stdout)
}

/// Which program draws an SVG diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Renderer {
    /// Graphviz when installed, the built-in layout otherwise.
    #[default]
    Auto,
    /// Graphviz `dot` (an error when it is missing).
    Graphviz,
    /// The pure-Rust layout (layout-rs), which needs no external program.
    Builtin,
}

/// Draws the view as SVG; says which renderer did it.
pub fn svg(
    view: &super::View,
    opts: &super::DiagramOptions,
    renderer: Renderer,
) -> Result<(Vec<u8>, Renderer), RenderError> {
    let graphviz = match renderer {
        Renderer::Auto => dot_available(),
        Renderer::Graphviz => true,
        Renderer::Builtin => false,
    };
    if graphviz {
        let dot = super::dot::to_dot(view, opts);
        return Ok((render(&dot, RenderFormat::Svg)?, Renderer::Graphviz));
    }
    let title = opts.title.clone().unwrap_or_else(|| view.title());
    super::layout::to_svg(view, &title)
        .map(|s| (s.into_bytes(), Renderer::Builtin))
        .map_err(|e| RenderError::Failed(e.to_string()))
}

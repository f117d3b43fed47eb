//! SVG diagrams without Graphviz: the layout-rs crate places the nodes and routes the
//! edges, and this backend writes the SVG with quick-xml (ids and tooltips as in
//! Graphviz's SVG, so the HTML report treats both alike), plus the title and legend.

use super::dot::{
    drawn_pairs, edge_dom_id, evidence_tooltip, family_color, kind_fill, merges_pairs, node_dom_id,
    pair_dom_id, pen_width,
};
use super::view::View;
use super::xml::xml_text;
use crate::model::{ActorKind, Family};
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use quick_xml::events::BytesText;
use quick_xml::Writer;
use std::collections::BTreeMap;

/// One drawing call, recorded so the canvas size is known before anything is written.
enum Shape {
    Rect(Point, Point, StyleAttr, Option<String>),
    Ellipse(Point, Point, StyleAttr, Option<String>),
    Text(Point, String, usize),
    Line(Point, Point, StyleAttr),
    Path(
        Vec<(Point, Point)>,
        bool,
        (bool, bool),
        StyleAttr,
        Option<String>,
        String,
    ),
}

#[derive(Default)]
struct Recorder {
    shapes: Vec<Shape>,
    max: (f64, f64),
}

impl Recorder {
    fn grow(&mut self, p: Point) {
        self.max.0 = self.max.0.max(p.x);
        self.max.1 = self.max.1.max(p.y);
    }
}

impl RenderBackend for Recorder {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        look: &StyleAttr,
        p: Option<String>,
        _: Option<ClipHandle>,
    ) {
        self.grow(Point::new(xy.x + size.x, xy.y + size.y));
        self.shapes.push(Shape::Rect(xy, size, look.clone(), p));
    }
    fn draw_line(&mut self, a: Point, b: Point, look: &StyleAttr, _: Option<String>) {
        self.grow(a);
        self.grow(b);
        self.shapes.push(Shape::Line(a, b, look.clone()));
    }
    fn draw_circle(&mut self, xy: Point, size: Point, look: &StyleAttr, p: Option<String>) {
        self.grow(Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0));
        self.shapes.push(Shape::Ellipse(xy, size, look.clone(), p));
    }
    fn draw_text(&mut self, xy: Point, text: &str, look: &StyleAttr) {
        let half = text.chars().count() as f64 * look.font_size as f64 * 0.3;
        self.grow(Point::new(xy.x + half, xy.y + look.font_size as f64));
        self.shapes
            .push(Shape::Text(xy, text.to_string(), look.font_size));
    }
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        look: &StyleAttr,
        p: Option<String>,
        text: &str,
    ) {
        for (a, b) in path {
            self.grow(*a);
            self.grow(*b);
        }
        self.shapes.push(Shape::Path(
            path.to_vec(),
            dashed,
            head,
            look.clone(),
            p,
            text.to_string(),
        ));
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

fn color(c: &Color) -> String {
    c.to_web_color()
}

fn style(line: &str, fill: Option<&str>, width: usize, font: usize) -> StyleAttr {
    StyleAttr::new(Color::fast(line), width, fill.map(Color::fast), 0, font)
}

/// Lays out the view with layout-rs and returns the SVG document.
pub fn to_svg(view: &View, title: &str) -> anyhow::Result<String> {
    let dir = Orientation::LeftToRight;
    let mut vg = VisualGraph::new(dir);
    let mut handles = BTreeMap::new();
    for n in &view.nodes {
        let shape = match n.kind {
            ActorKind::Organization | ActorKind::Group => ShapeKind::new_circle(&n.name),
            _ => ShapeKind::new_box(&n.name),
        };
        let size = get_shape_size(dir, &shape, 13, false);
        let look = style("#333333", Some(kind_fill(n.kind)), 1, 13);
        let el = Element::create_with_properties(shape, look, dir, size, node_dom_id(&n.id));
        handles.insert(n.id.as_str(), vg.add_node(el));
    }
    let mut tips = BTreeMap::new();
    // (source, target, label, colour, count, dom id, tooltip) of each arrow.
    let mut arrows: Vec<(&str, &str, String, Family, usize, String, String)> = Vec::new();
    if merges_pairs(view) {
        for p in drawn_pairs(view).0 {
            let tip: Vec<String> = p
                .edges
                .iter()
                .map(|e| format!("{} ×{}", e.row.relation, e.row.count))
                .collect();
            let id = pair_dom_id(p.source, p.target);
            arrows.push((
                p.source,
                p.target,
                p.label(),
                p.family(),
                p.count(),
                id,
                tip.join("; "),
            ));
        }
    } else {
        for e in &view.edges {
            let r = &e.row;
            let label = format!("{} ×{}", r.relation, r.count);
            let tip = evidence_tooltip(&r.evidence, false);
            arrows.push((
                &r.source,
                &r.target,
                label,
                r.relation.family(),
                r.count,
                edge_dom_id(e),
                tip,
            ));
        }
    }
    for (source, target, label, family, count, id, tip) in arrows {
        let (Some(&s), Some(&t)) = (handles.get(source), handles.get(target)) else {
            continue;
        };
        let width = pen_width(count).round() as usize;
        let look = style(family_color(family), None, width.max(1), 11);
        tips.insert(id.clone(), tip);
        let arrow = Arrow {
            start: LineEndKind::None,
            end: LineEndKind::Arrow,
            line_style: LineStyleKind::Normal,
            text: label,
            look,
            properties: Some(id),
            src_port: None,
            dst_port: None,
        };
        vg.add_edge(arrow, s, t);
    }
    for a in &view.affiliations {
        let (Some(&s), Some(&t)) = (
            handles.get(a.source.as_str()),
            handles.get(a.target.as_str()),
        ) else {
            continue;
        };
        let arrow = Arrow {
            start: LineEndKind::None,
            end: LineEndKind::Arrow,
            line_style: LineStyleKind::Dashed,
            text: String::new(),
            look: style("#999999", None, 1, 11),
            properties: Some(format!("affiliation:{}|{}", a.source, a.target)),
            src_port: None,
            dst_port: None,
        };
        vg.add_edge(arrow, s, t);
    }
    let mut rec = Recorder::default();
    if vg.num_nodes() > 0 {
        vg.do_it(false, false, false, &mut rec);
    }
    write_svg(view, &rec, &tips, title)
}

type W = Writer<Vec<u8>>;

const TOP: f64 = 60.0;

fn write_svg(
    view: &View,
    rec: &Recorder,
    tips: &BTreeMap<String, String>,
    title: &str,
) -> anyhow::Result<String> {
    let legend = legend_items(view);
    let width = (rec.max.0 + 20.0)
        .max(140.0 * legend.len() as f64 + 20.0)
        .max(400.0);
    let height = rec.max.1 + TOP + 20.0;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    let (ws, hs) = (format!("{width:.0}"), format!("{height:.0}"));
    let vb = format!("0 0 {width:.0} {height:.0}");
    w.create_element("svg")
        .with_attributes([
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", ws.as_str()),
            ("height", hs.as_str()),
            ("viewBox", vb.as_str()),
            ("font-family", "Helvetica, Arial, sans-serif"),
        ])
        .write_inner_content(|w| {
            defs(w)?;
            w.create_element("rect")
                .with_attributes([("width", "100%"), ("height", "100%"), ("fill", "white")])
                .write_empty()?;
            w.create_element("text")
                .with_attributes([
                    ("x", "10"),
                    ("y", "22"),
                    ("font-size", "15"),
                    ("font-weight", "bold"),
                ])
                .write_text_content(BytesText::new(&xml_text(title)))?;
            for (i, (label, col)) in legend.iter().enumerate() {
                let x = format!("{}", 10 + 140 * i);
                w.create_element("text")
                    .with_attributes([
                        ("x", x.as_str()),
                        ("y", "44"),
                        ("font-size", "12"),
                        ("fill", col),
                    ])
                    .write_text_content(BytesText::new(label))?;
            }
            let shift = format!("translate(0,{TOP})");
            w.create_element("g")
                .with_attribute(("transform", shift.as_str()))
                .write_inner_content(|w| {
                    // A node's label is drawn right after its shape: both go in the node's
                    // group, so a click on the name selects the actor.
                    let mut i = 0;
                    while i < rec.shapes.len() {
                        let s = &rec.shapes[i];
                        let label = match (s, rec.shapes.get(i + 1)) {
                            (
                                Shape::Rect(.., Some(_)) | Shape::Ellipse(.., Some(_)),
                                Some(t @ Shape::Text(..)),
                            ) => Some(t),
                            _ => None,
                        };
                        shape(w, s, label, tips)?;
                        i += if label.is_some() { 2 } else { 1 };
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut s = String::from_utf8(w.into_inner())?;
    s.push('\n');
    Ok(s)
}

fn legend_items(view: &View) -> Vec<(String, String)> {
    let mut items: Vec<(String, String)> = view
        .families()
        .into_iter()
        .map(|f| (format!("▬ {}", f.as_str()), family_color(f).to_string()))
        .collect();
    if !view.affiliations.is_empty() {
        items.push(("- - affiliation".into(), "#999999".into()));
    }
    items
}

fn defs(w: &mut W) -> std::io::Result<()> {
    w.create_element("defs").write_inner_content(|w| {
        w.create_element("marker")
            .with_attributes([
                ("id", "arrowhead"),
                ("markerWidth", "10"),
                ("markerHeight", "7"),
                ("refX", "10"),
                ("refY", "3.5"),
                ("orient", "auto-start-reverse"),
                ("markerUnits", "userSpaceOnUse"),
            ])
            .write_inner_content(|w| {
                w.create_element("polygon")
                    .with_attributes([("points", "0 0, 10 3.5, 0 7"), ("fill", "context-stroke")])
                    .write_empty()?;
                Ok(())
            })?;
        Ok(())
    })?;
    Ok(())
}

/// Opens a group with the element's id and tooltip, as Graphviz writes them.
fn group<F>(
    w: &mut W,
    id: &Option<String>,
    tips: &BTreeMap<String, String>,
    inner: F,
) -> std::io::Result<()>
where
    F: FnOnce(&mut W) -> std::io::Result<()>,
{
    let Some(id) = id else { return inner(w) };
    let class = if id.starts_with("actor:") {
        "node"
    } else {
        "edge"
    };
    w.create_element("g")
        .with_attributes([("id", xml_text(id).as_ref()), ("class", class)])
        .write_inner_content(|w| {
            let tip = tips
                .get(id)
                .map(String::as_str)
                .unwrap_or_else(|| id.split_once(':').map_or("", |p| p.1));
            w.create_element("title")
                .write_text_content(BytesText::new(&xml_text(tip)))?;
            inner(w)
        })?;
    Ok(())
}

fn num(x: f64) -> String {
    format!("{x:.1}")
}

fn shape(
    w: &mut W,
    s: &Shape,
    label: Option<&Shape>,
    tips: &BTreeMap<String, String>,
) -> std::io::Result<()> {
    match s {
        Shape::Rect(xy, size, look, id) => group(w, id, tips, |w| {
            let fill = look
                .fill_color
                .as_ref()
                .map(color)
                .unwrap_or_else(|| "none".into());
            w.create_element("rect")
                .with_attributes([
                    ("x", num(xy.x).as_str()),
                    ("y", num(xy.y).as_str()),
                    ("width", num(size.x).as_str()),
                    ("height", num(size.y).as_str()),
                    ("fill", fill.as_str()),
                    ("stroke", color(&look.line_color).as_str()),
                ])
                .write_empty()?;
            if let Some(t) = label {
                shape(w, t, None, tips)?;
            }
            Ok(())
        }),
        Shape::Ellipse(c, size, look, id) => group(w, id, tips, |w| {
            let fill = look
                .fill_color
                .as_ref()
                .map(color)
                .unwrap_or_else(|| "none".into());
            w.create_element("ellipse")
                .with_attributes([
                    ("cx", num(c.x).as_str()),
                    ("cy", num(c.y).as_str()),
                    ("rx", num(size.x / 2.0).as_str()),
                    ("ry", num(size.y / 2.0).as_str()),
                    ("fill", fill.as_str()),
                    ("stroke", color(&look.line_color).as_str()),
                ])
                .write_empty()?;
            if let Some(t) = label {
                shape(w, t, None, tips)?;
            }
            Ok(())
        }),
        Shape::Text(xy, text, font) => {
            let lines: Vec<&str> = text.lines().collect();
            let y0 = xy.y - (lines.len().saturating_sub(1)) as f64 * *font as f64 / 2.0;
            for (i, line) in lines.iter().enumerate() {
                let y = y0 + i as f64 * *font as f64;
                w.create_element("text")
                    .with_attributes([
                        ("x", num(xy.x).as_str()),
                        ("y", num(y).as_str()),
                        ("font-size", font.to_string().as_str()),
                        ("text-anchor", "middle"),
                        ("dominant-baseline", "middle"),
                    ])
                    .write_text_content(BytesText::new(&xml_text(line)))?;
            }
            Ok(())
        }
        Shape::Line(a, b, look) => {
            w.create_element("line")
                .with_attributes([
                    ("x1", num(a.x).as_str()),
                    ("y1", num(a.y).as_str()),
                    ("x2", num(b.x).as_str()),
                    ("y2", num(b.y).as_str()),
                    ("stroke", color(&look.line_color).as_str()),
                ])
                .write_empty()?;
            Ok(())
        }
        Shape::Path(path, dashed, head, look, id, text) => {
            group(w, id, tips, |w| arrow(w, path, *dashed, *head, look, text))
        }
    }
}

fn arrow(
    w: &mut W,
    path: &[(Point, Point)],
    dashed: bool,
    head: (bool, bool),
    look: &StyleAttr,
    text: &str,
) -> std::io::Result<()> {
    if path.len() < 2 {
        return Ok(());
    }
    let mut d = format!(
        "M {} {} C {} {}, {} {}, {} {}",
        num(path[0].0.x),
        num(path[0].0.y),
        num(path[0].1.x),
        num(path[0].1.y),
        num(path[1].0.x),
        num(path[1].0.y),
        num(path[1].1.x),
        num(path[1].1.y)
    );
    for p in &path[2..] {
        d.push_str(&format!(
            " S {} {}, {} {}",
            num(p.0.x),
            num(p.0.y),
            num(p.1.x),
            num(p.1.y)
        ));
    }
    let col = color(&look.line_color);
    let mut attrs = vec![
        ("d", d.clone()),
        ("fill", "none".to_string()),
        ("stroke", col.clone()),
        ("stroke-width", look.line_width.to_string()),
    ];
    // layout-rs turns some edges around to lay out a DAG; `head` says which end points.
    if head.0 {
        attrs.push(("marker-start", "url(#arrowhead)".to_string()));
    }
    if head.1 {
        attrs.push(("marker-end", "url(#arrowhead)".to_string()));
    }
    if dashed {
        attrs.push(("stroke-dasharray", "5,4".to_string()));
    }
    w.create_element("path")
        .with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))
        .write_empty()?;
    if !text.is_empty() {
        // The label sits at the middle control point, where the curve passes.
        let mid = &path[path.len() / 2];
        w.create_element("text")
            .with_attributes([
                ("x", num(mid.1.x).as_str()),
                ("y", num(mid.1.y - 4.0).as_str()),
                ("font-size", "11"),
                ("text-anchor", "middle"),
                ("fill", col.as_str()),
            ])
            .write_text_content(BytesText::new(&xml_text(text)))?;
    }
    Ok(())
}

//! What the charts share about text and ink: the colour of labels, and how a long name is shortened.

use plotters::style::RGBColor;

/// Text and axis colour of every chart.
pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x37);

/// `label` cut to `max` characters with an ellipsis, so axes and tiles stay readable; tables show
/// names whole.
pub fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let head: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

/// The text of every `<text>` element of an SVG document, trimmed (plotters writes each on its
/// own line), so a test can look for a whole label such as a tick "40".
#[cfg(test)]
pub fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|chunk| chunk.rsplit_once('>').map(|(_, t)| t.trim().to_string()))
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn cuts_by_characters() {
        assert_eq!(short("atlas", 5), "atlas");
        assert_eq!(short("atlas-ultra", 5), "atla…");
        assert_eq!(short("한국어모델이름", 4), "한국어…");
    }
}

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

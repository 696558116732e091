//! A small Unicode-aware tokeniser for prompt texts: English prose, code snippets and Korean.
//!
//! Latin-script text is split into lower-cased runs of alphanumerics and `_` (identifiers survive
//! whole). A few code spellings carry topic on their punctuation, so `c++`/`c#`-style suffixes stay on
//! short words and a generic such as `Rc<RefCell>` also yields the compound `rc<refcell>` beside its
//! parts. Hangul and CJK runs become overlapping character bigrams: Korean attaches particles to
//! words and has no reliable whitespace morphology without a dictionary, and bigrams are the
//! standard dictionary-free substitute (a one-syllable run is kept as is). Stopwords (English and
//! six other common prompt languages), pure numbers and one-letter Latin tokens are dropped because
//! they carry no topic.

/// Function words that would otherwise dominate every prompt: English, and the commonest of
/// Spanish, French, German, Portuguese, Italian and Russian. Arena prompts come in many languages,
/// and without the non-English ones k-means splits the real v2.0 prompts by language ("de, la")
/// rather than by topic (measured in `tests/topic_quality.rs`). Kept short on purpose otherwise:
/// TF-IDF's `max_df` pruning removes the corpus-specific filler ("explain") better than a list.
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "al", "all", "als", "also", "am", "an", "and", "any",
    "are", "as", "at", "au", "auch", "auf", "avec", "be", "because", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "ce", "ces", "che", "com", "como", "con",
    "could", "da", "dans", "das", "de", "del", "della", "dem", "den", "der", "des", "di", "did",
    "die", "do", "does", "doing", "dos", "down", "du", "during", "each", "ein", "eine", "el", "em",
    "en", "es", "est", "et", "few", "for", "from", "further", "für", "gli", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "ich", "if", "il", "im", "in",
    "into", "is", "ist", "it", "its", "itself", "just", "la", "las", "le", "les", "lo", "los",
    "me", "mit", "more", "most", "my", "más", "na", "ne", "nel", "nicht", "no", "non", "nor",
    "not", "now", "não", "o", "of", "off", "on", "once", "only", "or", "os", "other", "our",
    "ours", "out", "over", "own", "para", "pas", "per", "pero", "por", "pour", "que", "qui",
    "same", "se", "she", "should", "sich", "sie", "so", "some", "sono", "sont", "su", "such",
    "sur", "sus", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "um", "uma", "un", "una", "und", "under", "une", "until",
    "up", "very", "von", "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "wie", "will", "with", "would", "you", "your", "yours", "yourself", "zu", "è",
    "é", "в", "для", "же", "за", "и", "из", "к", "как", "на", "не", "но", "от", "по", "с", "то",
    "у", "что", "это",
];

fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// Hangul syllables and jamo, CJK ideographs and kana: scripts tokenised by bigrams.
pub fn is_bigram_script(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7A3 // Hangul
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF) // CJK ideographs
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || c == '_') && !is_bigram_script(c)
}

/// Keeps a Latin-script word when it can carry topic.
fn push_word(out: &mut Vec<String>, w: String) {
    if w.chars().count() < 2 || w.chars().all(|c| c.is_ascii_digit() || c == '_') || is_stopword(&w)
    {
        return;
    }
    out.push(w);
}

/// The tokens of `text`, in order (repeats kept: term frequencies come from them).
pub fn tokenize(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_bigram_script(c) {
            let start = i;
            while i < chars.len() && is_bigram_script(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                out.extend(run.windows(2).map(|w| w.iter().collect::<String>()));
            }
        } else if is_word_char(c) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            let mut word: String = chars[start..i].iter().collect();
            // `c++`, `g++`, `c#`, `f#`: on a short word the suffix is the name.
            if i - start <= 2 && i < chars.len() {
                if chars[i] == '#' {
                    word.push('#');
                    i += 1;
                } else if chars[i] == '+' && chars.get(i + 1) == Some(&'+') {
                    word.push_str("++");
                    i += 2;
                }
            }
            // `Rc<RefCell>`: the compound names a concept its parts do not.
            if chars.get(i) == Some(&'<') {
                let inner_start = i + 1;
                let mut j = inner_start;
                while j < chars.len() && is_word_char(chars[j]) {
                    j += 1;
                }
                if j > inner_start && chars.get(j) == Some(&'>') {
                    let inner: String = chars[inner_start..j].iter().collect();
                    out.push(format!("{word}<{inner}>"));
                }
            }
            push_word(&mut out, word);
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn code_and_prose() {
        let t = tokenize("Explain Rc<RefCell> in C++ and C#, with snake_case_names and x = 42.");
        for w in [
            "explain",
            "rc<refcell>",
            "rc",
            "refcell",
            "c++",
            "c#",
            "snake_case_names",
        ] {
            assert!(t.contains(&w.to_string()), "{w} missing from {t:?}");
        }
        for w in ["in", "and", "x", "42", "with"] {
            assert!(!t.contains(&w.to_string()), "{w} kept in {t:?}");
        }
    }

    #[test]
    fn korean_bigrams() {
        let t = tokenize("민요 스타일의 멜로디를 ABC 표기법");
        assert_eq!(
            t,
            [
                "민요", "스타", "타일", "일의", "멜로", "로디", "디를", "abc", "표기", "기법"
            ]
        );
    }
}

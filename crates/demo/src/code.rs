//! Small synthetic code snippets, one set per language, for coding prompts and coding answers.
//!
//! Snippets are templates with `@key@` placeholders (not `{key}`, which would clash with the braces
//! of the code itself). The identifiers come from the prompt's topic terms, so an answer's code
//! mentions the same words as its prompt. Some snippets contain `#` comments and `- ` lines on
//! purpose: Arena-Hard's markdown counter strips fenced code first, and the demo should exercise that.
//! No snippet contains a backtick, because the reference counter's fence pattern (```` ```([^`]*)``` ````)
//! could not strip such a block.

use rand_chacha::ChaCha8Rng;

use crate::rng::{int, pick};

/// A programming language used by a coding cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Rust,
    Sql,
    Python,
    JavaScript,
    Bash,
    Docker,
    Css,
}

/// (fence info string, template). Templates end with a newline.
type Template = (&'static str, &'static str);

const RUST: &[Template] = &[
    (
        "rust",
        "fn @id@(items: &mut Vec<String>) -> usize {\n    let first = items[0].clone();\n    items.push(first);\n    items.len()\n}\n",
    ),
    (
        "rust",
        "use std::collections::HashMap;\n\nstruct @Id@ {\n    counts: HashMap<String, u32>,\n}\n\nimpl @Id@ {\n    fn record(&mut self, key: &str) {\n        *self.counts.entry(key.to_string()).or_insert(0) += 1;\n    }\n}\n",
    ),
    (
        "rust",
        "fn @id@(data: &[i64]) -> Option<i64> {\n    // borrow the slice; no clone needed\n    data.iter().copied().filter(|x| x % @n@ == 0).max()\n}\n",
    ),
];

const SQL: &[Template] = &[
    (
        "sql",
        "SELECT customer_id,\n       order_date,\n       SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_date) AS @id@\nFROM orders;\n",
    ),
    (
        "sql",
        "WITH ranked AS (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn\n  FROM products\n)\nSELECT * FROM ranked WHERE rn <= @n@;\n",
    ),
    (
        "sql",
        "SELECT day,\n       AVG(revenue) OVER (ORDER BY day ROWS BETWEEN @n@ PRECEDING AND CURRENT ROW) AS @id@\nFROM daily_revenue;\n",
    ),
];

const PYTHON: &[Template] = &[
    (
        "python",
        "import pandas as pd\n\n# load the file, then clean it\ndf = pd.read_csv(\"data.csv\")\ndf = df.drop_duplicates()\n@id@ = df.groupby(\"group\")[\"value\"].median()\nprint(@id@.head(@n@))\n",
    ),
    (
        "python",
        "def @id@(items, limit=@n@):\n    # keep the original order\n    result = []\n    for item in items:\n        if len(result) >= limit:\n            break\n        if item:\n            result.append(item)\n    return result\n",
    ),
    (
        "python",
        "from functools import lru_cache\n\n\n@lru_cache(maxsize=None)\ndef @id@(n):\n    # base cases first\n    if n < 2:\n        return n\n    return @id@(n - 1) + @id@(n - 2)\n",
    ),
    (
        "python",
        "import re\n\nPATTERN = re.compile(r\"(\\w+)=(\\d+)\")\n\n\ndef @id@(line):\n    # one capture group per field\n    return dict(PATTERN.findall(line))\n",
    ),
];

const JAVASCRIPT: &[Template] = &[
    (
        "javascript",
        "async function @idc@(url, retries = @n@) {\n  for (let i = 0; i < retries; i++) {\n    try {\n      const res = await fetch(url);\n      if (res.ok) return res.json();\n    } catch (err) {\n      console.warn(\"attempt failed\", i, err);\n    }\n  }\n  throw new Error(\"all retries failed\");\n}\n",
    ),
    (
        "javascript",
        "function @idc@(state, dt) {\n  // move by speed times delta time, not per frame\n  state.x += state.vx * dt;\n  state.y += state.vy * dt;\n  return state;\n}\n",
    ),
    (
        "javascript",
        "const @idc@ = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n\nasync function run() {\n  await @idc@(@n@00);\n  console.log(\"done\");\n}\n",
    ),
];

const BASH: &[Template] = &[
    (
        "bash",
        "#!/usr/bin/env bash\nset -euo pipefail\n\n# rename every file to lowercase\nfor f in *; do\n  mv -- \"$f\" \"$(echo \"$f\" | tr '[:upper:]' '[:lower:]')\"\ndone\n",
    ),
    (
        "bash",
        "# delete logs older than @n@ days\nfind /var/log/app -name \"*.log\" -mtime +@n@ -delete\n",
    ),
    (
        "bash",
        "git log --oneline -n @n@\ngit rebase -i HEAD~@n@\n# mark the commits to squash, then save\n",
    ),
    (
        "bash",
        "awk -F',' '{ sum += $2 } END { print sum }' @id@.csv\n",
    ),
];

const DOCKER: &[Template] = &[
    (
        "dockerfile",
        "FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n\nFROM python:3.12-slim\nCOPY --from=build /app /app\nCMD [\"python\", \"/app/@id@.py\"]\n",
    ),
    (
        "yaml",
        "services:\n  @id@:\n    image: example/@id@:latest\n    volumes:\n      - data:/var/lib/data\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n      interval: @n@s\nvolumes:\n  data:\n",
    ),
];

const CSS: &[Template] = &[
    (
        "css",
        ".@id@ {\n  display: flex;\n  align-items: center;\n  justify-content: center;\n  min-height: 100vh;\n}\n",
    ),
    (
        "css",
        ".grid {\n  display: grid;\n  grid-template-columns: repeat(@n@, 1fr);\n  gap: 1rem;\n}\n\n@media (max-width: 600px) {\n  .grid { grid-template-columns: 1fr; }\n}\n",
    ),
];

impl Lang {
    fn templates(self) -> &'static [Template] {
        match self {
            Lang::Rust => RUST,
            Lang::Sql => SQL,
            Lang::Python => PYTHON,
            Lang::JavaScript => JAVASCRIPT,
            Lang::Bash => BASH,
            Lang::Docker => DOCKER,
            Lang::Css => CSS,
        }
    }
}

/// A fenced code block (with a trailing newline) whose identifiers derive from `term`.
pub fn fenced(rng: &mut ChaCha8Rng, lang: Lang, term: &str) -> String {
    let (fence, template) = pick(rng, lang.templates());
    let n = int(rng, 2, 9).to_string();
    let body = fill_code(template, term, &n);
    let mut out = String::with_capacity(body.len() + 16);
    out.push_str("```");
    out.push_str(fence);
    out.push('\n');
    out.push_str(&body);
    out.push_str("```\n");
    out
}

fn fill_code(template: &str, term: &str, n: &str) -> String {
    template
        .replace("@id@", &snake(term))
        .replace("@Id@", &pascal(term))
        .replace("@idc@", &camel(term))
        .replace("@n@", n)
}

/// Lowercase words of a term, without punctuation: "Rc<RefCell>" gives ["rc", "refcell"].
fn words(term: &str) -> Vec<String> {
    term.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// `snake_case` identifier for a term (prefixed if it would start with a digit).
pub fn snake(term: &str) -> String {
    let s = words(term).join("_");
    match s.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => s,
        _ => format!("v_{s}"),
    }
}

fn pascal(term: &str) -> String {
    let s: String = words(term).iter().map(|w| capitalize(w)).collect();
    match s.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => s,
        _ => format!("V{s}"),
    }
}

fn camel(term: &str) -> String {
    let p = pascal(term);
    let mut c = p.chars();
    match c.next() {
        Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
        None => p,
    }
}

/// First letter upper-cased.
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn identifiers() {
        assert_eq!(snake("Rc<RefCell>"), "rc_refcell");
        assert_eq!(snake("async/await"), "async_await");
        assert_eq!(snake("0/1 knapsack"), "v_0_1_knapsack");
        assert_eq!(pascal("borrow checker"), "BorrowChecker");
        assert_eq!(camel("event loop"), "eventLoop");
    }

    #[test]
    fn blocks_are_fenced_and_backtick_free_inside() {
        let mut rng = stream(1, 9);
        for lang in [
            Lang::Rust,
            Lang::Sql,
            Lang::Python,
            Lang::JavaScript,
            Lang::Bash,
            Lang::Docker,
            Lang::Css,
        ] {
            for _ in 0..10 {
                let b = fenced(&mut rng, lang, "moving average");
                assert!(b.starts_with("```") && b.ends_with("```\n"));
                let inner = &b[3..b.len() - 4];
                assert!(!inner.contains('`'), "{b}");
                assert!(!inner.contains('@') || inner.contains("@media") || inner.contains("@lru"));
            }
        }
    }
}

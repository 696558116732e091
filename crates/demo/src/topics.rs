//! The demo's prompt set: five categories, forty named topic clusters, and the 500 prompts built
//! from them.
//!
//! Each cluster has its own vocabulary (`terms`) and task phrases, and every prompt uses several of
//! the cluster's terms. That is deliberate: the site clusters prompts by their text, and a synthetic
//! set whose clusters share words gives that feature something real to find. Cluster sizes vary
//! (5 to 25 prompts) so per-cluster views have both thin and well-populated groups.

use std::collections::BTreeSet;

use rand_chacha::ChaCha8Rng;

use crate::code::{self, capitalize, Lang};
use crate::ids;
use crate::rng::{chance, int, pick, pick_distinct, uniform};

/// Number of prompts in the demo, like Arena-Hard v0.1.
pub const QUESTION_COUNT: usize = 500;
/// Smallest and largest cluster.
const MIN_CLUSTER: usize = 5;
const MAX_CLUSTER: usize = 25;

/// The coarse category written to `question.jsonl`'s `category` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Coding,
    Math,
    Writing,
    Reasoning,
    Knowledge,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Coding => "coding",
            Category::Math => "math",
            Category::Writing => "writing",
            Category::Reasoning => "reasoning",
            Category::Knowledge => "knowledge",
        }
    }

    /// Position in declaration order, used to index per-category model skills.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A named topic cluster.
pub struct Cluster {
    pub name: &'static str,
    pub category: Category,
    /// Language of code blocks, for coding clusters.
    pub lang: Option<Lang>,
    /// Topic vocabulary shared by the cluster's prompts and answers.
    pub terms: &'static [&'static str],
    /// Lower-case verb phrases; `@n@` and `@m@` become small numbers.
    pub tasks: &'static [&'static str],
}

use Category::{Coding, Knowledge, Math, Reasoning, Writing};

macro_rules! cluster {
    ($name:expr, $cat:expr, $lang:expr, [$($t:expr),* $(,)?], [$($k:expr),* $(,)?]) => {
        Cluster { name: $name, category: $cat, lang: $lang, terms: &[$($t),*], tasks: &[$($k),*] }
    };
}

/// All clusters, grouped by category.
pub static CLUSTERS: [Cluster; 40] = [
    // --- coding ---
    cluster!("Rust Ownership & Borrowing", Coding, Some(Lang::Rust),
        ["borrow checker", "lifetime", "mutable reference", "ownership", "Rc<RefCell>", "move semantics", "slice", "clone"],
        ["fix a borrow checker error when pushing to a vector inside a loop", "return a reference from a function without fighting lifetimes",
         "share mutable state between two structs", "avoid cloning a large struct in a hot loop", "split a mutable slice into two halves safely"]),
    cluster!("SQL Window Functions", Coding, Some(Lang::Sql),
        ["window function", "PARTITION BY", "ROW_NUMBER", "running total", "LAG", "moving average", "orders table", "rank"],
        ["compute a running total of sales per customer", "find the top @n@ products per category", "calculate a @n@-day moving average of daily revenue",
         "detect gaps between consecutive login dates", "rank employees by salary within each department"]),
    cluster!("Pandas Data Cleaning", Coding, Some(Lang::Python),
        ["DataFrame", "missing values", "groupby", "merge", "CSV file", "dtype", "duplicate rows", "pivot table"],
        ["clean a CSV file with @n@ columns of mixed types", "fill missing values per group with the median", "merge two DataFrames on a date column",
         "remove duplicate rows but keep the latest entry", "reshape a long table into a pivot table"]),
    cluster!("JavaScript Async & Promises", Coding, Some(Lang::JavaScript),
        ["promise", "async/await", "event loop", "fetch", "retry", "timeout", "race condition", "callback"],
        ["retry a failed fetch up to @n@ times with backoff", "run @m@ requests in parallel but limit concurrency", "add a timeout to a promise",
         "convert callback code to async/await", "avoid a race condition when two handlers update the same state"]),
    cluster!("Regular Expressions", Coding, Some(Lang::Python),
        ["regex", "capture group", "lookahead", "greedy match", "email address", "log line", "character class", "anchor"],
        ["extract timestamps from each log line", "validate an email address without overcomplicating the regex",
         "match words that are not followed by a digit using a lookahead", "capture key=value pairs from a config line",
         "replace repeated whitespace but keep newlines"]),
    cluster!("Bash Scripting & CLI Tools", Coding, Some(Lang::Bash),
        ["shell script", "grep", "awk", "cron job", "exit code", "pipe", "file rename", "find command"],
        ["rename all files in a folder to lowercase", "delete log files older than @n@ days with a cron job", "sum a column of numbers with awk",
         "stop a shell script on the first failing command", "count lines matching a pattern across many files"]),
    cluster!("Docker & Containers", Coding, Some(Lang::Docker),
        ["Dockerfile", "image size", "multi-stage build", "volume", "docker compose", "healthcheck", "base image", "layer cache"],
        ["shrink an image that is @n@00 MB", "write a multi-stage build for a small web service", "persist database data with a volume",
         "add a healthcheck to a service in docker compose", "speed up builds by using the layer cache"]),
    cluster!("Git Workflows", Coding, Some(Lang::Bash),
        ["rebase", "merge conflict", "branch", "cherry-pick", "commit history", "bisect", "stash", "remote"],
        ["squash the last @n@ commits into one", "resolve a merge conflict after a rebase", "find the commit that introduced a bug with bisect",
         "move a commit to another branch", "undo a pushed commit safely"]),
    cluster!("Graph Algorithms", Coding, Some(Lang::Python),
        ["graph", "shortest path", "Dijkstra", "breadth-first search", "adjacency list", "cycle detection", "topological sort", "weighted edge"],
        ["find the shortest path in a weighted graph with @n@0 nodes", "detect a cycle in a directed graph", "order build tasks with a topological sort",
         "count connected components", "find all nodes within @m@ hops of a start node"]),
    cluster!("Dynamic Programming", Coding, Some(Lang::Python),
        ["dynamic programming", "memoization", "subproblem", "knapsack", "edit distance", "recurrence", "table", "optimal substructure"],
        ["solve the 0/1 knapsack problem for capacity @n@0", "compute the edit distance between two strings", "count the ways to climb @n@ stairs taking 1 or 2 steps",
         "find the longest increasing subsequence", "turn a slow recursive solution into a memoized one"]),
    cluster!("REST API Design", Coding, Some(Lang::Python),
        ["endpoint", "pagination", "status code", "idempotent", "versioning", "auth token", "request body", "rate limit"],
        ["design endpoints for a small library service", "add cursor-based pagination to a list endpoint", "choose status codes for validation errors",
         "make a payment endpoint idempotent", "version an API without breaking old clients"]),
    cluster!("Unit Testing & Mocking", Coding, Some(Lang::Python),
        ["unit test", "mock", "fixture", "assertion", "test coverage", "flaky test", "dependency injection", "test double"],
        ["mock a network call in a unit test", "share setup code between tests with a fixture", "fix a flaky test that depends on the clock",
         "test a function that writes to a file", "raise coverage of a parser above @n@0 percent"]),
    cluster!("Game Loop Scripting", Coding, Some(Lang::JavaScript),
        ["game loop", "sprite", "collision", "player movement", "frame rate", "score counter", "delta time", "input handler"],
        ["move a sprite smoothly regardless of frame rate", "detect collision between a player and @n@ obstacles", "add a score counter and a game over screen",
         "limit the game loop to @n@0 frames per second", "handle keyboard input for two players"]),
    cluster!("CSS Layout", Coding, Some(Lang::Css),
        ["flexbox", "grid layout", "media query", "responsive design", "sticky header", "centering", "gap", "container"],
        ["center a card both vertically and horizontally", "build a responsive grid with @m@ columns on desktop", "make a sticky header that does not overlap content",
         "switch a row layout to a column on small screens", "create equal height cards with flexbox"]),
    // --- math ---
    cluster!("Probability Puzzles", Math, None,
        ["probability", "dice", "coin flips", "expected value", "conditional probability", "urn", "deck of cards", "independent events"],
        ["find the probability that two dice sum to @n@", "compute the expected number of coin flips to get @m@ heads in a row",
         "find the chance that two balls drawn from an urn with @n@ red and @m@ blue balls are both red",
         "find the chance of at least one ace in @m@ cards", "explain whether drawing two cards without replacement gives independent events"]),
    cluster!("Linear Algebra", Math, None,
        ["matrix", "eigenvalue", "eigenvector", "determinant", "rank", "vector space", "orthogonal basis", "linear map"],
        ["find the eigenvalues of the matrix [[@n@, @m@], [@m@, @n@]]", "compute the determinant of a triangular matrix",
         "decide whether @m@ vectors in a space of dimension @n@ can be independent", "explain the rank-nullity theorem with an example",
         "build an orthogonal basis with Gram-Schmidt"]),
    cluster!("Calculus & Limits", Math, None,
        ["derivative", "integral", "limit", "Taylor series", "convergence", "chain rule", "area under the curve", "L'Hopital's rule"],
        ["evaluate the limit of sin(x)/x as x goes to 0", "integrate x^@m@ from 0 to @n@", "differentiate a composite function with the chain rule",
         "decide if the series of 1/k^@m@ converges", "approximate e^x with a Taylor series of degree @m@"]),
    cluster!("Number Theory", Math, None,
        ["prime", "modular arithmetic", "divisor", "greatest common divisor", "congruence", "remainder", "last digit", "factorization"],
        ["find the remainder of @n@^@m@@m@ divided by 7", "prove there are infinitely many primes", "find the last digit of @n@^@n@@m@",
         "compute the greatest common divisor of @n@@m@ and @m@@n@", "count the divisors of @n@@m@0"]),
    cluster!("Geometry Problems", Math, None,
        ["triangle", "circle", "area", "angle", "radius", "coordinates", "inscribed", "Pythagorean theorem"],
        ["find the area of a triangle with sides @n@, @m@ and @n@", "find the radius of the circle inscribed in a square of side @n@",
         "compute the angle between two lines in coordinates", "prove that the angles of a triangle sum to 180 degrees",
         "find the distance between the points (@n@, @m@) and (@m@, @n@)"]),
    cluster!("Statistics & Hypothesis Tests", Math, None,
        ["p-value", "confidence interval", "t-test", "sample size", "null hypothesis", "variance", "regression", "standard error"],
        ["interpret a p-value of 0.0@n@ in an A/B test", "compute a 95% confidence interval for a mean from @n@0 samples",
         "choose a sample size to detect a @m@% difference", "explain when to use a paired t-test", "read the slope of a simple regression"]),
    cluster!("Combinatorics", Math, None,
        ["permutations", "combinations", "binomial coefficient", "arrangements", "pigeonhole principle", "committee", "inclusion-exclusion", "seating"],
        ["count the ways to seat @n@ people around a round table", "choose a committee of @m@ from @n@ candidates", "count arrangements of the letters in a word with repeats",
         "apply the pigeonhole principle to socks in a drawer", "count numbers below @n@00 divisible by 3 or 5 with inclusion-exclusion"]),
    // --- writing ---
    cluster!("Cover Letters", Writing, None,
        ["cover letter", "job posting", "hiring manager", "experience", "role", "achievement", "tone", "closing paragraph"],
        ["write a cover letter for a junior data analyst role", "rewrite the opening of my cover letter so it sounds less generic",
         "write a cover letter that explains a @n@-year career gap", "tailor a cover letter to a job posting for a project coordinator",
         "write a short cover letter for an internship"]),
    cluster!("Short Stories", Writing, None,
        ["short story", "character", "plot twist", "setting", "narrator", "dialogue", "ending", "conflict"],
        ["write a short story about a lighthouse keeper who finds a message", "write a short story with a plot twist in the last line",
         "write a story told by an unreliable narrator", "write a story set on a night train with only dialogue", "write a @n@00-word story about a lost map"]),
    cluster!("Poetry & Song Lyrics", Writing, None,
        ["poem", "stanza", "rhyme", "chorus", "imagery", "meter", "verse", "refrain"],
        ["write a poem about autumn rain in @m@ stanzas", "write song lyrics with a catchy chorus about moving to a new city",
         "write a poem that rhymes about a cat who hates Mondays", "write a verse with vivid imagery of the sea", "write a poem with a repeating refrain about home"]),
    cluster!("Product Descriptions", Writing, None,
        ["product description", "features", "customers", "benefits", "online listing", "call to action", "specifications", "brand voice"],
        ["write a product description for a reusable water bottle", "write an online listing for a handmade ceramic mug",
         "describe a pair of noise-cancelling headphones for busy commuters", "turn these specifications into benefits for customers",
         "write a product description for a standing desk in @m@ sentences"]),
    cluster!("Workplace Emails", Writing, None,
        ["email", "colleague", "deadline", "follow-up", "polite request", "subject line", "meeting", "manager"],
        ["write an email asking a colleague for an update on a late report", "write a polite follow-up email after a meeting",
         "write an email to my manager asking to move a deadline by @n@ days", "write a subject line and email declining a meeting",
         "write an email introducing two colleagues"]),
    cluster!("Speeches & Toasts", Writing, None,
        ["speech", "audience", "opening line", "toast", "anecdote", "graduation", "wedding", "applause"],
        ["write a wedding toast for my sister", "write a @m@-minute graduation speech about curiosity", "write an opening line for a speech to new employees",
         "write a retirement toast for a teacher", "write a short speech to thank volunteers"]),
    cluster!("Slogans & Taglines", Writing, None,
        ["slogan", "tagline", "brand", "campaign", "catchy", "audience", "memorable", "launch"],
        ["write @n@ slogans for a bike repair shop", "write a tagline for a budgeting app", "suggest a campaign slogan for a city recycling program",
         "write a catchy tagline for a coffee roaster", "brainstorm memorable names and taglines for a bakery launch"]),
    // --- reasoning ---
    cluster!("Logic Grid Puzzles", Reasoning, None,
        ["clues", "houses", "deduction", "constraint", "who owns", "neighbour", "elimination", "grid"],
        ["solve a puzzle where @m@ houses have different colours and pets", "work out who owns the fish from the clues",
         "find which neighbour lives in the middle house", "use elimination to place @n@ people in a row", "check whether the clues have a unique solution"]),
    cluster!("Scheduling & Planning", Reasoning, None,
        ["schedule", "meetings", "time zones", "itinerary", "constraints", "calendar", "deadline", "priorities"],
        ["plan a @m@-day itinerary for a city trip on a budget", "schedule @n@ meetings across three time zones", "plan a study schedule for exams in @m@ weeks",
         "order tasks by priorities before a deadline", "find a meeting slot that fits everyone's calendar"]),
    cluster!("Ethical Dilemmas", Reasoning, None,
        ["dilemma", "trade-off", "stakeholders", "fairness", "consequences", "duty", "harm", "decision"],
        ["decide whether to report a friend who cheated on a test", "weigh fairness against loyalty in a hiring decision",
         "analyse the trade-off between privacy and safety in a school camera plan", "decide how to split a bonus fairly in a team of @n@",
         "think through the duty of a doctor who makes a mistake"]),
    cluster!("Riddles & Lateral Thinking", Reasoning, None,
        ["riddle", "trick question", "hidden assumption", "clue", "wordplay", "answer", "lateral thinking", "puzzle"],
        ["solve a riddle about a man who lives on the top floor", "explain the hidden assumption in a trick question about a surgeon",
         "solve the puzzle of measuring @m@ litres with two jugs", "find the answer to a wordplay riddle about keys", "explain a classic lateral thinking puzzle"]),
    cluster!("Fermi Estimation", Reasoning, None,
        ["estimate", "order of magnitude", "assumptions", "population", "per day", "rough numbers", "sanity check", "Fermi problem"],
        ["estimate how many piano tuners work in a city of @n@ million", "estimate how many litres of water a city uses per day",
         "estimate the number of footsteps in a marathon", "estimate how many books fit in a school library", "estimate the weight of all the ants on a football field"]),
    cluster!("Business Strategy", Reasoning, None,
        ["pricing", "market", "competitors", "startup", "growth", "customers", "revenue", "positioning"],
        ["choose a pricing model for a small software startup", "plan growth for a bakery with @m@ competitors nearby",
         "decide whether to enter a new market", "improve revenue from existing customers", "position a product against a cheaper competitor"]),
    // --- knowledge ---
    cluster!("Climate & Energy", Knowledge, None,
        ["solar panels", "wind power", "carbon emissions", "grid storage", "battery", "heat pump", "renewable energy", "efficiency"],
        ["explain how a heat pump can be more efficient than a heater", "compare solar panels and wind power for a small town",
         "explain why grid storage matters for renewable energy", "describe how carbon emissions are measured", "explain how a home battery works"]),
    cluster!("Human Biology", Knowledge, None,
        ["cell", "immune system", "enzyme", "heart", "neurons", "hormones", "metabolism", "DNA"],
        ["explain how the immune system remembers a virus", "describe what enzymes do in digestion", "explain how neurons send signals",
         "explain how the heart pumps blood", "describe how DNA is copied when a cell divides"]),
    cluster!("History Summaries", Knowledge, None,
        ["empire", "trade route", "revolution", "treaty", "century", "dynasty", "industrialization", "colonies"],
        ["summarize why trade routes shaped empires", "explain the causes of industrialization in the 19th century",
         "summarize how a treaty can end a war but plant new conflicts", "explain why dynasties rise and fall", "describe how revolutions spread ideas"]),
    cluster!("Personal Finance", Knowledge, None,
        ["budget", "savings", "index fund", "compound interest", "debt", "retirement", "emergency fund", "credit score"],
        ["make a monthly budget on a salary of @n@ thousand", "explain compound interest with an example", "decide whether to pay off debt or invest in an index fund",
         "explain how to build an emergency fund", "explain what affects a credit score"]),
    cluster!("Nutrition & Fitness", Knowledge, None,
        ["protein", "workout", "calories", "sleep", "recovery", "strength training", "hydration", "routine"],
        ["plan a @m@-day workout routine for a beginner", "explain how much protein I need for strength training", "explain why sleep matters for recovery",
         "make a simple meal plan with enough calories", "explain how hydration affects a workout"]),
    cluster!("Astronomy & Space", Knowledge, None,
        ["orbit", "telescope", "black hole", "planet", "light-year", "gravity", "galaxy", "star"],
        ["explain how a black hole forms", "explain why planets orbit the sun", "explain what a light-year measures",
         "describe what a telescope can see that eyes cannot", "explain how stars make heavier elements"]),
];

/// Prompt openers per category. `@task@` is a task phrase (`@Task@` capitalised), `@a@`/`@b@` are terms.
fn openers(cat: Category) -> &'static [&'static str] {
    match cat {
        Coding => &[
            "How do I @task@? I keep getting confused about @a@ and @b@.",
            "Write code to @task@. Explain how it deals with @a@.",
            "I need to @task@. What is the cleanest way, and where does @a@ fit in?",
            "Can you show me how to @task@? Please also mention @a@ and @b@.",
            "@Task@. Keep it idiomatic and explain the @a@ part.",
        ],
        Math => &[
            "@Task@. Show your working, including the @a@.",
            "Please @task@, and explain the role of the @a@.",
            "I'm studying @a@ and @b@. Can you @task@?",
            "Quick question: how do I @task@? A short note on the @a@ step would help.",
        ],
        Writing => &[
            "Please @task@. Keep the tone @tone@ and get the @a@ right.",
            "Can you @task@? It should mention the @a@ and avoid cliches.",
            "I need help: @task@. Focus on the @a@ and the @b@.",
            "@Task@, about @len@ words, with a @tone@ tone and a clear @a@.",
        ],
        Reasoning => &[
            "@Task@. Walk me through your reasoning about the @a@.",
            "Here is a problem: I need to @task@. What is the best approach, considering the @a@ and the @b@?",
            "Help me think this through: @task@. Which @a@ matters most?",
            "@Task@. List the @a@ you rely on before answering.",
        ],
        Knowledge => &[
            "Explain @a@ in simple terms, then @task@.",
            "Can you @task@? I'm curious how @a@ relates to @b@.",
            "@Task@. Keep it accessible for a high school student and define @a@.",
            "For a short presentation, @task@. Mention @a@ and @b@.",
        ],
    }
}

/// Optional extra sentences; they make prompt lengths vary and repeat the cluster's words.
const EXTRAS: &[&str] = &[
    "Keep the answer concise.",
    "Please include a small example.",
    "Assume I am new to @c@.",
    "I only have a few minutes, so prioritise the most important points.",
    "Some background: I have been reading about @a@, @b@ and @c@ for a while, but most explanations skip the practical details. I would like a clear structure and a short summary at the end.",
    "Explain any trade-offs around @c@.",
    "If there are several options, compare them briefly.",
    "Point out common mistakes people make with @b@.",
];

const TONES: &[&str] = &[
    "warm",
    "professional",
    "playful",
    "confident",
    "friendly",
    "formal",
];

/// One prompt of the demo with the latent traits the simulation uses.
pub struct Question {
    pub id: String,
    /// Index into [`CLUSTERS`].
    pub cluster: usize,
    pub prompt: String,
    /// The cluster terms this prompt mentions (answers and judgments reuse them).
    pub terms: Vec<&'static str>,
    /// How much text the prompt calls for: answer lengths are scaled by this.
    pub length_factor: f64,
    /// How strongly the prompt separates strong from weak models (hard prompts separate more).
    pub spread: f64,
}

impl Question {
    pub fn cluster(&self) -> &'static Cluster {
        &CLUSTERS[self.cluster]
    }

    pub fn category(&self) -> Category {
        self.cluster().category
    }
}

/// Cluster sizes summing to `total`: each between 5 and 25 at [`QUESTION_COUNT`], both bounds
/// scaled with `total` otherwise (so the planted topics keep their shares at any size). `total`
/// must be at least [`CLUSTERS`]`.len()`.
pub fn cluster_sizes(rng: &mut ChaCha8Rng, total: usize) -> Vec<usize> {
    let n = CLUSTERS.len();
    let min_cluster = (MIN_CLUSTER * total / QUESTION_COUNT).max(1);
    let max_cluster = (MAX_CLUSTER * total)
        .div_ceil(QUESTION_COUNT)
        .max(min_cluster + 1);
    // Squared uniforms give a skewed spread of popularity: a few big clusters, many small ones.
    let weights: Vec<f64> = (0..n)
        .map(|_| {
            let u = uniform(rng);
            0.05 + u * u
        })
        .collect();
    let mut sizes = vec![min_cluster; n];
    let mut remaining = total - min_cluster * n;
    while remaining > 0 {
        let total: f64 = (0..n)
            .filter(|&i| sizes[i] < max_cluster)
            .map(|i| weights[i])
            .sum();
        let mut x = uniform(rng) * total;
        let mut chosen = None;
        for i in (0..n).filter(|&i| sizes[i] < max_cluster) {
            chosen = Some(i);
            if x < weights[i] {
                break;
            }
            x -= weights[i];
        }
        let i = chosen.expect("capacity 40 x max_cluster exceeds total");
        sizes[i] += 1;
        remaining -= 1;
    }
    sizes
}

/// `total` questions, grouped by cluster in [`CLUSTERS`] order (the real file is grouped too).
pub fn questions(sizes_rng: &mut ChaCha8Rng, rng: &mut ChaCha8Rng, total: usize) -> Vec<Question> {
    let sizes = cluster_sizes(sizes_rng, total);
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(total);
    for (ci, &size) in sizes.iter().enumerate() {
        let cluster = &CLUSTERS[ci];
        for _ in 0..size {
            // Retry a few times so no two prompts are identical.
            let mut attempt = 0;
            let (prompt, terms) = loop {
                let (p, t) = prompt(rng, cluster);
                attempt += 1;
                if !seen.contains(&p) || attempt > 20 {
                    break (p, t);
                }
            };
            seen.insert(prompt.clone());
            let length_factor = 0.7 + 0.7 * uniform(rng);
            let spread = 0.6 + 0.8 * uniform(rng);
            out.push(Question {
                id: ids::question_id(rng),
                cluster: ci,
                prompt,
                terms,
                length_factor,
                spread,
            });
        }
    }
    out
}

/// One prompt text and the terms it uses.
fn prompt(rng: &mut ChaCha8Rng, cluster: &Cluster) -> (String, Vec<&'static str>) {
    let terms: Vec<&'static str> = pick_distinct(rng, cluster.terms, 3)
        .into_iter()
        .copied()
        .collect();
    let task = pick(rng, cluster.tasks);
    let task = fill_numbers(rng, task);
    let mut text = fill(pick(rng, openers(cluster.category)), &task, &terms, rng);
    // Coding prompts sometimes paste a snippet, as real users do.
    if let Some(lang) = cluster.lang {
        if chance(rng, 0.3) {
            text.push_str("\n\nHere is what I have so far:\n\n");
            text.push_str(code::fenced(rng, lang, terms[0]).trim_end());
        }
    }
    let extra_count = match int(rng, 0, 9) {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    for extra in pick_distinct(rng, EXTRAS, extra_count) {
        // After a pasted snippet, extras go in their own paragraph.
        text.push_str(if text.contains("```") { "\n\n" } else { " " });
        text.push_str(&fill(extra, &task, &terms, rng));
    }
    (text, terms)
}

pub(crate) fn fill_numbers(rng: &mut ChaCha8Rng, s: &str) -> String {
    let n = int(rng, 2, 9).to_string();
    let m = int(rng, 2, 6).to_string();
    s.replace("@n@", &n).replace("@m@", &m)
}

pub(crate) fn fill(template: &str, task: &str, terms: &[&str], rng: &mut ChaCha8Rng) -> String {
    let mut s = template
        .replace("@Task@", &capitalize(task))
        .replace("@task@", task)
        .replace("@a@", terms[0])
        .replace("@b@", terms[1])
        .replace("@c@", terms[2]);
    if s.contains("@tone@") {
        s = s.replace("@tone@", pick(rng, TONES));
    }
    if s.contains("@len@") {
        s = s.replace("@len@", &(int(rng, 3, 8) * 50).to_string());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::stream;

    #[test]
    fn sizes_respect_bounds() {
        for seed in 0..20 {
            let s = cluster_sizes(&mut stream(seed, 1), QUESTION_COUNT);
            assert_eq!(s.iter().sum::<usize>(), QUESTION_COUNT);
            assert!(s.iter().all(|&x| (MIN_CLUSTER..=MAX_CLUSTER).contains(&x)));
            assert!(s.iter().filter(|&&x| x <= 7).count() >= 3, "{s:?}");
            assert!(s.iter().filter(|&&x| x >= 18).count() >= 2, "{s:?}");
        }
    }

    #[test]
    fn scaled_sizes_keep_bounds_and_total() {
        for total in [40, 41, 1_000, 20_000, 100_000] {
            let s = cluster_sizes(&mut stream(3, 1), total);
            assert_eq!(s.iter().sum::<usize>(), total);
            let lo = (MIN_CLUSTER * total / QUESTION_COUNT).max(1);
            assert!(s.iter().all(|&x| x >= lo), "{total}: {s:?}");
        }
    }

    #[test]
    fn every_cluster_is_well_formed() {
        for c in &CLUSTERS {
            assert!(c.terms.len() >= 8 && c.tasks.len() >= 5, "{}", c.name);
            assert_eq!(c.lang.is_some(), c.category == Coding, "{}", c.name);
        }
        let names: BTreeSet<_> = CLUSTERS.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CLUSTERS.len());
    }

    #[test]
    fn prompts_share_cluster_words_and_have_no_placeholders() {
        let qs = questions(&mut stream(5, 1), &mut stream(5, 2), QUESTION_COUNT);
        assert_eq!(qs.len(), QUESTION_COUNT);
        for q in &qs {
            assert!(!q.prompt.contains("@task") && !q.prompt.contains("@a@"));
            // The first term is always in the text, so prompts of a cluster share vocabulary.
            assert!(q.prompt.contains(q.terms[0]), "{}", q.prompt);
        }
        let unique: BTreeSet<_> = qs.iter().map(|q| q.prompt.as_str()).collect();
        assert!(unique.len() >= QUESTION_COUNT - 5);
    }
}

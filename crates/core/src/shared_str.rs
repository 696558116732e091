//! Immutable shared strings for the fields a million prompts repeat: an id kept once for the
//! prompt and its index entry, and short labels (language, category, cluster, `category_tag`
//! labels) that a reader interns so every prompt with the same label points at one copy.
//!
//! A [`SharedStr`] reads as a `&str` (`Deref`), compares with `str`/`String`, hashes as its text
//! (so a `HashMap<SharedStr, _>` is looked up with a `&str`) and serializes as a plain string, so
//! code reading `bench.prompts` keeps reading text. The empty string holds no allocation, which is
//! what most prompts of most formats have in most of these fields.
//!
//! [`Interned`] hands out one shared copy per distinct text; [`SharedList`] is the same idea for
//! a prompt's list of labels.

use rustc_hash::FxHashSet as HashSet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// An immutable string shared by reference count; `None` is the empty string (no allocation).
#[derive(Clone, Default)]
pub struct SharedStr(Option<Arc<str>>);

impl SharedStr {
    /// The text as a `&str`.
    pub fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

// `Borrow<str>` requires hashing, equality and order to agree with `str`'s; they are all `str`'s.
impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, o: &SharedStr) -> bool {
        self.as_str() == o.as_str()
    }
}
impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, o: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for SharedStr {
    fn cmp(&self, o: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(o.as_str())
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}
impl PartialEq<&str> for SharedStr {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}
impl PartialEq<String> for SharedStr {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o
    }
}
impl PartialEq<SharedStr> for str {
    fn eq(&self, o: &SharedStr) -> bool {
        self == o.as_str()
    }
}
impl PartialEq<SharedStr> for &str {
    fn eq(&self, o: &SharedStr) -> bool {
        *self == o.as_str()
    }
}
impl PartialEq<SharedStr> for String {
    fn eq(&self, o: &SharedStr) -> bool {
        self == o.as_str()
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}
impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr((!s.is_empty()).then(|| Arc::from(s)))
    }
}
impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr((!s.is_empty()).then(|| Arc::from(s)))
    }
}
impl From<&String> for SharedStr {
    fn from(s: &String) -> SharedStr {
        SharedStr::from(s.as_str())
    }
}
impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.as_str().to_string()
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedStr, D::Error> {
        String::deserialize(d).map(SharedStr::from)
    }
}

/// A shared, immutable list of labels; `None` is the empty list (no allocation).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct SharedList(Option<Arc<[SharedStr]>>);

impl Deref for SharedList {
    type Target = [SharedStr];
    fn deref(&self) -> &[SharedStr] {
        self.0.as_deref().unwrap_or(&[])
    }
}

impl fmt::Debug for SharedList {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: Into<SharedStr>> FromIterator<S> for SharedList {
    fn from_iter<I: IntoIterator<Item = S>>(it: I) -> SharedList {
        let v: Vec<SharedStr> = it.into_iter().map(Into::into).collect();
        SharedList((!v.is_empty()).then(|| Arc::from(v)))
    }
}
impl From<Vec<String>> for SharedList {
    fn from(v: Vec<String>) -> SharedList {
        v.into_iter().collect()
    }
}
impl PartialEq<Vec<String>> for SharedList {
    fn eq(&self, o: &Vec<String>) -> bool {
        self.len() == o.len() && self.iter().zip(o).all(|(a, b)| a == b)
    }
}
impl PartialEq<Vec<&str>> for SharedList {
    fn eq(&self, o: &Vec<&str>) -> bool {
        self.len() == o.len() && self.iter().zip(o).all(|(a, b)| a == b)
    }
}

impl Serialize for SharedList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
impl<'de> Deserialize<'de> for SharedList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SharedList, D::Error> {
        Vec::<String>::deserialize(d).map(SharedList::from)
    }
}

/// One shared copy per distinct text or label list, for a reader filling many prompts.
#[derive(Default)]
pub struct Interned {
    strs: HashSet<SharedStr>,
    lists: HashSet<SharedList>,
}

impl Interned {
    /// The shared copy of `s`.
    pub fn str(&mut self, s: &str) -> SharedStr {
        if let Some(x) = self.strs.get(s) {
            return x.clone();
        }
        let x = SharedStr::from(s);
        self.strs.insert(x.clone());
        x
    }

    /// The shared copy of the list `labels`.
    pub fn list<S: AsRef<str>>(&mut self, labels: &[S]) -> SharedList {
        if labels.is_empty() {
            return SharedList::default();
        }
        // Label lists are short and few (a handful of labels), so a linear probe by content is
        // cheap next to the hash of a freshly built list.
        if let Some(x) = self
            .lists
            .iter()
            .find(|l| l.len() == labels.len() && l.iter().zip(labels).all(|(a, b)| a == b.as_ref()))
        {
            return x.clone();
        }
        let x: SharedList = labels.iter().map(|l| self.str(l.as_ref())).collect();
        self.lists.insert(x.clone());
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn reads_hashes_and_serializes_as_its_text() {
        let s = SharedStr::from("en");
        assert_eq!(&*s, "en");
        assert_eq!(s, "en");
        assert_eq!(SharedStr::default(), "");
        let mut m: HashMap<SharedStr, u32> = HashMap::new();
        m.insert(s.clone(), 7);
        assert_eq!(m.get("en"), Some(&7));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"en\"");
        let back: SharedStr = serde_json::from_str("\"en\"").unwrap();
        assert_eq!(back, s);
        let l: SharedList = ["math", "code"].into_iter().collect();
        assert_eq!(serde_json::to_string(&l).unwrap(), "[\"math\",\"code\"]");
        assert_eq!(l, vec!["math", "code"]);
    }

    #[test]
    fn interning_shares_one_copy() {
        let mut i = Interned::default();
        let (a, b) = (i.str("English"), i.str("English"));
        assert!(Arc::ptr_eq(a.0.as_ref().unwrap(), b.0.as_ref().unwrap()));
        let (x, y) = (i.list(&["math"]), i.list(&["math".to_string()]));
        assert!(Arc::ptr_eq(x.0.as_ref().unwrap(), y.0.as_ref().unwrap()));
        assert!(i.list::<&str>(&[]).is_empty());
    }
}

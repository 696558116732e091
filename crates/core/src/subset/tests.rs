use super::*;
use crate::criteria::{Criteria, Criterion};

/// Five prompts: p0..p3 tagged with the first 0, 3, 6 and 7 criteria (creativity is the fifth,
/// so p2 and p3 are creative), p4 untagged.
fn bench() -> Bench {
    let mut b = Bench::new("t");
    let tags: [Option<&[Criterion]>; 5] = [
        Some(&[]),
        Some(&Criterion::ALL[..3]),
        Some(&Criterion::ALL[..6]),
        Some(&Criterion::ALL),
        None,
    ];
    for (i, t) in tags.iter().enumerate() {
        let p = b.prompt_id(&format!("p{i}"));
        b.prompts[p as usize].criteria = t.map(Criteria::of);
        b.prompts[p as usize].text = format!("Prompt number {i} about Sorting");
    }
    b
}

#[test]
fn hard_prompts_are_a_score_of_six_or_more() {
    let b = bench();
    let sel = PromptSubset::hard_prompts().select(&b).unwrap();
    assert_eq!(sel.prompts, [2, 3]);
    assert_eq!(sel.of, 5);
    assert_eq!(sel.description, "hard prompts (criteria score ≥ 6)");
    let creative = PromptSubset {
        criterion: Some(Criterion::Creativity),
        ..PromptSubset::default()
    };
    assert_eq!(creative.select(&b).unwrap().prompts, [2, 3]);
    // An untagged prompt is never in a criteria slice, even at a minimum of 0.
    let any = PromptSubset {
        min_criteria: Some(0),
        ..PromptSubset::default()
    };
    assert_eq!(any.select(&b).unwrap().prompts, [0, 1, 2, 3]);
}

#[test]
fn conditions_combine_and_empty_or_untagged_data_says_so() {
    let b = bench();
    let s = PromptSubset {
        ids: vec!["p1".into(), "p3".into(), "nope".into()],
        search: Some("  number 3 ".into()),
        ..PromptSubset::default()
    };
    let sel = s.select(&b).unwrap();
    assert_eq!((sel.prompts.as_slice(), sel.unknown_ids), (&[3u32][..], 1));
    let none = PromptSubset {
        search: Some("zebra".into()),
        ..PromptSubset::default()
    };
    assert!(matches!(none.select(&b), Err(SubsetError::Empty(_))));
    let mut untagged = b.clone();
    untagged.prompts.iter_mut().for_each(|p| p.criteria = None);
    assert_eq!(
        PromptSubset::hard_prompts().select(&untagged),
        Err(SubsetError::NoCriteria)
    );
    let unknown = PromptSubset {
        ids: vec!["x".into()],
        ..PromptSubset::default()
    };
    assert_eq!(
        unknown.select(&b),
        Err(SubsetError::NoListedId { listed: 1 })
    );
    assert!(PromptSubset {
        search: Some("  ".into()),
        ..PromptSubset::default()
    }
    .is_all());
}

#[test]
fn encoded_ids_round_trip_and_refuse_other_data() {
    let mut b = Bench::new("big");
    for i in 0..2000 {
        b.prompt_id(&format!(
            "{:032x}",
            (i as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ));
    }
    for picked in [
        vec![],
        vec![5u32],
        (0..2000).step_by(20).collect::<Vec<u32>>(),
        (0..2000).filter(|i| i % 3 != 0).collect(),
        (0..2000).collect(),
    ] {
        let code = encode_ids(&b, &picked);
        assert_eq!(decode_ids(&b, &code).unwrap(), picked, "{code}");
    }
    // 100 of 2,000 prompts: gaps of about 20 positions, one byte each, ~140 characters (the
    // plain ids would be 3,300).
    let hundred: Vec<u32> = (0..2000).step_by(20).collect();
    let code = encode_ids(&b, &hundred);
    assert!(code.len() < 150, "{} characters", code.len());
    // A bitset wins for a dense selection: 2,000 bits in 334 base64 characters + 8.
    assert!(encode_ids(&b, &(0..2000).collect::<Vec<_>>()).len() <= 342);
    let mut other = b.clone();
    other.prompt_id("extra");
    assert_eq!(decode_ids(&other, &code), Err(SubsetError::OtherData));
    assert_eq!(decode_ids(&b, "d@@@.x"), Err(SubsetError::OtherData));
    let fp = code.rsplit_once('.').unwrap().1;
    assert_eq!(
        decode_ids(&b, &format!("z.{fp}")),
        Err(SubsetError::Malformed)
    );
    assert_eq!(
        decode_ids(&b, &format!("d////.{fp}")),
        Err(SubsetError::Malformed)
    );
    // Through the subset: the encoded ids select those prompts.
    let s = PromptSubset {
        encoded: Some(code),
        ..PromptSubset::default()
    };
    assert_eq!(s.select(&b).unwrap().prompts, hundred);
}

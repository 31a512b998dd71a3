//! Rows under the body they belong to. An editor can link a person to the
//! body or state they speak for (Lavrov → Russia); the matrix then shows
//! the person's row directly under the body's, so that a reader sees a
//! state's voices together. Plain functions over actor indices, run by the
//! page and by the worker alike (see `rows.rs`).

use std::collections::BTreeMap;

use stance_engine::StanceMatrix;

/// Each actor's body, as an actor index: `None` when the actor is not
/// linked, or linked to a row that is not in the matrix (hidden, say).
pub fn bodies(m: &StanceMatrix, member_of: &BTreeMap<String, String>) -> Vec<Option<usize>> {
    if member_of.is_empty() {
        return Vec::new();
    }
    let index: BTreeMap<&str, usize> = m.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    m.actors
        .iter()
        .enumerate()
        .map(|(i, a)| member_of.get(&a.id).and_then(|body| index.get(body.as_str()).copied()).filter(|&body| body != i))
        .collect()
}

/// `rows` (actor indices in display order) with every row whose body is
/// shown too moved directly under the body, after the body's earlier
/// members; and each row's depth (0 for a row under no other). Rows keep
/// their order otherwise, members among themselves too. `body` is what
/// [`bodies`] gives (empty: nobody is linked).
pub fn nest(rows: &[usize], body: &[Option<usize>]) -> (Vec<usize>, Vec<u8>) {
    if body.iter().all(Option::is_none) {
        return (rows.to_vec(), vec![0; rows.len()]);
    }
    let mut shown = vec![false; body.len()];
    for &r in rows {
        shown[r] = true;
    }
    let body_of = |r: usize| body.get(r).copied().flatten().filter(|&b| shown[b]);
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &r in rows {
        if let Some(b) = body_of(r) {
            members.entry(b).or_default().push(r);
        }
    }
    let mut placed = vec![false; body.len()];
    let (mut out, mut depth) = (Vec::with_capacity(rows.len()), Vec::with_capacity(rows.len()));
    let mut place = |start: usize, out: &mut Vec<usize>, depth: &mut Vec<u8>| {
        let mut stack = vec![(start, 0u8)];
        while let Some((r, d)) = stack.pop() {
            if std::mem::replace(&mut placed[r], true) {
                continue;
            }
            out.push(r);
            depth.push(d);
            if let Some(under) = members.get(&r) {
                stack.extend(under.iter().rev().map(|&m| (m, d.saturating_add(1))));
            }
        }
    };
    for &r in rows.iter().filter(|&&r| body_of(r).is_none()) {
        place(r, &mut out, &mut depth);
    }
    // Rows in a loop of links (A in B, B in A) have no row above them all:
    // the first of the loop stands where it stood.
    for &r in rows {
        place(r, &mut out, &mut depth);
    }
    (out, depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_follow_their_body_and_the_rest_keeps_its_order() {
        // 0 Lavrov → 3 Russia; 1 Zakharova → 3 Russia; 2 US; 4 deputy → 0 Lavrov.
        let body = vec![Some(3), Some(3), None, None, Some(0)];
        let (rows, depth) = nest(&[0, 1, 2, 3, 4], &body);
        assert_eq!(rows, vec![2, 3, 0, 4, 1]);
        assert_eq!(depth, vec![0, 0, 1, 2, 1]);
        // A body that is not shown (filtered out): its members stay in place.
        let (rows, depth) = nest(&[2, 0, 4], &body);
        assert_eq!((rows, depth), (vec![2, 0, 4], vec![0, 0, 1]));
        // Nobody linked: unchanged.
        assert_eq!(nest(&[2, 0, 1], &[]), (vec![2, 0, 1], vec![0, 0, 0]));
    }

    #[test]
    fn a_loop_of_links_loses_no_row() {
        let body = vec![Some(1), Some(0), None];
        let (rows, depth) = nest(&[2, 0, 1], &body);
        assert_eq!((rows, depth), (vec![2, 0, 1], vec![0, 0, 1]));
    }
}

//! Reads shared by several features: the visibility rule of experts and the in-app
//! notifications. Every other query lives with its feature, under `server/<feature>/`.

/// SQL condition on an expert row aliased `e`: published, its account not disabled by an
/// admin, and eligible — an URSSAF attestation issued on or before today and less than
/// [`VALIDITY_MONTHS`](crate::domain::eligibility::VALIDITY_MONTHS) months old, the rule
/// of [`AttestationStatus::of`](crate::domain::eligibility::AttestationStatus::of)
/// (PostgreSQL and chrono both clamp « 31 août + 6 mois » to the last day of February).
/// Every public or client-facing read of experts uses it (directory, card, photo,
/// proposed dossier, matching, proposals, figures). A macro, so that constant queries
/// can `concat!` it.
///
/// `today` is the query's parameter (`"$3"`) that the caller binds to the server clock's
/// date (`state.clock.today()`), so that a test moving the clock moves visibility too.
///
/// The one stored status written as a literal in SQL: a bind would need a parameter
/// number of its own in each of the queries that embed this condition (each numbers its
/// parameters differently), and `concat!` only takes literals. The literal is checked
/// against [`ExpertStatus::Published`](crate::domain::review::ExpertStatus)'s mapping by
/// the test below, so the two cannot drift apart.
#[macro_export]
macro_rules! visible_expert {
    ($today:literal) => {
        concat!(
            "(e.status = 'published' AND NOT EXISTS (SELECT 1 FROM accounts da \
              WHERE da.id = e.account_id AND da.disabled_at IS NOT NULL) \
              AND e.attestation_issued_on <= ",
            $today,
            "::date AND (e.attestation_issued_on + interval '6 months')::date > ",
            $today,
            "::date)"
        )
    };
}

pub mod notification;

#[cfg(test)]
mod tests {
    use crate::domain::review::ExpertStatus;

    #[test]
    fn visible_expert_uses_the_mapping_of_published_and_the_validity_rule() {
        let literal = format!("e.status = '{}'", ExpertStatus::Published.as_str());
        assert!(crate::visible_expert!("$9").contains(&literal));
        assert_eq!(crate::visible_expert!("$9").matches("e.status").count(), 1);
        let months = crate::domain::eligibility::VALIDITY_MONTHS;
        assert!(crate::visible_expert!("$9").contains(&format!("interval '{months} months'")));
        assert_eq!(crate::visible_expert!("$9").matches("$9::date").count(), 2);
        assert!(!crate::visible_expert!("$9").contains("now()"));
    }
}

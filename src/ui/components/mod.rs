pub mod autosave;
pub mod dossier;
pub mod expert_card;
pub mod form;
pub mod layout;
pub mod match_explanation;
pub mod session;
pub mod stat_figures;

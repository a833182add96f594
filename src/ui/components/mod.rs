pub mod dossier;
pub mod expert_card;
pub mod form;
pub mod layout;
pub mod session;
pub mod stat_figures;

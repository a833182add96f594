pub mod layout;
pub mod stat_figures;

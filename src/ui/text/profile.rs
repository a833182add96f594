//! Texts of the profile editor, the dossier views and the review pages.

use crate::domain::dossier::FieldId;
use crate::domain::profile::{Viewer, Visibility};

/// Label and help of each dossier field.
pub fn field_text(field: FieldId) -> (&'static str, &'static str) {
    use FieldId::*;
    match field {
        Photo => (
            "Photo",
            "JPEG, PNG ou WebP, 5 Mo au plus ; recadrée en carré.",
        ),
        FirstName => ("Prénom", ""),
        Departement => (
            "Département",
            "Numéro du département où vous êtes établi (ex. 69, 2A, 974).",
        ),
        YearsExperience => (
            "Années d'expérience",
            "Donne votre niveau de profil : Junior, Confirmé, Senior ou Expert.",
        ),
        Domains => ("Domaines d'expérience", "Cochez un ou plusieurs domaines."),
        Languages => ("Langues", ""),
        Education => ("Formation", "Un diplôme ou une formation par ligne."),
        LastName => ("Nom", ""),
        Phone => ("Téléphone", "06 12 34 56 78 ou +33 6 12 34 56 78."),
        PostalAddress => ("Adresse postale", ""),
        LegalForm => (
            "Forme juridique",
            "Micro-entreprise, EURL, SASU, portage salarial…",
        ),
        Siret => ("SIRET", "14 chiffres."),
        VatNumber => (
            "Numéro de TVA intracommunautaire",
            "Facultatif : FR + clé + SIREN.",
        ),
        DailyRate => ("Tarif journalier (€ HT)", "Par exemple 650 ou 650,50."),
        AvailableFrom => ("Disponible à partir du", ""),
        Mobility => (
            "Mobilité",
            "Départements où vous pouvez intervenir sur site, séparés par des virgules.",
        ),
        Skills => (
            "Compétences",
            "Compétences des domaines cochés, avec vos années de pratique.",
        ),
        Experiences => (
            "Expériences",
            "Vos missions marquantes : dates, secteur, description.",
        ),
        References => (
            "Références",
            "Personnes pouvant témoigner de votre travail.",
        ),
        Cv => ("CV", "PDF, 10 Mo au plus."),
        Attestation => (
            "Attestation de vigilance URSSAF",
            "PDF de moins de 6 mois, 10 Mo au plus.",
        ),
        AttestationIssuedOn => ("Date de délivrance de l'attestation", ""),
    }
}

pub fn visibility_text(visibility: Visibility) -> (&'static str, &'static str) {
    match visibility {
        Visibility::Public => ("Public", "Visible de tous sur votre carte publique."),
        Visibility::ProposedClients => (
            "Clients proposés",
            "Visible seulement des entreprises à qui votre profil est proposé, et de l'équipe B2BiZen.",
        ),
        Visibility::AdminOnly => ("Équipe B2BiZen", "Visible seulement de l'équipe B2BiZen."),
    }
}

pub fn viewer_text(viewer: Viewer) -> &'static str {
    match viewer {
        Viewer::Anonymous => "Visiteur anonyme",
        Viewer::ProposedClient => "Client à qui le profil est proposé",
        Viewer::Admin => "Administrateur",
    }
}

pub const EDITOR_TITLE: &str = "Mon profil d'expert";
pub const EDITOR_LEAD: &str = "Complétez votre dossier : l'aperçu se met à jour pendant que vous tapez, et chaque modification est enregistrée automatiquement.";
pub const PROVIDERS_ONLY: &str = "Cette page est réservée aux experts et consultants.";
pub const SECTION_CARD: &str = "Carte publique";
pub const DEPARTEMENT_UNKNOWN: &str = "Département non renseigné";
pub const PUBLISHED_ATTESTATION: &str = "Profil publié :";
pub const SAVE_TIMEOUT: &str = "le serveur ne répond pas ; vos modifications seront renvoyées.";
pub const SECTION_EXPERTISE: &str = "Expertise";
pub const SECTION_CONTACT: &str = "Coordonnées et entreprise";
pub const SECTION_MISSION: &str = "Tarif et disponibilité";
pub const SECTION_CAREER: &str = "Parcours";
pub const SECTION_DOCUMENTS: &str = "Documents";
pub const PREVIEW_TITLE: &str = "Aperçu";
pub const VIEW_AS: &str = "Voir comme";
pub const COMPLETENESS: &str = "Profil complété à";
pub const SAVE_PENDING: &str = "Modifications en attente…";
pub const SAVE_RUNNING: &str = "Enregistrement…";
pub const SAVE_DONE: &str = "Enregistré";
pub const SAVE_FAILED: &str = "Échec de l'enregistrement : vos saisies sont conservées dans cette page, nouvel essai automatique à la prochaine modification.";
pub const SUBMIT: &str = "Soumettre mon profil pour vérification";
pub const SUBMITTED: &str = "Profil soumis : l'équipe B2BiZen va l'examiner.";
pub const MISSING: &str = "À compléter avant de soumettre :";
pub const ADD: &str = "Ajouter";
pub const REMOVE: &str = "Retirer";
pub const REMOTE_OK: &str = "J'accepte les missions à distance";
pub const UPLOADING: &str = "Envoi en cours…";
pub const UPLOAD_REPLACE: &str = "Remplacer";
pub const HISTORY: &str = "Historique des décisions";
pub const VIEWS: &str = "Qui a consulté mon dossier";
pub const NO_VIEWS: &str = "Personne n'a encore consulté votre dossier privé.";
pub const NOSCRIPT: &str = "L'éditeur de profil a besoin de JavaScript pour l'aperçu en direct et l'enregistrement automatique.";

pub const STATE_DRAFT: &str = "Brouillon : votre profil n'a pas encore été soumis.";
pub const STATE_PENDING: &str = "En cours de vérification par l'équipe B2BiZen.";
pub const STATE_PENDING_PUBLISHED: &str = "Vos modifications sont en cours de vérification ; la version publiée reste visible en attendant.";
pub const STATE_CHANGES: &str = "Modifications demandées :";
pub const STATE_REJECTED: &str = "Profil refusé :";
pub const STATE_PUBLISHED: &str = "Profil publié.";
pub const UNSUBMITTED: &str = "Des modifications n'ont pas encore été soumises.";

pub const REVIEW_QUEUE_TITLE: &str = "Dossiers à vérifier";
pub const REVIEW_EMPTY: &str = "Aucun dossier en attente.";
pub const REVIEW_REPUBLICATION: &str = "Mise à jour d'un profil publié";
pub const REVIEW_DECIDE: &str = "Décision";
pub const REVIEW_MESSAGE: &str = "Message à l'expert";
pub const REVIEW_SEND: &str = "Enregistrer la décision";
pub const REVIEW_DONE: &str =
    "Décision enregistrée ; l'expert est prévenu par e-mail et dans l'application.";
pub const REVIEW_ALREADY: &str = "Décision déjà prise :";

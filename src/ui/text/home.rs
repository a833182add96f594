//! Texts of the layout, the home page and the 404 page.

pub struct Step {
    pub title: &'static str,
    pub body: &'static str,
}

pub struct Texts {
    pub lang: &'static str,
    pub brand_tagline: &'static str,
    pub nav_label: &'static str,
    /// The name of the language switch.
    pub lang_label: &'static str,
    pub nav_home: &'static str,
    pub nav_experts: &'static str,
    pub nav_companies: &'static str,
    pub nav_how: &'static str,
    pub nav_directory: &'static str,
    pub home_title: &'static str,
    pub hero_title: &'static str,
    pub hero_lead: &'static str,
    pub hero_cta_expert: &'static str,
    pub hero_cta_company: &'static str,
    pub experts_title: &'static str,
    pub experts_points: [&'static str; 4],
    pub companies_title: &'static str,
    pub companies_points: [&'static str; 4],
    pub how_title: &'static str,
    pub how_steps: [Step; 4],
    pub stats_title: &'static str,
    pub stats_published_experts: &'static str,
    pub stats_open_projects: &'static str,
    pub stats_departements: &'static str,
    pub stats_loading: &'static str,
    pub stats_refresh: &'static str,
    pub stats_refreshed: fn(u32) -> String,
    pub fees_title: &'static str,
    pub fees_body: &'static str,
    pub footer_about: &'static str,
    pub footer_portage: &'static str,
    pub footer_rights: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_back: &'static str,
}

pub const FR: Texts = Texts {
    lang: "fr",
    lang_label: "Langue",
    brand_tagline: "Experts et entreprises, en toute confiance",
    nav_label: "Navigation principale",
    nav_home: "Accueil",
    nav_experts: "Pour les experts",
    nav_companies: "Pour les entreprises",
    nav_how: "Comment ça marche",
    nav_directory: "Annuaire",
    home_title: "Mise en relation entre experts et entreprises",
    hero_title: "Le bon expert pour votre projet, la bonne mission pour votre expertise",
    hero_lead: "B2BiZen rapproche consultants, experts indépendants et TPE des entreprises \
                qui portent un projet. Nous sélectionnons les profils avec transparence et \
                impartialité : vous gagnez le temps de la prospection.",
    hero_cta_expert: "Je suis expert",
    hero_cta_company: "J'ai un projet",
    experts_title: "Pour les consultants, experts et TPE",
    experts_points: [
        "Inscription gratuite et sans engagement : créez votre fiche en quelques minutes.",
        "Le public ne voit qu'une carte partielle (photo, prénom, département, domaines, \
         langues, formation, niveau) ; le reste n'est transmis qu'aux clients dont le projet \
         vous correspond.",
        "Rien à faire pour être proposé : quand un projet arrive dans votre domaine, nous \
         vous prévenons par e-mail, puis à chaque étape de la sélection.",
        "Une communauté : tarifs négociés chez nos partenaires, articles, vidéos, \
         interviews et événements.",
    ],
    companies_title: "Pour les entreprises",
    companies_points: [
        "Décrivez votre projet pas à pas : compétences, niveau, lieu, budget, calendrier.",
        "Nous vous proposons des dossiers vérifiés de professionnels à jour de leurs \
         cotisations sociales.",
        "Constituez votre shortlist et menez la sélection au format de votre choix : \
         téléphone, messagerie, visioconférence ou rencontre.",
        "Vous réglez le prestataire directement : aucun paiement ne transite par la \
         plateforme.",
    ],
    how_title: "Comment ça marche",
    how_steps: [
        Step {
            title: "1. Le projet est déposé",
            body: "L'entreprise décrit son besoin ; la plateforme recherche les profils \
                   qui y répondent.",
        },
        Step {
            title: "2. Une présélection est proposée",
            body: "Notre équipe vérifie les profils et soumet les meilleurs dossiers au \
                   donneur d'ordre.",
        },
        Step {
            title: "3. La sélection se déroule",
            body: "Le client établit sa shortlist et rencontre les candidats retenus ; \
                   chacun est informé à chaque étape.",
        },
        Step {
            title: "4. La mission démarre",
            body: "Devis validé, client et prestataire signent leur contrat de mission et \
                   notre contrat de mise en relation.",
        },
    ],
    stats_title: "La plateforme en chiffres",
    stats_published_experts: "experts publiés",
    stats_open_projects: "projets ouverts",
    stats_departements: "départements couverts",
    stats_loading: "Chargement des chiffres…",
    stats_refresh: "Actualiser les chiffres",
    stats_refreshed: |n| match n {
        1 => "Chiffres actualisés 1 fois".to_string(),
        n => format!("Chiffres actualisés {n} fois"),
    },
    fees_title: "Une rémunération transparente",
    fees_body: "L'inscription est gratuite. La plateforme perçoit une commission \
                dégressive sur le budget global de la mission, plafonnée à 3 % avec un \
                minimum de 49,00 € HT. Sans contrat signé, les frais avancés sont rendus, \
                déduction faite de 3,92 € HT de frais de gestion.",
    footer_about: "B2BiZen met en relation les professionnels indépendants et les \
                   entreprises porteuses de projets.",
    footer_portage: "Envie de portage salarial ? Notre partenaire RH Solutions vous \
                     conseille.",
    footer_rights: "Tous droits réservés.",
    not_found_title: "Page introuvable",
    not_found_body: "La page demandée n'existe pas ou a été déplacée.",
    not_found_back: "Revenir à l'accueil",
};

pub const EN: Texts = Texts {
    lang: "en",
    lang_label: "Language",
    brand_tagline: "Experts and companies, with confidence",
    nav_label: "Main navigation",
    nav_home: "Home",
    nav_experts: "For experts",
    nav_companies: "For companies",
    nav_how: "How it works",
    nav_directory: "Directory",
    home_title: "Connecting experts and companies",
    hero_title: "The right expert for your project, the right mission for your expertise",
    hero_lead: "B2BiZen connects consultants, independent experts and very small firms \
                with companies that have a project. Profiles are selected transparently \
                and impartially, saving you the time of prospecting.",
    hero_cta_expert: "I am an expert",
    hero_cta_company: "I have a project",
    experts_title: "For consultants, experts and small firms",
    experts_points: [
        "Free sign-up, no commitment: create your profile in minutes.",
        "The public sees only a partial card; everything else goes only to clients whose \
         project matches your profile.",
        "Nothing to do to be proposed: we e-mail you when a project in your field arrives, \
         then at every step of the selection.",
        "A community: partner rates, articles, videos, interviews and events.",
    ],
    companies_title: "For companies",
    companies_points: [
        "Describe your project step by step: skills, level, place, budget, schedule.",
        "We propose checked dossiers of professionals up to date with their social \
         contributions.",
        "Build your shortlist and run the selection the way you like: phone, chat, video \
         or in person.",
        "You pay the provider directly: no payment goes through the platform.",
    ],
    how_title: "How it works",
    how_steps: [
        Step {
            title: "1. A project is posted",
            body: "The company describes its need; the platform looks for matching profiles.",
        },
        Step {
            title: "2. A pre-selection is proposed",
            body: "Our team checks the profiles and submits the best dossiers to the client.",
        },
        Step {
            title: "3. The selection runs",
            body: "The client shortlists and meets the candidates; everyone is told at \
                   each step.",
        },
        Step {
            title: "4. The mission starts",
            body: "Once the quote is approved, client and provider sign their contract and \
                   our intermediation contract.",
        },
    ],
    stats_title: "The platform in figures",
    stats_published_experts: "published experts",
    stats_open_projects: "open projects",
    stats_departements: "départements covered",
    stats_loading: "Loading figures…",
    stats_refresh: "Refresh the figures",
    stats_refreshed: |n| match n {
        1 => "Figures refreshed once".to_string(),
        n => format!("Figures refreshed {n} times"),
    },
    fees_title: "Transparent fees",
    fees_body: "Sign-up is free. The platform takes a degressive commission on the global \
                mission budget, at most 3 % and at least 49.00 EUR excl. VAT. If no \
                contract is signed, advanced fees are refunded minus 3.92 EUR excl. VAT \
                of management fees.",
    footer_about: "B2BiZen connects independent professionals with companies that have \
                   projects.",
    footer_portage: "Interested in umbrella employment? Our partner RH Solutions can help.",
    footer_rights: "All rights reserved.",
    not_found_title: "Page not found",
    not_found_body: "The page you asked for does not exist or has moved.",
    not_found_back: "Back to the home page",
};

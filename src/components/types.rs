//! Words for entity types as the UI shows them.

use entiscope_core::extract::EntityType;

/// Panel heading: "People", "Organisations", ...
pub fn plural(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "People",
        EntityType::Org => "Organisations",
        EntityType::Place => "Places",
        EntityType::Norp => "Nationalities and groups",
        EntityType::Date => "Dates",
    }
}

/// One entity's type in words: "person", "organisation", ...
pub fn singular(ty: EntityType) -> &'static str {
    match ty {
        EntityType::Person => "person",
        EntityType::Org => "organisation",
        EntityType::Place => "place",
        EntityType::Norp => "nationality or group",
        EntityType::Date => "date",
    }
}

/// "1 article" / "3 articles".
pub fn articles(n: u32) -> String {
    if n == 1 {
        "1 article".to_string()
    } else {
        format!("{n} articles")
    }
}

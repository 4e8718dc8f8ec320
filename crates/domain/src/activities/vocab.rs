//! The closed vocabularies of activities, stored as text with a CHECK in the migration.

use sea_orm::{DeriveActiveEnum, EnumIter};

/// What kind of joint activity it is (the ten kinds of the migration's CHECK).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum ActivityKind {
    #[sea_orm(string_value = "symposium")]
    Symposium,
    #[sea_orm(string_value = "study_session")]
    StudySession,
    #[sea_orm(string_value = "red_education_visit")]
    RedEducationVisit,
    #[sea_orm(string_value = "training")]
    Training,
    #[sea_orm(string_value = "volunteer_service")]
    VolunteerService,
    #[sea_orm(string_value = "donation")]
    Donation,
    #[sea_orm(string_value = "ceremony")]
    Ceremony,
    #[sea_orm(string_value = "sympathy_visit")]
    SympathyVisit,
    #[sea_orm(string_value = "cultural_event")]
    CulturalEvent,
    #[sea_orm(string_value = "other")]
    Other,
}

/// Where an activity stands: planned → completed → published (unpublish goes back to completed);
/// a planned activity may be cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text")]
pub enum ActivityStatus {
    #[sea_orm(string_value = "planned")]
    Planned,
    #[sea_orm(string_value = "completed")]
    Completed,
    #[sea_orm(string_value = "published")]
    Published,
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Symposium => "symposium",
            Self::StudySession => "study_session",
            Self::RedEducationVisit => "red_education_visit",
            Self::Training => "training",
            Self::VolunteerService => "volunteer_service",
            Self::Donation => "donation",
            Self::Ceremony => "ceremony",
            Self::SympathyVisit => "sympathy_visit",
            Self::CulturalEvent => "cultural_event",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        <Self as sea_orm::Iterable>::iter().find(|k| k.as_str() == text)
    }

    /// The Chinese name, for the server-rendered news pages.
    pub fn label_zh(self) -> &'static str {
        match self {
            Self::Symposium => "座谈交流",
            Self::StudySession => "联学共学",
            Self::RedEducationVisit => "红色教育",
            Self::Training => "培训",
            Self::VolunteerService => "志愿服务",
            Self::Donation => "捐赠帮扶",
            Self::Ceremony => "仪式",
            Self::SympathyVisit => "走访慰问",
            Self::CulturalEvent => "文化活动",
            Self::Other => "其他",
        }
    }
}

impl ActivityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Completed => "completed",
            Self::Published => "published",
            Self::Cancelled => "cancelled",
        }
    }
}

impl std::fmt::Display for ActivityStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

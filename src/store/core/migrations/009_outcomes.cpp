// Migration 9: personal outcomes. Well-being frameworks are data: the areas of the Social
// Services and Well-being (Wales) Act are loaded here as the first, current framework; another
// can be loaded beside it (sgwrs frameworks load) and every outcome keeps the links it has.
// Outcomes link to areas by (framework, area) id; reviews are appended, never changed.
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k009 = R"sql(
CREATE TABLE wellbeing_frameworks (
  id TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 0,
  loaded_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX one_current_framework ON wellbeing_frameworks (is_current) WHERE is_current = 1;
CREATE TABLE wellbeing_areas (
  framework_id TEXT NOT NULL REFERENCES wellbeing_frameworks(id),
  area_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_cy TEXT NOT NULL,
  applies_to TEXT NOT NULL DEFAULT 'everyone',
  position INTEGER NOT NULL,
  PRIMARY KEY (framework_id, area_id)
);
INSERT INTO wellbeing_frameworks (id, name_en, name_cy, is_current, loaded_at) VALUES
  ('wales', 'Well-being outcomes (Social Services and Well-being (Wales) Act 2014)',
   'Canlyniadau llesiant (Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014)', 1, 0);
INSERT INTO wellbeing_areas (framework_id, area_id, name_en, name_cy, applies_to, position) VALUES
  ('wales', 'health', 'Physical and mental health and emotional well-being',
   'Iechyd corfforol a meddyliol a llesiant emosiynol', 'everyone', 1),
  ('wales', 'protection', 'Protection from abuse and neglect',
   'Cael eich diogelu rhag camdriniaeth ac esgeulustod', 'everyone', 2),
  ('wales', 'education', 'Education, training and recreation',
   'Addysg, hyfforddiant a hamdden', 'everyone', 3),
  ('wales', 'relationships', 'Domestic, family and personal relationships',
   'Perthnasoedd domestig, teuluol a phersonol', 'everyone', 4),
  ('wales', 'contribution', 'Contribution made to society',
   'Cyfraniad at y gymdeithas', 'everyone', 5),
  ('wales', 'rights', 'Securing rights and entitlements',
   'Sicrhau hawliau a hawliadau', 'everyone', 6),
  ('wales', 'social_economic', 'Social and economic well-being',
   'Llesiant cymdeithasol ac economaidd', 'everyone', 7),
  ('wales', 'accommodation', 'Suitability of living accommodation',
   'Addasrwydd llety byw', 'everyone', 8),
  ('wales', 'development', 'Physical, intellectual, emotional, social and behavioural development',
   'Datblygiad corfforol, deallusol, emosiynol, cymdeithasol ac ymddygiadol', 'children', 9),
  ('wales', 'welfare', 'Welfare', 'Lles', 'children', 10),
  ('wales', 'daily_life', 'Control over day-to-day life',
   'Rheolaeth dros fywyd o ddydd i ddydd', 'adults', 11),
  ('wales', 'work', 'Participation in work', 'Cymryd rhan mewn gwaith', 'adults', 12);
CREATE TABLE outcomes (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES people(id),
  statement TEXT NOT NULL,
  importance TEXT NOT NULL,
  scale TEXT NOT NULL,
  status TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX outcomes_by_person ON outcomes (person_id, id);
CREATE TABLE outcome_areas (
  outcome_id BIGINT NOT NULL REFERENCES outcomes(id) ON DELETE CASCADE,
  framework_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  PRIMARY KEY (outcome_id, framework_id, area_id),
  FOREIGN KEY (framework_id, area_id) REFERENCES wellbeing_areas(framework_id, area_id)
);
CREATE TABLE outcome_reviews (
  id @ID@,
  outcome_id BIGINT NOT NULL REFERENCES outcomes(id),
  reviewed_on TEXT NOT NULL,
  person_score INTEGER NOT NULL,
  person_reason TEXT NOT NULL DEFAULT '',
  worker_score INTEGER NOT NULL,
  worker_reason TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX outcome_reviews_by_outcome ON outcome_reviews (outcome_id, reviewed_on, id);
)sql";

}  // namespace

std::string_view migration_009(Engine e) {
  return for_engine<k009>(e);
}

}  // namespace sgwrs::store

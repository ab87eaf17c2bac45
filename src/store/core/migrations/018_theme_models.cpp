// Migration 18: learned theme models, one row per training, kept per codebook version so
// every node scores with the same model and a model is never applied to a codebook it was
// not trained on. The body is the model's own text form (analysis/learn/theme_model.hpp),
// checked by its checksum when read; `evaluation` is the cross-validation made with it.
// Suggestions name the model that made them ("indicators", or "learned-v<id>").
#include "store/core/migrations.hpp"

namespace sgwrs::store {
namespace {

constexpr std::string_view k018 = R"sql(
CREATE TABLE theme_models (
  id @ID@,
  codebook_version INTEGER NOT NULL,
  body TEXT NOT NULL,
  examples INTEGER NOT NULL,
  reviewed_count BIGINT NOT NULL,
  evaluation TEXT NOT NULL,
  trained_by BIGINT REFERENCES users(id),
  trained_at BIGINT NOT NULL
);
CREATE INDEX theme_models_by_codebook ON theme_models (codebook_version, id);
ALTER TABLE suggestions ADD COLUMN model TEXT NOT NULL DEFAULT 'indicators';
)sql";

}  // namespace

std::string_view migration_018(Engine e) {
  return for_engine<k018>(e);
}

}  // namespace sgwrs::store

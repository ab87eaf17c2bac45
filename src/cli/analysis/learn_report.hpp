#pragma once
// The learned model's figures as `sgwrs analyse --evaluate` and `--train` print them.
#include <string>
#include <vector>

#include "domain/core/result.hpp"
#include "service/analysis/learning_service.hpp"

namespace sgwrs::cli {

// "Suggestions come from learned-v3 (…)" or "… from the indicators alone: <why>".
std::string model_status_line(const ModelStatus& s);
// Per theme and overall, indicators alone beside the learned model, and the difference.
std::string cross_validation_text(const Evaluation& e);
// The same measures on passages labelled elsewhere.
std::string labelled_text(const std::string& source, const std::string& model, const Evaluation& e);
// JSON lines with "text" and "theme" (other fields ignored).
Result<std::vector<LabelledPassage>> read_labelled(const std::string& path);

}  // namespace sgwrs::cli

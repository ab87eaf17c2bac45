#include "cli/analysis/learn_report.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <fstream>
#include <set>

namespace sgwrs::cli {
namespace {

std::string f2(std::optional<double> v) {
  return v ? fmt::format("{:.2f}", *v) : "–";
}

std::string delta(std::optional<double> learned, std::optional<double> indicators) {
  if (!learned || !indicators) return "";
  return fmt::format("{:+.2f}", *learned - *indicators);
}

std::string summary_rows(const MethodFigures& ind, const MethodFigures& l) {
  std::string out;
  auto row = [&](const char* name, std::optional<double> a, std::optional<double> b) {
    out += fmt::format("{:<30} {:>10} {:>10} {:>7}\n", name, f2(a), f2(b), delta(b, a));
  };
  row("macro F1 (coded themes)", ind.macro_f1, l.macro_f1);
  row("micro F1", ind.micro_f1, l.micro_f1);
  row("top-1 accuracy", ind.top1, l.top1);
  row("top-3 accuracy", ind.top3, l.top3);
  return out;
}

}  // namespace

std::string model_status_line(const ModelStatus& s) {
  if (s.in_use)
    return fmt::format(
        "Suggestions come from {} (codebook version {}, {} of {} themes learned, {} sentences); "
        "the other themes from the indicators.",
        s.model, s.codebook_version, s.themes_learned, s.themes_total, s.examples);
  std::string why = s.note == "old_codebook"
                        ? fmt::format(
                              "the newest model was trained for codebook version {}, "
                              "not version {} in force",
                              s.trained_for.value_or(0), s.codebook_version)
                    : s.note == "corrupt" ? "the stored model cannot be read (damaged); train again"
                    : s.note == "too_few" ? "no theme has enough coded examples yet"
                                          : "no model has been trained yet";
  return "Suggestions come from the indicators alone: " + why + ".";
}

std::string cross_validation_text(const Evaluation& e) {
  if (e.folds == 0)
    return fmt::format(
        "Cross-validation by report: needs coding in at least 2 reports ({} coded so far).\n",
        e.reports);
  std::string out = fmt::format(
      "Learned model against indicators alone, {}-fold cross-validation by report\n"
      "({} report(s), {} sentence(s), {} coded; no report's sentences in both training and "
      "test)\n\n",
      e.folds, e.reports, e.passages, e.learned.coded_passages);
  out += fmt::format("{:<28} {:>20}   {:>20}\n", "", "indicators alone", "learned model");
  out += fmt::format("{:<28} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}\n", "theme", "P", "R", "F1", "P",
                     "R", "F1");
  std::set<std::string> themes;
  for (const auto& [t, q] : e.indicators.by_theme) themes.insert(t);
  for (const auto& [t, q] : e.learned.by_theme) themes.insert(t);
  for (const auto& t : themes) {
    const auto i =
        e.indicators.by_theme.count(t) ? e.indicators.by_theme.at(t) : MethodFigures::Theme{};
    const auto l = e.learned.by_theme.count(t) ? e.learned.by_theme.at(t) : MethodFigures::Theme{};
    out += fmt::format("{:<28} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}\n", t, f2(i.precision),
                       f2(i.recall), f2(i.f1), f2(l.precision), f2(l.recall), f2(l.f1));
  }
  out += fmt::format("\n{:<30} {:>10} {:>10} {:>7}\n", "", "indicators", "learned", "diff");
  out += summary_rows(e.indicators, e.learned);
  out += fmt::format(
      "\n{} of the {} coded test sentences also occur word for word in a training fold; on the "
      "{} that do not:\n",
      e.seen_in_training, e.learned.coded_passages, e.learned_unseen.coded_passages);
  out += summary_rows(e.indicators_unseen, e.learned_unseen);
  return out;
}

std::string labelled_text(const std::string& source, const std::string& model,
                          const Evaluation& e) {
  std::string out = fmt::format("Passages labelled elsewhere ({}): {} passage(s), each whole\n",
                                source, e.passages);
  out += fmt::format("{:<30} {:>10} {:>10} {:>7}\n", "", "indicators", model, "diff");
  out += summary_rows(e.indicators, e.learned);
  return out;
}

Result<std::vector<LabelledPassage>> read_labelled(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::of(Errc::not_found, "not_found", "cannot be read");
  std::vector<LabelledPassage> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const auto o = boost::json::parse(line).as_object();
      out.push_back(
          {std::string(o.at("text").as_string()), std::string(o.at("theme").as_string())});
    } catch (const std::exception&) {
      return Error::of(Errc::invalid, "invalid",
                       fmt::format("line {} is not a JSON object with \"text\" and \"theme\"", n));
    }
  }
  return out;
}

}  // namespace sgwrs::cli

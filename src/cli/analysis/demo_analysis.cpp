#include "cli/analysis/demo_analysis.hpp"

#include <stdexcept>

#include "cli/analysis/demo_reports.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::cli {
namespace {

// coder-a and coder-b in the corpus are these two analysts of the demo authority.
constexpr const char* kCoderEmails[] = {"analyst@glantawe.example", "researcher@glantawe.example"};

template <typename T>
T must(Result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error("demo: could not " + what + ": " + r.error().key);
  return std::move(r).value();
}

}  // namespace

DemoAnalysisResult build_demo_analysis(AnalysisService& analysis, AnalysisResultsService& results,
                                       UserService& users) {
  const Actor op = UserService::operator_actor();
  DemoAnalysisResult out;
  if (!must(analysis.list_reports(op, {}), "list reports").empty()) return out;
  auto current = must(analysis.codebook(op), "read the codebook");
  if (current.version == 0)
    must(analysis.save_codebook(op, current.body_json, "Default codebook", 0), "save the codebook");

  std::vector<ImportInput> inputs;
  for (const auto& r : demo_reports())
    inputs.push_back(
        {r.file_name,
         r.text,
         {"", r.organisation_name, r.organisation_ons, r.service_area, r.date, r.group_size}});
  const auto outcomes = must(analysis.import(op, inputs), "import the demo reports");

  std::vector<std::optional<Actor>> coders;
  for (const char* email : kCoderEmails) {
    auto u = users.find_by_email(op, email);
    coders.push_back(u ? std::optional<Actor>(Actor{*u, "demo"}) : std::nullopt);
  }
  const auto& reports = demo_reports();
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (!outcomes[i].report_id) {
      throw std::runtime_error("demo: report " + reports[i].file_name +
                               " was refused: " + outcomes[i].detail);
    }
    ++out.reports;
    const Id id = *outcomes[i].report_id;
    const auto stored = must(analysis.view_report(op, id), "read a demo report").report.body;
    for (const auto& k : reports[i].codings) {
      const auto& coder = coders[k.coder == "coder-b" ? 1 : 0];
      if (!coder) continue;
      const auto at = stored.find(k.quote);
      if (at == std::string::npos) continue;  // markup removed on import changed the words
      const auto start = static_cast<std::int64_t>(code_point_count(stored.substr(0, at)));
      const auto end = start + static_cast<std::int64_t>(code_point_count(k.quote));
      if (analysis.add_coding(*coder, {id, {k.theme_id}, start, end, k.memo})) ++out.codings;
    }
  }
  must(results.draft_findings(op, std::nullopt, Language::en), "draft the findings");
  out.created = true;
  return out;
}

}  // namespace sgwrs::cli

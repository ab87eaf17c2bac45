// `sgwrs analyse DIR`: imports a folder of follow-up reports, codes them with suggestions,
// and writes the prevalence matrix, the codings and a draft of the headline findings.
// `sgwrs analyse --evaluate`: how good the suggestions are against human coding, and the
// learned model beside the indicators alone in cross-validation by report.
// `sgwrs analyse --train`: trains the theme model from the reviewed coding and stores it.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "analysis/import/import_types.hpp"
#include "analysis/import/pdf_text.hpp"
#include "cli/analysis/learn_report.hpp"
#include "cli/core/commands.hpp"
#include "cli/core/wiring.hpp"
#include "domain/organisation/roles.hpp"
#include "web/core/catalogue.hpp"

namespace sgwrs::cli {
namespace fs = std::filesystem;

namespace {

// A bar on a terminal; nothing when the output is a file or a pipe.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), on_(isatty(STDERR_FILENO) == 1) {}
  void step(std::size_t done, const std::string& name) {
    if (!on_) return;
    constexpr int kWidth = 30;
    const int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
    std::cerr << fmt::format("\r[{:<{}}] {}/{} {:<40.40}", std::string(filled, '#'), kWidth, done,
                             total_, name)
              << std::flush;
    if (done == total_) std::cerr << "\n";
  }

 private:
  std::size_t total_;
  bool on_;
};

web::Catalogue catalogue() {
  return web::Catalogue::load(std::string(SGWRS_WEB_DIR) + "/i18n");
}

// What the matrix and findings files say first, as the pages say it (the message catalogue).
AnalysisResultsService::CountNotes count_notes(const web::Catalogue& cat, Language lang,
                                               std::size_t min_reports) {
  return {cat.text(lang, "analysis.notes.coded"), cat.text(lang, "analysis.notes.suggested"),
          cat.format(lang, "analysis.notes.left_out", {{"min", std::to_string(min_reports)}})};
}

// Service areas as the pages name them (the message catalogue), for the findings document.
AnalysisResultsService::AreaNames area_names(const web::Catalogue& cat, Language lang) {
  AnalysisResultsService::AreaNames out;
  for (const auto kind : all_service_kinds()) {
    const std::string id(service_kind_id(kind));
    out[id] = cat.text(lang, "organisation.service_kinds." + id);
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int write_out(const fs::path& path, const Result<std::string>& bytes) {
  if (!bytes) {
    std::cerr << "sgwrs: could not write " << path.string() << ": " << bytes.error().key << "\n";
    return 1;
  }
  std::ofstream(path, std::ios::binary) << *bytes;
  std::cout << "  " << path.string() << "\n";
  return 0;
}

int evaluate(Wiring& w, const std::string& labelled) {
  auto q = w.results.evaluate(UserService::operator_actor());
  if (!q) {
    std::cerr << "sgwrs: " << q.error().key << "\n";
    return 1;
  }
  auto f = [](std::optional<double> v) { return v ? fmt::format("{:.2f}", *v) : "–"; };
  std::cout << fmt::format("Suggestions against human coding, sentences of {} coded report(s)\n\n",
                           q->reports_compared);
  std::cout << fmt::format("{:<28} {:>5} {:>5} {:>5} {:>9} {:>7} {:>5}\n", "theme", "tp", "fp",
                           "fn", "precision", "recall", "F1");
  for (const auto& [theme, x] : q->by_theme)
    std::cout << fmt::format("{:<28} {:>5} {:>5} {:>5} {:>9} {:>7} {:>5}\n", theme, x.tp, x.fp,
                             x.fn, f(x.precision), f(x.recall), f(x.f1));
  std::cout << fmt::format("{:<28} {:>5} {:>5} {:>5} {:>9} {:>7} {:>5}\n", "overall (micro)",
                           q->overall.tp, q->overall.fp, q->overall.fn, f(q->overall.precision),
                           f(q->overall.recall), f(q->overall.f1));
  std::cout << fmt::format("macro F1: {}\n", f(q->macro_f1));

  const auto status = w.analysis.model_status();
  std::cout << "\n" << model_status_line(status) << "\n";
  auto cv = w.learning.evaluate(UserService::operator_actor());
  if (!cv) {
    std::cerr << "sgwrs: " << cv.error().key << "\n";
    return 1;
  }
  std::cout << "\n" << cross_validation_text(*cv);
  if (!labelled.empty()) {
    auto passages = read_labelled(labelled);
    if (!passages) {
      std::cerr << "sgwrs: " << labelled << ": " << passages.error().detail << "\n";
      return 2;
    }
    auto scored = w.learning.score_labelled(UserService::operator_actor(), *passages);
    if (!scored) {
      std::cerr << "sgwrs: " << scored.error().key << "\n";
      return 1;
    }
    std::cout << "\n" << labelled_text(labelled, status.model, *scored);
  }
  return 0;
}

int train(Wiring& w) {
  auto t = w.learning.train(UserService::operator_actor());
  if (!t) {
    std::cerr << "sgwrs: could not train the theme model (" << t.error().key
              << "): " << t.error().detail << "\n";
    return 1;
  }
  std::cout << fmt::format("Trained {} on {} sentence(s) in {:.2f} s.\n", t->status.model,
                           t->examples, t->seconds);
  std::cout << model_status_line(t->status) << "\n\n" << cross_validation_text(t->evaluation);
  return 0;
}

}  // namespace

int analyse(const AnalyseOptions& o) {
  analysis::silence_pdf_library_messages();
  Wiring w(o.db, {}, 2, o.suppress_below);
  if (o.train) {
    if (int rc = train(w); rc != 0 || !o.evaluate) return rc;
  }
  if (o.evaluate) return evaluate(w, o.labelled);
  const Actor op = UserService::operator_actor();
  const fs::path dir(o.dir);
  if (!fs::is_directory(dir)) {
    std::cerr << "sgwrs: " << o.dir << " is not a folder\n";
    return 2;
  }
  // Details from reports.csv beside the files; the options stand in for the rest.
  ReportsCsv csv;
  int problems = 0;
  if (fs::exists(dir / "reports.csv")) {
    csv = AnalysisService::read_reports_csv(read_file(dir / "reports.csv"));
    for (const auto& p : csv.problems) {
      std::cerr << "reports.csv: " << p.detail << "\n";
      ++problems;
    }
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (!e.is_regular_file() || name.starts_with(".") || name.starts_with("~$") ||
        name == "reports.csv")
      continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Progress bar(files.size());
  std::size_t imported = 0, suggestions = 0, done = 0;
  const analysis::ImportLimits limits;
  // Files go to the service in batches, which it prepares on every core; a batch is bounded
  // by count and by bytes so a folder of large PDFs is never all in memory at once.
  const std::size_t batch_files = 4 * std::max(1u, std::thread::hardware_concurrency());
  constexpr std::uintmax_t kBatchBytes = 64u << 20;
  auto report = [&](const ImportOutcome& out) {
    bar.step(++done, out.file_name);
    if (out.report_id) {
      ++imported;
      suggestions += out.suggestions;
      for (const auto& warn : out.warnings)
        std::cerr << out.file_name << ": warning: " << warn << "\n";
    } else {
      ++problems;
      std::cerr << out.file_name << ": not imported (" << out.error_code << "): " << out.detail
                << "\n";
    }
  };
  std::vector<ImportInput> batch;
  std::uintmax_t batch_bytes = 0;
  auto flush = [&] {
    if (batch.empty()) return;
    const auto outcomes = w.analysis.import(op, batch);  // named: .value() is a reference
    for (const auto& out : outcomes.value()) report(out);
    batch.clear();
    batch_bytes = 0;
  };
  for (const auto& path : files) {
    const auto name = path.filename().string();
    ImportInput in{name, "",
                   AnalysisService::details_for(
                       name, {"", o.organisation, "", o.service_area, o.date, o.group_size}, csv,
                       files.size() == 1)};
    // The size is checked before anything is read.
    const auto size = fs::file_size(path);
    if (size > limits.max_file_bytes) {
      flush();  // keep the files' order in what is reported
      report({name,
              std::nullopt,
              "too_large",
              fmt::format("the file is larger than {} MB", limits.max_file_bytes >> 20),
              {},
              0});
      continue;
    }
    if (batch.size() >= batch_files || batch_bytes + size > kBatchBytes) flush();
    in.bytes = read_file(path);
    batch_bytes += size;
    batch.push_back(std::move(in));
  }
  flush();
  std::cout << fmt::format("Imported {} of {} file(s), {} suggestion(s) to review.\n", imported,
                           files.size(), suggestions);
  fs::create_directories(o.out);
  // In batch, the suggestions are the coding: the matrix and findings count them alongside
  // what people have coded and accepted, and say so in their file names.
  const auto view = o.reviewed_only ? CodingView::coded : CodingView::suggested;
  const std::string suffix = o.reviewed_only ? "" : "-with-suggestions";
  const auto cat = catalogue();
  const auto notes = count_notes(cat, o.language(), w.results.suppression().min_reports);
  std::cout << "Wrote:\n";
  int rc = 0;
  for (const char* name : {"matrix.csv", "matrix.xlsx"}) {
    const std::string file = std::string(name).insert(std::string(name).find('.'), suffix);
    rc |= write_out(fs::path(o.out) / file,
                    w.results.export_file(op, name, o.language(), view, notes));
  }
  // Every passage the matrix and findings count, so the counting can be checked.
  rc |= write_out(fs::path(o.out) / "codings.csv",
                  w.results.export_file(op, "codings.csv", o.language(), view, notes));
  rc |= write_out(fs::path(o.out) / ("findings" + suffix + ".md"),
                  w.results.draft_document(op, std::nullopt, o.language(), view,
                                           area_names(cat, o.language()), notes));
  return rc ? rc : (problems ? 1 : 0);
}

}  // namespace sgwrs::cli

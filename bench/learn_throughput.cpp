// The learned theme model (issue 10): training time, and suggestion throughput with the
// model blended in beside the indicators alone and the `grep` ceiling, over a generated
// corpus of follow-up reports.
//
//   sgwrs_bench_learn [REPORTS=10000] [RUNS=3] [CODEBOOK=data/codebook/default.json]
//
// The corpus is English (the Welsh path costs the same per word as the indicators'), built
// from templates that carry one indicator phrase each, so every such sentence has a theme to
// learn; filler sentences have none. One report in ten is left uncoded (weak negatives do
// not exist there) and one coded sentence in ten is coded to nothing (noise). Training is the
// whole of what LearningService does before storing: features for every sentence and
// train_theme_model (20 themes, each with its inner cross-validation for the threshold).
//
// Prints one line per run and a summary:
//   learn_throughput reports=N bytes=B sentences=S train_s=T indicators_mb_s=X
//     learned_mb_s=Y ratio=Y/X grep_c_mb_s=Z
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analysis/learn/blend.hpp"
#include "analysis/learn/features.hpp"
#include "analysis/learn/train.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/segment.hpp"
#include "analysis/text/suggester.hpp"
#include "analysis/text/tokenise.hpp"
#include "bench_stats.hpp"
#include "domain/core/utf8.hpp"

namespace fs = std::filesystem;
using namespace sgwrs::analysis;
using sgwrs::Language;
using sgwrs::SegmentKind;

using sgwrs::bench::median;
using sgwrs::bench::seconds_since;

namespace {

std::size_t below(std::mt19937& g, std::size_t n) {
  return static_cast<std::size_t>(g() % n);
}

struct Sentence {
  std::string text;
  std::string theme;  // empty: filler
};

struct Report {
  std::string text;
  std::vector<std::pair<Span, std::string>> coded;  // sentence span (code points), theme
  bool coded_at_all = true;
};

const char* kTemplates[] = {"Several of us said that % makes a real difference to families.",
                            "People talked about % with real feeling.",
                            "We noticed % in most of the cases we discussed.",
                            "The biggest issue for the team is %.",
                            "Managers do not always see how % affects our work.",
                            "We would like more % in the next year."};
const char* kFiller[] = {
    "The group met for the afternoon and everyone brought an example from their team.",
    "We spent some time comparing notes from different parts of the county.",
    "Most of the discussion was about particular families and what happened next.",
    "Some of the group had only joined the service in the last few months.",
    "It was helpful to hear from colleagues in other teams about their week.",
    "There was a lot of agreement in the room about this point."};
const char* kHeadings[] = {"What is working well?", "What gets in the way?",
                           "What would make a difference?", "What do leaders need to understand?"};

Report make_report(std::mt19937& g, const std::vector<std::pair<std::string, std::string>>& ind) {
  Report r;
  r.coded_at_all = below(g, 10) != 0;
  std::size_t cp = 0;  // the text is ASCII but for the indicators; count code points anyway
  auto add = [&](const std::string& s) {
    r.text += s;
    cp += sgwrs::code_point_count(s);
  };
  for (const char* h : kHeadings) {
    add(std::string(h) + "\n\n");
    const std::size_t n = 3 + below(g, 4);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t start = cp;
      if (below(g, 10) < 4) {
        const auto& [phrase, theme] = ind[below(g, ind.size())];
        std::string t = kTemplates[below(g, std::size(kTemplates))];
        t.replace(t.find('%'), 1, phrase);
        add(t);
        if (r.coded_at_all && below(g, 10) != 0) r.coded.push_back({{start, cp}, theme});
      } else {
        add(kFiller[below(g, std::size(kFiller))]);
      }
      add(i + 1 < n ? " " : "\n\n");
    }
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t reports = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  const std::string codebook_path =
      argc > 3 ? argv[3] : std::string(SGWRS_SOURCE_DIR) + "/data/codebook/default.json";
  auto loaded = load_codebook_file(codebook_path);
  if (!loaded || reports == 0 || runs < 1) {
    std::cerr << "usage: sgwrs_bench_learn [REPORTS] [RUNS] [CODEBOOK]\n";
    return 2;
  }
  const Codebook& codebook = *loaded;
  std::vector<std::pair<std::string, std::string>> indicators;
  std::vector<std::string> themes;
  for (const auto& t : codebook.themes) {
    themes.push_back(t.id);
    for (const auto& i : t.indicators)
      if (i.lang == Language::en) indicators.push_back({i.phrase, t.id});
  }
  std::mt19937 g(20261202);
  std::vector<Report> corpus;
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < reports; ++i) {
    corpus.push_back(make_report(g, indicators));
    bytes += corpus.back().text.size();
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  const Suggester suggester(codebook);
  std::vector<std::vector<Segment>> segments;
  for (const auto& r : corpus) segments.push_back(segment(r.text));

  // Training: features of every sentence of a coded report, then the model.
  std::vector<double> train_s, ind_s, learned_s, grep_s;
  std::shared_ptr<const learn::ThemeModel> model;
  std::size_t sentences = 0;
  for (int run = 1; run <= runs; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<learn::Example> examples;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      const auto& r = corpus[i];
      if (!r.coded_at_all) continue;
      std::vector<learn::Passage> passages;
      for (const auto& s : segments[i])
        if (s.kind == SegmentKind::sentence) passages.push_back({s.span, "other"});
      const auto x = learn::passage_features(r.text, Language::en, passages, suggester);
      for (std::size_t k = 0; k < passages.size(); ++k) {
        learn::Example e;
        e.group = static_cast<std::int64_t>(i);
        e.x = x[k];
        for (const auto& [span, theme] : r.coded)
          if (span.start < passages[k].span.end && passages[k].span.start < span.end)
            e.themes.insert(theme);
        e.reviewed = !e.themes.empty();
        e.indicators.assign(themes.size(), 0);
        examples.push_back(std::move(e));
      }
    }
    sentences = examples.size();
    auto trained = learn::train_theme_model(examples, themes, 1);
    train_s.push_back(seconds_since(t0));
    trained.version = 1;
    model = std::make_shared<const learn::ThemeModel>(std::move(trained));

    // Suggestions over every report: the indicators alone, then blended with the model.
    std::size_t n_ind = 0, n_learned = 0;
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < corpus.size(); ++i)
      n_ind += suggester.suggest(corpus[i].text, Language::en, segments[i]).size();
    ind_s.push_back(seconds_since(t0));
    const learn::BlendedSuggester blended(suggester, model);
    t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      std::vector<learn::SegmentInput> in;
      for (const auto& s : segments[i]) in.push_back({s, "other"});
      n_learned += blended.suggest(corpus[i].text, Language::en, in).size();
    }
    learned_s.push_back(seconds_since(t0));

    // The ceiling: grep finding the same phrases in the same text (bytes, LC_ALL=C).
    const char* tmp = std::getenv("TMPDIR");
    const fs::path dir =
        fs::path(tmp && *tmp ? tmp : "/tmp") / ("sgwrs-bench-learn-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
      std::ofstream terms(dir / "terms.txt");
      for (const auto& [p, t] : indicators) terms << fold_case(p) << "\n";
      std::ofstream all(dir / "corpus.txt", std::ios::binary);
      for (const auto& r : corpus) all << r.text;
    }
    const std::string cmd = "LC_ALL=C grep -c -i -F -f '" + (dir / "terms.txt").string() + "' '" +
                            (dir / "corpus.txt").string() + "' > /dev/null";
    t0 = std::chrono::steady_clock::now();
    const int rc = std::system(cmd.c_str());
    grep_s.push_back(seconds_since(t0));
    fs::remove_all(dir);
    if (rc != 0) {
      std::cerr << "grep failed\n";
      return 1;
    }
    std::printf(
        "# run %d train %.3f s (%zu sentences)  indicators %.3f s (%.1f MB/s, %zu suggestions)  "
        "learned %.3f s (%.1f MB/s, %zu suggestions)  grep C %.3f s (%.1f MB/s)\n",
        run, train_s.back(), sentences, ind_s.back(), mb / ind_s.back(), n_ind, learned_s.back(),
        mb / learned_s.back(), n_learned, grep_s.back(), mb / grep_s.back());
  }
  std::size_t learned_themes = 0;
  for (const auto& t : model->themes) learned_themes += t.trained;
  std::printf(
      "learn_throughput reports=%zu bytes=%llu sentences=%zu themes_learned=%zu train_s=%.3f "
      "indicators_mb_s=%.1f learned_mb_s=%.1f ratio=%.2f grep_c_mb_s=%.1f\n",
      reports, static_cast<unsigned long long>(bytes), sentences, learned_themes, median(train_s),
      mb / median(ind_s), mb / median(learned_s), median(ind_s) / median(learned_s),
      mb / median(grep_s));
  return 0;
}

// Automatic theme suggestion throughput (issue 3): a deterministic corpus of follow-up
// reports is written to a temporary folder; the Suggester (segment + tokenise + match)
// runs over every file, and `grep -c -i -F -f TERMS` over the same files with the same
// indicator phrases is the ceiling: the cost of merely finding the phrases.
//
//   sgwrs_bench_suggest [REPORTS=10000] [RUNS=3] [CODEBOOK=data/codebook/default.json]
//
// Prints one line per run and a summary line:
//   suggest_throughput reports=N bytes=B suggester_mb_s=X grep_mb_s=Y ratio=X/Y
//     grep_c_mb_s=Z ratio_c=X/Z threads=T suggester_threads_mb_s=P ratio_c_threads=P/Z
// grep runs twice per run: in the C.UTF-8 locale (the machine's default; -i then folds
// Unicode case, which the Welsh terms need) and, for reference, with LC_ALL=C (bytes, ASCII
// case folding only: much faster, and the strictest ceiling). Both sides read the files
// from the page cache inside the timed loop, on one thread each; the Suggester then runs
// again on one thread per core (threads=T), which grep cannot do.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "analysis/text/codebook.hpp"
#include "analysis/text/language.hpp"
#include "analysis/text/suggester.hpp"
#include "analysis/text/tokenise.hpp"
#include "bench_stats.hpp"

namespace fs = std::filesystem;
using namespace sgwrs::analysis;
using sgwrs::Language;

using sgwrs::bench::median;
using sgwrs::bench::seconds_since;

namespace {

// mt19937 is specified exactly; the reductions below are ours, so the corpus is the same
// on every standard library.
class Dice {
 public:
  explicit Dice(std::uint32_t seed) : g_(seed) {}
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(g_() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::mt19937 g_;
};

struct LangText {
  std::vector<std::string> headings;
  std::vector<std::string> templates;  // "%" is replaced by an indicator phrase
  std::vector<std::string> filler;
  std::vector<std::string> indicators;
};

LangText english(const Codebook& c) {
  LangText t;
  t.headings = {"What is working well?", "What gets in the way?", "What would make a difference?",
                "What do leaders need to understand?"};
  t.templates = {"Several of us said that % makes a real difference to families.",
                 "People talked about % with real feeling.",
                 "We noticed % in most of the cases we discussed.",
                 "The biggest issue for the team is %.",
                 "Managers do not always see how % affects our work.",
                 "One practitioner described % as the thing that changed everything for her.",
                 "We would like more % in the next year."};
  t.filler = {"The group met for the afternoon and everyone brought an example from their team.",
              "We spent some time comparing notes from different parts of the county.",
              "Most of the discussion was about particular families and what happened next.",
              "Some of the group had only joined the service in the last few months.",
              "It was helpful to hear from colleagues in other teams about their week.",
              "The facilitator asked us to write down three things before the break.",
              "There was a lot of agreement in the room about this point.",
              "A few people had different views and we have tried to record those too.",
              "This is a summary of what we said rather than a full record.",
              "We came back to this several times during the session."};
  for (const ThemeDef& th : c.themes)
    for (const Indicator& i : th.indicators)
      if (i.lang == Language::en) t.indicators.push_back(i.phrase);
  return t;
}

LangText welsh(const Codebook& c) {
  LangText t;
  t.headings = {"Beth sy'n gweithio'n dda?", "Beth sy'n rhwystro?",
                "Beth fyddai'n gwneud gwahaniaeth?", "Beth sydd angen i arweinwyr ei ddeall?"};
  t.templates = {"Dywedodd sawl un ohonom fod % yn gwneud gwahaniaeth go iawn i deuluoedd.",
                 "Buom yn siarad am % gyda theimlad mawr.",
                 "Roedd % yn amlwg yn y rhan fwyaf o'r achosion a drafodwyd.",
                 "Y broblem fwyaf i'r tîm yw %.", "Hoffem weld mwy o % yn ystod y flwyddyn nesaf."};
  t.filler = {"Cyfarfu'r grŵp am y prynhawn a daeth pawb ag enghraifft o'u tîm.",
              "Treuliwyd peth amser yn cymharu nodiadau o wahanol rannau o'r sir.",
              "Roedd y rhan fwyaf o'r drafodaeth am deuluoedd penodol a beth ddigwyddodd wedyn.",
              "Roedd rhai o'r grŵp wedi ymuno â'r gwasanaeth yn ystod y misoedd diwethaf.",
              "Roedd yn ddefnyddiol clywed gan gydweithwyr mewn timau eraill.",
              "Crynodeb yw hwn o'r hyn a ddywedwyd yn hytrach na chofnod llawn."};
  for (const ThemeDef& th : c.themes)
    for (const Indicator& i : th.indicators)
      if (i.lang == Language::cy) t.indicators.push_back(i.phrase);
  return t;
}

std::string make_report(Dice& dice, const LangText& lt) {
  std::size_t target = 2000 + dice.below(1000);
  std::string out = "Follow-up report\n\n";
  for (std::size_t h = 0; h < lt.headings.size(); ++h) {
    out += lt.headings[h];
    out += "\n\n";
    std::size_t section_end = target * (h + 1) / lt.headings.size();
    while (out.size() < section_end) {
      bool bullets = dice.chance(25);
      std::size_t sentences = 2 + dice.below(4);
      for (std::size_t s = 0; s < sentences; ++s) {
        if (bullets) out += "- ";
        if (dice.chance(40)) {
          std::string t = dice.pick(lt.templates);
          t.replace(t.find('%'), 1, dice.pick(lt.indicators));
          out += t;
        } else {
          out += dice.pick(lt.filler);
        }
        out += bullets ? "\n" : (s + 1 < sentences ? " " : "\n");
      }
      out += "\n";
    }
  }
  return out;
}

// Reads a whole file into `out`, reusing its buffer.
bool read_file(const fs::path& p, std::string& out) {
  out.clear();
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  std::fclose(f);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t reports = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10000;
  int runs = argc > 2 ? std::atoi(argv[2]) : 3;
  std::string codebook_path =
      argc > 3 ? argv[3] : std::string(SGWRS_SOURCE_DIR) + "/data/codebook/default.json";
  if (reports == 0 || runs < 1) {
    std::cerr << "usage: sgwrs_bench_suggest [REPORTS] [RUNS] [CODEBOOK]\n";
    return 2;
  }
  auto loaded = load_codebook_file(codebook_path);
  if (!loaded) {
    std::cerr << "codebook: " << loaded.error().detail << "\n";
    return 1;
  }
  const Codebook& codebook = *loaded;

  // The corpus: one report in ten in Welsh.
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/sgwrs-bench-suggest.XXXXXX";
  if (!mkdtemp(templ.data())) {
    std::perror("mkdtemp");
    return 1;
  }
  fs::path dir = templ;
  fs::path corpus = dir / "corpus";
  fs::create_directory(corpus);
  LangText en = english(codebook), cy = welsh(codebook);
  Dice dice(20261122);
  std::vector<fs::path> files;
  std::uint64_t bytes = 0;
  for (std::size_t i = 0; i < reports; ++i) {
    std::string text = make_report(dice, dice.chance(10) ? cy : en);
    char name[32];
    std::snprintf(name, sizeof name, "report-%05zu.txt", i);
    files.push_back(corpus / name);
    std::ofstream(files.back(), std::ios::binary) << text;
    bytes += text.size();
  }
  // The same phrases for grep, case-folded.
  fs::path terms = dir / "terms.txt";
  {
    std::ofstream out(terms, std::ios::binary);
    for (const ThemeDef& t : codebook.themes)
      for (const Indicator& i : t.indicators) out << fold_case(i.phrase) << "\n";
  }
  double mb = static_cast<double>(bytes) / 1e6;
  std::cout << "corpus: " << reports << " reports, " << bytes << " bytes in " << corpus.string()
            << "\n";

  Suggester suggester(codebook);
  std::vector<double> suggest_s, grep_s, grep_c_s;
  auto run_grep = [&](const char* locale, std::vector<double>& times) {
    std::string cmd = std::string("LC_ALL=") + locale + " grep -c -i -F -f '" + terms.string() +
                      "' -r '" + corpus.string() + "' > '" + (dir / "grep.out").string() + "'";
    auto t0 = std::chrono::steady_clock::now();
    int rc = std::system(cmd.c_str());
    times.push_back(seconds_since(t0));
    return rc == 0;
  };
  // Reads and suggests files[first], files[first + step]…; the number of suggestions, or
  // nothing when a file cannot be read.
  auto suggest_files = [&](std::size_t first, std::size_t step) -> std::optional<std::size_t> {
    std::size_t count = 0;
    std::string text;
    for (std::size_t i = first; i < files.size(); i += step) {
      if (!read_file(files[i], text)) {
        std::cerr << "cannot read " << files[i] << "\n";
        return std::nullopt;
      }
      count += suggester.suggest(text, detect_language(text)).size();
    }
    return count;
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<double> parallel_s;
  std::size_t suggestions = 0;
  for (int r = 1; r <= runs; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    auto single = suggest_files(0, 1);
    suggest_s.push_back(seconds_since(t0));
    // The same work shared by one thread per core over one Suggester (it is safe to share:
    // each thread keeps its own caches), as an import of many files runs it
    // (AnalysisService::import prepares files on every core). grep has no such mode, so this
    // is printed beside, not instead of, the one-thread figure.
    t0 = std::chrono::steady_clock::now();
    std::vector<std::optional<std::size_t>> parts(cores);
    {
      std::vector<std::jthread> workers;
      for (unsigned t = 0; t < cores; ++t)
        workers.emplace_back([&, t] { parts[t] = suggest_files(t, cores); });
    }
    parallel_s.push_back(seconds_since(t0));
    std::size_t parallel_count = 0;
    for (const auto& p : parts) parallel_count += p.value_or(0);
    if (!single || std::any_of(parts.begin(), parts.end(), [](auto& p) { return !p; }) ||
        parallel_count != *single) {
      std::cerr << "suggestion run failed or threads disagreed\n";
      fs::remove_all(dir);
      return 1;
    }
    suggestions = *single;
    if (!run_grep("C.UTF-8", grep_s) || !run_grep("C", grep_c_s)) {
      std::cerr << "grep failed\n";
      fs::remove_all(dir);
      return 1;
    }
    std::printf(
        "# run %d suggester %.3f s (%.1f MB/s, %zu suggestions), on %u threads %.3f s (%.1f "
        "MB/s)  grep C.UTF-8 %.3f s (%.1f MB/s)  grep C %.3f s (%.1f MB/s)\n",
        r, suggest_s.back(), mb / suggest_s.back(), suggestions, cores, parallel_s.back(),
        mb / parallel_s.back(), grep_s.back(), mb / grep_s.back(), grep_c_s.back(),
        mb / grep_c_s.back());
  }
  fs::remove_all(dir);
  double s = median(suggest_s), p = median(parallel_s), g = median(grep_s), gc = median(grep_c_s);
  std::printf(
      "suggest_throughput reports=%zu bytes=%llu suggester_mb_s=%.1f grep_mb_s=%.1f ratio=%.2f "
      "grep_c_mb_s=%.1f ratio_c=%.2f threads=%u suggester_threads_mb_s=%.1f ratio_c_threads=%.2f\n",
      reports, static_cast<unsigned long long>(bytes), mb / s, mb / g, g / s, mb / gc, gc / s,
      cores, mb / p, gc / p);
  return 0;
}

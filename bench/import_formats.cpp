// Import time per report for each format: ~100 generated follow-up reports as .txt, .md,
// .docx and .pdf (the last two made once by LibreOffice before timing), each imported
// with extract_file and split under its headings. Prints the median of three runs in
// ms/report, and the time to import a mixed folder of the same number of reports.
//
//   sgwrs_bench_import_formats [reports=100]
//
// With SGWRS_BENCH_KEEP_MIXED=DIR the mixed folder is copied to DIR before clean-up.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "analysis/import/import.hpp"

namespace fs = std::filesystem;
using namespace sgwrs::analysis;

namespace {

// Sentences of the kind practitioners write, in English and Welsh.
const std::vector<std::string> kSentences = {
    "Practitioners said they are listening more and talking less in visits.",
    "Reflective statements are helping families open up about what matters to them.",
    "Mae'r t\u00eem yn defnyddio datganiadau myfyriol mewn ymweliadau.",
    "Caseloads remain high and there is little protected time for reflection.",
    "Recording systems and panel forms pull the conversation back to tasks.",
    "Dydy'r rheolwyr ddim bob amser yn gweld gwerth yr amser i fyfyrio.",
    "Mentors in each team would help keep the approach alive after the training.",
    "Supervision that mirrors the approach would make a real difference.",
    "Byddai amser wedi'i ddiogelu i fyfyrio gyda'n gilydd yn gwneud gwahaniaeth.",
    "Leaders need to model the approach and protect time for it.",
    "Workers feel exhausted and find it hard to switch off at the end of the day.",
    "Partners in health and housing are not yet part of the conversation.",
    "Mae angen i arweinwyr ddeall bod hyn yn cymryd amser a chefnogaeth.",
    "People tell us they feel heard, and meetings have changed in tone.",
};

const std::vector<std::vector<std::string>> kHeadings = {
    {"What is working well?", "Beth sy'n gweithio'n dda?"},
    {"What gets in the way?", "Beth sy'n rhwystro?"},
    {"What would make a difference?", "Beth fyddai'n gwneud gwahaniaeth?"},
    {"What leaders need to understand", "Beth mae angen i arweinwyr ei ddeall?"}};

// A report of about 500 words: a title, then the four headings with a few paragraphs each.
// `markdown` adds "##" headings and some emphasis.
std::string make_report(int n, bool markdown) {
  std::mt19937 rng(static_cast<unsigned>(n));
  const bool welsh = n % 4 == 0;
  std::string out =
      std::string(markdown ? "# " : "") + "Follow-up report " + std::to_string(n) + "\n\n";
  for (const auto& heading : kHeadings) {
    out += (markdown ? "## " : "") + heading[welsh ? 1 : 0] + "\n";
    for (int p = 0; p < 3; ++p) {
      for (int s = 0; s < 3; ++s) {
        std::string sentence = kSentences[rng() % kSentences.size()];
        if (markdown && s == 1) sentence = "**" + sentence + "**";
        out += sentence + " ";
      }
      out.back() = '\n';
    }
    out += "\n";
  }
  return out;
}

bool soffice(const std::vector<fs::path>& inputs, const char* target, const fs::path& out_dir,
             const fs::path& profile) {
  std::string cmd = "soffice -env:UserInstallation=file://" + profile.string() +
                    " --headless --infilter=\"Text (encoded):UTF8,LF,,\" --convert-to " + target +
                    " --outdir '" + out_dir.string() + "'";
  for (const auto& in : inputs) cmd += " '" + in.string() + "'";
  cmd += " >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
  silence_pdf_library_messages();

  std::string pattern = (fs::temp_directory_path() / "sgwrs-bench-import-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return 1;
  const fs::path root = pattern;
  const fs::path txt_dir = root / "txt", md_dir = root / "md", docx_dir = root / "docx",
                 pdf_dir = root / "pdf", mixed_dir = root / "mixed";
  for (const auto& d : {txt_dir, md_dir, docx_dir, pdf_dir, mixed_dir}) fs::create_directory(d);

  std::vector<fs::path> txt_files;
  std::size_t bytes = 0;
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "report-%03d", i);
    const std::string text = make_report(i, false), md = make_report(i, true);
    bytes += text.size();
    std::ofstream(txt_dir / (std::string(name) + ".txt"), std::ios::binary) << text;
    std::ofstream(md_dir / (std::string(name) + ".md"), std::ios::binary) << md;
    txt_files.push_back(txt_dir / (std::string(name) + ".txt"));
  }
  std::printf(
      "generating %d reports (%.1f KB of text each) as .docx and .pdf with LibreOffice...\n", count,
      bytes / 1024.0 / count);
  std::fflush(stdout);
  if (!soffice(txt_files, "docx", docx_dir, root / "profile") ||
      !soffice(txt_files, "pdf", pdf_dir, root / "profile")) {
    std::fprintf(stderr, "soffice failed; is LibreOffice installed?\n");
    fs::remove_all(root);
    return 1;
  }

  std::printf("%-6s %12s %14s\n", "format", "ms/report", "median of 3");
  for (const auto& [format, dir] : {std::pair{"txt", txt_dir}, std::pair{"md", md_dir},
                                    std::pair{"docx", docx_dir}, std::pair{"pdf", pdf_dir}}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<double> runs;
    std::size_t failures = 0, sections = 0;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      for (const auto& f : files) {
        ExtractResult r = extract_file(f, {});
        if (auto* text = std::get_if<ExtractedText>(&r)) {
          sections += split_headings(std::move(text->text)).sections.size();
        } else {
          ++failures;
        }
      }
      const std::chrono::duration<double, std::milli> took =
          std::chrono::steady_clock::now() - start;
      runs.push_back(took.count() / static_cast<double>(files.size()));
    }
    std::printf("%-6s %12.3f   (%zu files, %zu failed, %zu sections)\n", format, median(runs),
                files.size(), failures / 3, sections / 3);
  }

  // A mixed folder: the same number of reports, a quarter in each format.
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "report-%03d", i);
    const fs::path from[] = {
        txt_dir / (std::string(name) + ".txt"), md_dir / (std::string(name) + ".md"),
        docx_dir / (std::string(name) + ".docx"), pdf_dir / (std::string(name) + ".pdf")};
    const fs::path& f = from[i % 4];
    fs::copy_file(f, mixed_dir / f.filename());
  }
  std::vector<double> runs;
  std::size_t imported = 0;
  for (int run = 0; run < 3; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const FolderImport result = import_folder(mixed_dir, {});
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    runs.push_back(took.count());
    imported = result.reports.size();
  }
  std::printf("mixed folder of %d reports (import_folder): %.1f ms in all, %zu imported\n", count,
              median(runs), imported);
  // bench/run times `sgwrs analyse` on the same mixed folder: keep a copy where it asks.
  if (const char* keep = std::getenv("SGWRS_BENCH_KEEP_MIXED"); keep && *keep)
    fs::copy(mixed_dir, keep, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  fs::remove_all(root);
  return 0;
}

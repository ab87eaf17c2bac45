// Checks the invariants of the demo corpus of follow-up reports and prints what it holds:
// reports per year, organisation, language and service area, codings per coder, theme
// frequency and how often the two coders agree. Exits non-zero if any invariant fails.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cli/analysis/demo_reports.hpp"

namespace {

using sgwrs::cli::DemoReport;

int failures = 0;

void fail(const std::string& where, const std::string& what) {
  if (++failures <= 40) std::printf("FAIL %s: %s\n", where.c_str(), what.c_str());
}

constexpr std::array<std::string_view, 20> kThemes = {"listening-and-reflection",
                                                      "personal-outcomes",
                                                      "strengths-and-resources",
                                                      "right-support",
                                                      "engagement-and-trust",
                                                      "reflective-practice",
                                                      "mentoring",
                                                      "supervision",
                                                      "leadership",
                                                      "worker-satisfaction",
                                                      "time-and-capacity",
                                                      "risk-and-control",
                                                      "office-culture",
                                                      "initiative-overload",
                                                      "integration-with-partners",
                                                      "systems-and-processes",
                                                      "burnout-and-wellbeing",
                                                      "psychological-safety",
                                                      "training-coverage",
                                                      "poverty-and-context"};

constexpr std::array<std::string_view, 6> kAreas = {
    "childrens_services", "adult_social_care", "housing",
    "hospital_discharge", "community",         "integrated_front_door"};

// Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr unsigned kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool is_nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  const bool ok = nfc->isNormalized(icu::UnicodeString::fromUTF8(s), status);
  return U_SUCCESS(status) && ok;
}

bool valid_date(const std::string& d) {
  int y = 0, m = 0, day = 0;
  char tail = 0;
  if (d.size() != 10 || std::sscanf(d.c_str(), "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3)
    return false;
  if (d[4] != '-' || d[7] != '-') return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 2025 || y > 2026 || m < 1 || m > 12 || day < 1 || day > kDays[m - 1]) return false;
  return d <= "2026-11-22";  // the demo is set in late 2026: no reports from the future
}

// Which of the four headings a line is, or -1. Accepts the wordings the corpus uses, after
// dropping markdown hashes, numbering, trailing ':'/'?', case and typographic apostrophes.
int heading_of(std::string line) {
  for (std::size_t p; (p = line.find("\xE2\x80\x99")) != std::string::npos;)
    line.replace(p, 3, "'");
  while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.erase(0, 1);
  if (line.size() > 3 && std::isdigit(static_cast<unsigned char>(line[0])) && line[1] == '.' &&
      line[2] == ' ')
    line.erase(0, 3);
  while (!line.empty() && (line.back() == ':' || line.back() == '?' || line.back() == ' '))
    line.pop_back();
  for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::vector<std::vector<std::string>> kVariants = {
      {"what is working well", "what's working well", "working well", "what works well",
       "beth sy'n gweithio'n dda"},
      {"what gets in the way", "barriers", "beth sy'n rhwystro", "beth sy'n ein rhwystro"},
      {"what would make a difference", "what would make the difference",
       "beth fyddai'n gwneud gwahaniaeth"},
      {"what leaders need to understand", "what do leaders need to understand",
       "what we need leaders to understand", "beth mae angen i arweinwyr ei ddeall",
       "beth sydd angen i arweinwyr ei ddeall"}};
  for (int h = 0; h < 4; ++h)
    for (const auto& v : kVariants[h])
      if (line == v) return h;
  return -1;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

void check_text(const DemoReport& r) {
  const std::string& w = r.file_name;
  if (!valid_utf8(r.text)) return fail(w, "text is not valid UTF-8");
  if (!is_nfc(r.text)) fail(w, "text is not NFC");
  if (r.text.find('\r') != std::string::npos) fail(w, "text has carriage returns");
  // The four headings, once each, in order; 2..6 non-empty lines (points) under each.
  int expected = 0;
  int items = -1;
  bool seen_text_before = false;
  for (const std::string& line : lines_of(r.text)) {
    const int h = heading_of(line);
    if (h >= 0) {
      if (h != expected) fail(w, "heading out of order: " + line);
      if (items >= 0 && (items < 2 || items > 6))
        fail(w, "heading has " + std::to_string(items) + " points before: " + line);
      ++expected;
      items = 0;
    } else if (!line.empty()) {
      if (items < 0) {
        if (seen_text_before) fail(w, "more than one preamble line");
        seen_text_before = true;
      } else {
        ++items;
      }
    }
  }
  if (expected != 4) fail(w, "found " + std::to_string(expected) + " of the four headings");
  if (items < 2 || items > 6) fail(w, "last heading has " + std::to_string(items) + " points");
}

}  // namespace

int main() {
  const auto& reports = sgwrs::cli::demo_reports();
  if (&reports != &sgwrs::cli::demo_reports()) fail("corpus", "not built once");

  std::set<std::string> file_names;
  std::map<std::string, int> per_year, per_org, per_lang, per_area, codings_per_coder;
  std::map<std::string, int> reports_per_coder, memos;
  std::map<std::string, std::array<int, 2>> theme_codings;                    // by year, coder-a
  std::map<std::string, std::array<std::set<std::size_t>, 2>> theme_reports;  // coder-a
  std::map<std::string, std::set<std::string>> org_areas;
  int both_coders = 0, segments_compared = 0, segments_agreed = 0, themes_agreed = 0,
      themes_union = 0;

  for (std::size_t i = 0; i < reports.size(); ++i) {
    const DemoReport& r = reports[i];
    const std::string& w = r.file_name.empty() ? "report " + std::to_string(i) : r.file_name;
    if (!file_names.insert(r.file_name).second) fail(w, "duplicate file name");
    if (!r.file_name.ends_with(".txt") && !r.file_name.ends_with(".md"))
      fail(w, "file name is not .txt or .md");
    if (r.organisation_ons.size() != 9 || !r.organisation_ons.starts_with("W"))
      fail(w, "bad ONS code " + r.organisation_ons);
    if (r.organisation_name.empty()) fail(w, "no organisation name");
    if (std::find(kAreas.begin(), kAreas.end(), r.service_area) == kAreas.end())
      fail(w, "unknown service area " + r.service_area);
    if (!valid_date(r.date)) fail(w, "bad date " + r.date);
    if (i > 0 && r.date < reports[i - 1].date) fail(w, "not in date order");
    if (r.group_size < 6 || r.group_size > 14) fail(w, "group size out of range");
    if (r.language != "en" && r.language != "cy") fail(w, "bad language " + r.language);
    if (r.language == "cy" && r.text.find("What ") != std::string::npos)
      fail(w, "Welsh report has English headings");
    check_text(r);

    ++per_year[r.date.substr(0, 4)];
    ++per_org[r.organisation_name + " (" + r.organisation_ons + ")"];
    ++per_lang[r.language];
    ++per_area[r.service_area];
    org_areas[r.organisation_name].insert(r.service_area);
    const int y = r.date.starts_with("2025") ? 0 : 1;

    // Codings: valid coder and theme, quote an exact substring of the text, 3..10 coded
    // passages per coder.
    std::map<std::string, std::map<std::string, std::set<std::string>>> by_coder;
    for (const auto& c : r.codings) {
      if (c.coder != "coder-a" && c.coder != "coder-b") fail(w, "unknown coder " + c.coder);
      if (std::find(kThemes.begin(), kThemes.end(), c.theme_id) == kThemes.end())
        fail(w, "unknown theme " + c.theme_id);
      if (c.quote.empty() || r.text.find(c.quote) == std::string::npos)
        fail(w, "quote not in text: " + c.quote);
      else if (r.text.find(c.quote) != r.text.rfind(c.quote))
        fail(w, "quote occurs more than once, so its place is ambiguous: " + c.quote);
      if (c.quote.find('\n') != std::string::npos) fail(w, "quote spans lines: " + c.quote);
      if (c.memo.size() > 120 || !valid_utf8(c.memo)) fail(w, "memo too long or not UTF-8");
      if (!by_coder[c.coder][c.quote].insert(c.theme_id).second)
        fail(w, c.coder + " coded the same passage to the same theme twice");
      ++codings_per_coder[c.coder];
      if (!c.memo.empty()) ++memos[c.coder];
      if (c.coder == "coder-a") {
        ++theme_codings[c.theme_id][y];
        theme_reports[c.theme_id][y].insert(i);
      }
    }
    for (const auto& [coder, passages] : by_coder) {
      ++reports_per_coder[coder];
      if (passages.size() < 3 || passages.size() > 10)
        fail(w, coder + " coded " + std::to_string(passages.size()) + " passages");
    }
    // Agreement on the passages either coder touched (text neither touched is excluded).
    if (by_coder.count("coder-a") && by_coder.count("coder-b")) {
      ++both_coders;
      std::set<std::string> passages;
      for (const auto& [q, t] : by_coder["coder-a"]) passages.insert(q);
      for (const auto& [q, t] : by_coder["coder-b"]) passages.insert(q);
      for (const auto& q : passages) {
        const auto& a = by_coder["coder-a"][q];
        const auto& b = by_coder["coder-b"][q];
        ++segments_compared;
        if (a == b) ++segments_agreed;
        std::set<std::string> both(a.begin(), a.end());
        both.insert(b.begin(), b.end());
        themes_union += static_cast<int>(both.size());
        for (const auto& t : a) themes_agreed += static_cast<int>(b.count(t));
      }
    }
  }

  const int n = static_cast<int>(reports.size());
  if (n < 50 || n > 75) fail("corpus", "expected about 60 reports, got " + std::to_string(n));
  if (per_year["2025"] < 20 || per_year["2026"] < 20) fail("corpus", "both years need reports");
  if (per_org.size() < 5) fail("corpus", "fewer than five organisations");
  for (auto a : kAreas)
    if (!per_area.count(std::string(a))) fail("corpus", "no report from " + std::string(a));
  if (per_lang["cy"] < 8) fail("corpus", "fewer than eight Welsh reports");
  for (auto t : kThemes)
    if (!theme_codings.count(std::string(t)))
      fail("corpus", "theme never coded: " + std::string(t));
  if (reports_per_coder["coder-a"] < n * 2 / 5 || reports_per_coder["coder-a"] > n * 3 / 5)
    fail("corpus", "coder-a should code about half the reports");
  if (reports_per_coder["coder-b"] < n / 4 || reports_per_coder["coder-b"] > n * 2 / 5)
    fail("corpus", "coder-b should code about a third of the reports");
  if (both_coders < n / 4) fail("corpus", "too few reports coded by both coders");
  const double agreement = segments_compared ? 100.0 * segments_agreed / segments_compared : 0;
  if (agreement < 60 || agreement > 95)
    fail("corpus", "coders should agree most of the time, but not always");

  std::printf("reports: %d\n", n);
  std::printf("\nper year:\n");
  for (const auto& [k, v] : per_year) std::printf("  %-6s %3d\n", k.c_str(), v);
  std::printf("\nper organisation:\n");
  for (const auto& [k, v] : per_org) std::printf("  %-55s %3d\n", k.c_str(), v);
  std::printf("\nper language:\n");
  for (const auto& [k, v] : per_lang) std::printf("  %-6s %3d\n", k.c_str(), v);
  std::printf("\nper service area:\n");
  for (const auto& [k, v] : per_area) std::printf("  %-24s %3d\n", k.c_str(), v);
  std::printf("\ncodings per coder (reports coded, memos):\n");
  for (const auto& [k, v] : codings_per_coder)
    std::printf("  %-8s %4d codings  %2d reports  %2d memos\n", k.c_str(), v, reports_per_coder[k],
                memos[k]);
  std::printf(
      "\nreports coded by both coders: %d; passages compared: %d; identical theme sets: "
      "%.1f%%; theme-level overlap (Jaccard): %.1f%%\n",
      both_coders, segments_compared, agreement,
      themes_union ? 100.0 * themes_agreed / themes_union : 0.0);
  std::printf(
      "\ntheme frequency, coder-a (codings 2025/2026; share of coder-a's reports 2025/2026):\n");
  std::array<int, 2> coded_reports{};
  for (std::size_t i = 0; i < reports.size(); ++i)
    for (const auto& c : reports[i].codings)
      if (c.coder == "coder-a") {
        ++coded_reports[reports[i].date.starts_with("2025") ? 0 : 1];
        break;
      }
  for (auto t : kThemes) {
    const auto& c = theme_codings[std::string(t)];
    const auto& r = theme_reports[std::string(t)];
    std::printf("  %-26s %3d / %3d   %3.0f%% / %3.0f%%\n", std::string(t).c_str(), c[0], c[1],
                100.0 * r[0].size() / std::max(1, coded_reports[0]),
                100.0 * r[1].size() / std::max(1, coded_reports[1]));
  }
  std::printf("\n%s (%d failure%s)\n", failures ? "FAILED" : "all invariants hold", failures,
              failures == 1 ? "" : "s");
  return failures ? 1 : 0;
}

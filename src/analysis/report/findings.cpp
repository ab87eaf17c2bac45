#include "analysis/report/findings.hpp"

#include "domain/core/html.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

std::string_view heading_label(Heading h, Language lang) {
  switch (h) {
    case Heading::working_well:
      return lang == Language::cy ? "Beth sy’n gweithio’n dda" : "What is working well";
    case Heading::getting_in_the_way:
      return lang == Language::cy ? "Beth sy’n rhwystro" : "What gets in the way";
    case Heading::make_a_difference:
      return lang == Language::cy ? "Beth fyddai’n gwneud gwahaniaeth"
                                  : "What would make a difference";
    case Heading::leaders_understand:
      return lang == Language::cy ? "Beth mae angen i arweinwyr ei ddeall"
                                  : "What leaders need to understand";
    case Heading::other:
      break;
  }
  return lang == Language::cy ? "Arall" : "Other";
}

ThemeSummary summarise_theme(const std::vector<ReportFacts>& reports, const std::string& theme_id,
                             std::optional<int> year) {
  ThemeSummary s;
  std::map<std::string, std::size_t> by_heading;
  std::optional<int> previous_year;
  for (const ReportFacts& r : reports) {
    if (year && r.year < *year && (!previous_year || r.year > *previous_year))
      previous_year = r.year;
    if (year && r.year != *year) continue;
    ++s.reports_total;
    bool raised = false;
    for (const auto& [heading, themes] : r.themes_by_heading)
      if (themes.count(theme_id)) {
        raised = true;
        ++by_heading[heading];
      }
    if (raised) ++s.reports_with_theme;
  }

  // The heading raising it in most reports; ties go to the one written first. Text under
  // no heading is not a place worth naming.
  std::size_t best = 0;
  for (Heading h : {Heading::working_well, Heading::getting_in_the_way, Heading::make_a_difference,
                    Heading::leaders_understand}) {
    auto it = by_heading.find(std::string(heading_id(h)));
    if (it != by_heading.end() && it->second > best) {
      best = it->second;
      s.top_heading = std::string(heading_id(h));
    }
  }

  if (previous_year) {
    std::size_t with = 0, total = 0;
    for (const ReportFacts& r : reports) {
      if (r.year != *previous_year) continue;
      ++total;
      for (const auto& [heading, themes] : r.themes_by_heading)
        if (themes.count(theme_id)) {
          ++with;
          break;
        }
    }
    s.previous = ThemeSummary::Previous{*previous_year,
                                        static_cast<double>(with) / static_cast<double>(total)};
  }
  return s;
}

namespace {

long rounded_percent(double share) {
  return static_cast<long>(std::floor(share * 100.0 + 0.5));
}

}  // namespace

std::string what_the_data_shows_sentence(const ThemeSummary& s, Language lang) {
  if (s.reports_total == 0)
    return lang == Language::cy ? "Dim adroddiadau i’w cyfrif eto." : "No reports to count yet.";
  const double share =
      static_cast<double>(s.reports_with_theme) / static_cast<double>(s.reports_total);
  const long percent = rounded_percent(share);
  std::string out;
  // "Thema" is feminine in Welsh, hence the aspirate mutation in "wedi'i chodi".
  if (s.reports_with_theme == 0) {
    out = lang == Language::cy
              ? fmt::format("Heb ei chodi yn yr un o’r {} adroddiad", s.reports_total)
              : fmt::format("Not raised in any of the {} report{}", s.reports_total,
                            s.reports_total == 1 ? "" : "s");
  } else {
    out = lang == Language::cy
              ? fmt::format("Wedi’i chodi mewn {} o’r {} adroddiad ({}%)", s.reports_with_theme,
                            s.reports_total, percent)
              : fmt::format("Raised in {} of {} report{} ({}%)", s.reports_with_theme,
                            s.reports_total, s.reports_total == 1 ? "" : "s", percent);
    if (s.top_heading) {
      if (auto h = parse_heading_id(*s.top_heading))
        out += fmt::format(fmt::runtime(lang == Language::cy ? ", yn amlaf o dan ‘{}’"
                                                             : ", most often under ‘{}’"),
                           heading_label(*h, lang));
    }
  }
  if (s.previous) {
    const long before = rounded_percent(s.previous->share);
    if (percent > before)
      out += fmt::format(
          fmt::runtime(lang == Language::cy ? "; i fyny o {}% yn {}" : "; up from {}% in {}"),
          before, s.previous->year);
    else if (percent < before)
      out += fmt::format(
          fmt::runtime(lang == Language::cy ? "; i lawr o {}% yn {}" : "; down from {}% in {}"),
          before, s.previous->year);
    else
      out += fmt::format(
          fmt::runtime(lang == Language::cy ? "; yr un fath ag yn {}" : "; the same as in {}"),
          s.previous->year);
  }
  out += ".";
  return out;
}

std::vector<Finding> draft_findings(
    const std::vector<ReportFacts>& reports, const std::vector<std::string>& themes,
    const std::map<std::string, std::string>& theme_names,
    const std::map<std::string, std::vector<Quote>>& quotes_by_theme, std::optional<int> year,
    Language lang, std::size_t max_quotes) {
  struct Ranked {
    Finding finding;
    std::size_t with = 0;
  };
  std::vector<Ranked> ranked;
  for (const std::string& theme : themes) {
    const ThemeSummary s = summarise_theme(reports, theme, year);
    if (s.reports_with_theme == 0) continue;
    Finding f;
    f.theme_id = theme;
    auto name = theme_names.find(theme);
    f.theme_name = name != theme_names.end() ? name->second : theme;
    f.what_the_data_shows = what_the_data_shows_sentence(s, lang);
    if (auto q = quotes_by_theme.find(theme); q != quotes_by_theme.end())
      for (std::size_t i = 0; i < q->second.size() && i < max_quotes; ++i)
        f.quotes.push_back(q->second[i]);
    ranked.push_back({std::move(f), s.reports_with_theme});
  }
  // Every theme shares one denominator, so the count orders them by prevalence.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.with > b.with; });
  std::vector<Finding> out;
  for (Ranked& r : ranked) out.push_back(std::move(r.finding));
  return out;
}

namespace {

std::string attribution(const Quote& q) {
  std::vector<std::string> parts;
  if (!q.organisation.empty()) parts.push_back(q.organisation);
  if (!q.service_area.empty()) parts.push_back(q.service_area);
  if (q.year != 0) parts.push_back(std::to_string(q.year));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// Escapes text for a GFM table cell: characters that start Markdown syntax are
// backslash-escaped, HTML-significant ones become entities (renderers pass raw HTML
// through), and line breaks become spaces so a row stays on one line.
std::string markdown_cell(std::string_view raw) {
  const std::string text = to_valid_utf8(raw);
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\r':
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct Labels {
  std::string_view title, theme, shows, why;
};

Labels labels(Language lang) {
  if (lang == Language::cy)
    return {"Prif ganfyddiadau", "Thema", "Beth mae’r data’n ei ddangos", "Pam mae’n bwysig"};
  return {"Headline findings", "Theme", "What the data shows", "Why it matters"};
}

}  // namespace

std::string findings_markdown(const std::vector<Finding>& findings, Language lang,
                              const std::vector<std::string>& notes) {
  const Labels l = labels(lang);
  std::string out;
  for (const std::string& note : notes) out += markdown_cell(note) + "\n\n";
  out += fmt::format("## {}\n\n| {} | {} | {} |\n| --- | --- | --- |\n", l.title, l.theme, l.shows,
                     l.why);
  for (const Finding& f : findings) {
    std::string shows = markdown_cell(f.what_the_data_shows);
    for (const Quote& q : f.quotes) {
      shows += "<br>“" + markdown_cell(q.text) + "”";
      const std::string who = attribution(q);
      if (!who.empty()) shows += " — " + markdown_cell(who);
    }
    out += fmt::format("| {} | {} | {} |\n", markdown_cell(f.theme_name), shows,
                       markdown_cell(f.why_it_matters));
  }
  return out;
}

std::string findings_html(const std::vector<Finding>& findings, Language lang,
                          const std::vector<std::string>& notes) {
  const Labels l = labels(lang);
  std::string out;
  for (const std::string& note : notes)
    out += "<p class=\"govuk-body\">" + html_escaped(note) + "</p>\n";
  out += "<table class=\"govuk-table\">\n";
  out +=
      fmt::format("<caption class=\"govuk-table__caption govuk-table__caption--m\">{}</caption>\n",
                  html_escaped(l.title));
  out += "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (std::string_view h : {l.theme, l.shows, l.why})
    out += fmt::format("<th scope=\"col\" class=\"govuk-table__header\">{}</th>", html_escaped(h));
  out += "</tr></thead>\n<tbody class=\"govuk-table__body\">\n";
  for (const Finding& f : findings) {
    out += "<tr class=\"govuk-table__row\">";
    out += fmt::format("<th scope=\"row\" class=\"govuk-table__header\">{}</th>",
                       html_escaped(f.theme_name));
    out += fmt::format("<td class=\"govuk-table__cell\"><p class=\"govuk-body\">{}</p>",
                       html_escaped(f.what_the_data_shows));
    if (!f.quotes.empty()) {
      out += "<ul class=\"govuk-list\">";
      for (const Quote& q : f.quotes) {
        out += "<li><q>" + html_escaped(q.text) + "</q>";
        const std::string who = attribution(q);
        if (!who.empty()) out += " — " + html_escaped(who);
        out += "</li>";
      }
      out += "</ul>";
    }
    out += "</td>";
    out += fmt::format("<td class=\"govuk-table__cell\">{}</td></tr>\n",
                       html_escaped(f.why_it_matters));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

}  // namespace sgwrs::analysis

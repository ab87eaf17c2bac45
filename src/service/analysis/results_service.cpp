#include "service/analysis/results_service.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analysis/report/csv.hpp"
#include "analysis/report/guid.hpp"
#include "analysis/report/left_out.hpp"
#include "analysis/report/matrix_tables.hpp"
#include "analysis/report/qdpx.hpp"
#include "analysis/report/quote_ranking.hpp"
#include "analysis/report/quote_spread.hpp"
#include "analysis/report/xlsx.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/suggester.hpp"
#include "domain/core/validation.hpp"
#include "domain/organisation/roles.hpp"
#include "service/core/crypto.hpp"
#include "store/analysis/codebook_store.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/finding_store.hpp"
#include "store/analysis/quote_choice_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"
#include "store/core/db.hpp"

namespace sgwrs {
namespace bj = boost::json;
using analysis::Dimension;

// Everything the analysis reads, loaded in one read transaction.
struct AnalysisResultsService::Data {
  std::vector<FollowupReport> reports;               // metadata only
  std::vector<std::pair<Id, std::string>> headings;  // (report, heading with text)
  std::vector<Coding> codings;                       // for the view asked for
  std::vector<std::string> themes;                   // the codebook's theme ids, in order
  analysis::ThemeLineage lineage;
  // A pending suggestion in the suggested view (index into `codings` -> what made it).
  struct Suggested {
    Id id = 0;
    int score_permille = 0;
    std::string evidence_json;
    std::string model;  // the model that made it ("indicators", "learned-v3")
  };
  std::map<std::size_t, Suggested> suggested;
  // Derived once from `reports` (pointers into it; a moved vector keeps its elements).
  std::map<Id, const FollowupReport*> by_id;
  // Reports no count may include (left_out.hpp): no quote, coding or source from them either,
  // as each names its organisation and could be counted.
  std::set<Id> left_out;

  void index(const analysis::SuppressionRule& rule) {
    for (const auto& r : reports) by_id[r.id] = &r;
    left_out = analysis::left_out_reports(facts(), rule);
  }
  bool is_left_out(Id report) const { return left_out.count(report) > 0; }

  std::vector<analysis::ReportFacts> facts() const {
    std::map<Id, analysis::ReportFacts> by_id;
    for (const auto& r : reports)
      by_id[r.id] = {r.id, r.organisation_name, r.service_area, r.year, {}};
    for (const auto& [id, h] : headings)
      if (auto it = by_id.find(id); it != by_id.end()) it->second.themes_by_heading[h];
    for (const auto& k : codings)
      if (auto it = by_id.find(k.report_id); it != by_id.end())
        it->second.themes_by_heading[k.heading].insert(k.theme_id);
    std::vector<analysis::ReportFacts> out;
    out.reserve(by_id.size());
    for (auto& [_, f] : by_id) out.push_back(std::move(f));
    return out;
  }
};

namespace {

std::string column_of(const FollowupReport& r, const std::string& heading, Dimension by) {
  switch (by) {
    case Dimension::organisation:
      return r.organisation_name;
    case Dimension::service_area:
      return r.service_area;
    case Dimension::year:
      return std::to_string(r.year);
    case Dimension::heading:
      return heading;
  }
  return "";
}

std::string iso_time(std::int64_t t) {
  const std::time_t tt = t;
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string read_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::filesystem::remove(path);
  return ss.str();
}

// Sentence segments of a report, for agreement and evaluation.
struct Sentence {
  Id report_id;
  std::int64_t start, end;
};

bool overlaps(std::int64_t a0, std::int64_t a1, std::int64_t b0, std::int64_t b1) {
  return a0 < b1 && b0 < a1;
}

}  // namespace

AnalysisResultsService::Data AnalysisResultsService::load(CodingView view) {
  auto cb = analysis_.current_codebook();
  auto loaded = db_.transact(store::TxMode::read, [&](store::Conn& c) {
    Data d;
    d.reports = store::analysis::all_report_metadata(c);
    d.headings = store::analysis::headings_with_text(c);
    d.codings = store::analysis::all_codings(c);
    if (view == CodingView::suggested)
      for (const auto& s : store::analysis::suggestions_with_status(c, SuggestionStatus::pending)) {
        Coding k;
        k.report_id = s.report_id;
        k.theme_id = s.theme_id;
        k.start = s.start;
        k.end = s.end;
        k.heading = s.heading;
        k.origin = CodingOrigin::pending;
        d.suggested[d.codings.size()] = {s.id, s.score_permille, s.evidence_json, s.model};
        d.codings.push_back(std::move(k));
      }
    for (const auto& t : cb->themes) {
      d.themes.push_back(t.id);
      for (const auto& old : t.replaces) d.lineage[old] = t.id;
    }
    return d;
  });
  loaded.index(rule_);
  return loaded;
}

Result<analysis::Matrix> AnalysisResultsService::matrix(const Actor& a, Dimension by,
                                                        CodingView view) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto d = load(view);
  return analysis::prevalence(d.facts(), by, d.themes, rule_, d.lineage);
}

Result<std::vector<QuoteRow>> AnalysisResultsService::quotes(const Actor& a,
                                                             const std::string& theme_id,
                                                             Dimension by,
                                                             const std::string& column,
                                                             CodingView view) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto d = load(view);
  const auto m = analysis::prevalence(d.facts(), by, d.themes, rule_, d.lineage);
  const auto theme = analysis::current_theme_id(theme_id, d.lineage);
  if (!column.empty()) {
    auto t = m.cells.find(theme);
    if (t == m.cells.end()) return Error::of(Errc::not_found, "not_found");
    auto cell = t->second.find(column);
    if (cell == t->second.end()) return Error::of(Errc::not_found, "not_found");
    if (cell->second.suppressed) return std::vector<QuoteRow>{};
  }
  const auto& reports = d.by_id;
  // Texts are read per report, once, for the passages that fall in the cell.
  std::vector<QuoteRow> out;
  std::map<Id, std::string> bodies;
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    for (const auto& k : d.codings) {
      if (analysis::current_theme_id(k.theme_id, d.lineage) != theme) continue;
      auto it = reports.find(k.report_id);
      if (it == reports.end()) continue;
      if (!column.empty() && column_of(*it->second, k.heading, by) != column) continue;
      if (d.is_left_out(k.report_id)) continue;
      auto& body = bodies[k.report_id];
      if (body.empty()) body = store::analysis::find_report(c, k.report_id)->body;
      out.push_back({k.report_id, it->second->title, it->second->organisation_name,
                     it->second->service_area, it->second->year, k.heading, k.theme_id,
                     code_point_slice(body, k.start, k.end), k.coder_name});
    }
  });
  return out;
}

Result<std::vector<FrameworkRow>> AnalysisResultsService::framework(const Actor& a,
                                                                    const ReportFilter& f,
                                                                    CodingView view) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto d = load(view);
  std::vector<FrameworkRow> rows;
  std::map<Id, std::size_t> index;
  for (const auto& r : d.reports) {
    if ((f.year && r.year != *f.year) ||
        (!f.organisation.empty() && r.organisation_name != f.organisation) ||
        (!f.service_area.empty() && r.service_area != current_service_kind_id(f.service_area)))
      continue;
    index[r.id] = rows.size();
    rows.push_back({r, {}});
  }
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    std::map<Id, std::string> bodies;
    for (const auto& k : d.codings) {
      auto it = index.find(k.report_id);
      if (it == index.end()) continue;
      auto& body = bodies[k.report_id];
      if (body.empty()) body = store::analysis::find_report(c, k.report_id)->body;
      rows[it->second].passages[analysis::current_theme_id(k.theme_id, d.lineage)].push_back(
          code_point_slice(body, k.start, k.end));
    }
  });
  return rows;
}

Result<AgreementReport> AnalysisResultsService::agreement(const Actor& a, Id coder_a, Id coder_b) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto d = load(CodingView::coded);
  AgreementReport out;
  // Who coded which reports (human codings only: accepted suggestions are a coder's too).
  std::map<Id, std::set<Id>> reports_by_coder;
  std::map<Id, std::string> names;
  for (const auto& k : d.codings) {
    reports_by_coder[k.coder_id].insert(k.report_id);
    names[k.coder_id] = k.coder_name;
  }
  for (const auto& [id, name] : names) out.coders.emplace_back(id, name);
  if (coder_a == 0 && coder_b == 0) {
    std::size_t best = 0;
    for (auto i = reports_by_coder.begin(); i != reports_by_coder.end(); ++i)
      for (auto j = std::next(i); j != reports_by_coder.end(); ++j) {
        std::vector<Id> common;
        std::set_intersection(i->second.begin(), i->second.end(), j->second.begin(),
                              j->second.end(), std::back_inserter(common));
        if (common.size() > best) best = common.size(), coder_a = i->first, coder_b = j->first;
      }
  }
  out.coder_a = coder_a;
  out.coder_b = coder_b;
  if (coder_a == 0 || coder_b == 0 || coder_a == coder_b) return out;
  // Compared: the sentences of reports both coders coded.
  std::vector<Id> common;
  std::set_intersection(reports_by_coder[coder_a].begin(), reports_by_coder[coder_a].end(),
                        reports_by_coder[coder_b].begin(), reports_by_coder[coder_b].end(),
                        std::back_inserter(common));
  out.reports_compared = common.size();
  std::vector<Sentence> sentences;
  std::map<Id, std::string> bodies, titles;
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    for (Id rid : common) {
      auto r = store::analysis::find_report(c, rid);
      bodies[rid] = r->body;
      titles[rid] = r->title;
      for (const auto& s : store::analysis::segments(c, rid))
        if (s.kind == SegmentKind::sentence) sentences.push_back({rid, s.start, s.end});
    }
  });
  std::vector<analysis::SegmentCoding> sc;
  std::vector<std::set<std::string>> by_a(sentences.size()), by_b(sentences.size());
  for (const auto& k : d.codings) {
    if (k.coder_id != coder_a && k.coder_id != coder_b) continue;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      const auto& s = sentences[i];
      if (s.report_id != k.report_id || !overlaps(s.start, s.end, k.start, k.end)) continue;
      const auto theme = analysis::current_theme_id(k.theme_id, d.lineage);
      const std::string coder = k.coder_id == coder_a ? "a" : "b";
      sc.push_back({i, coder, theme});
      (coder == "a" ? by_a : by_b)[i].insert(theme);
    }
  }
  out.by_theme = analysis::agreement_by_theme(sentences.size(), sc, "a", "b");
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (by_a[i] == by_b[i]) continue;
    const auto& s = sentences[i];
    out.differences.push_back({s.report_id,
                               titles[s.report_id],
                               code_point_slice(bodies[s.report_id], s.start, s.end),
                               {by_a[i].begin(), by_a[i].end()},
                               {by_b[i].begin(), by_b[i].end()}});
  }
  return out;
}

Result<QualityReport> AnalysisResultsService::evaluate(const Actor& a) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto d = load(CodingView::coded);
  QualityReport out;
  std::set<Id> coded_reports;
  for (const auto& k : d.codings)
    if (k.origin == CodingOrigin::human) coded_reports.insert(k.report_id);
  out.reports_compared = coded_reports.size();
  std::set<analysis::SegmentTheme> suggested, human;
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    std::size_t base = 0;
    for (Id rid : coded_reports) {
      std::vector<ReportSegmentRow> sentences;
      for (const auto& s : store::analysis::segments(c, rid))
        if (s.kind == SegmentKind::sentence) sentences.push_back(s);
      // Every suggestion made, whatever became of it: the question is how good they were.
      for (const auto& sg : store::analysis::suggestions_for_report(c, rid)) {
        if (sg.kind != SegmentKind::sentence) continue;
        for (std::size_t i = 0; i < sentences.size(); ++i)
          if (sentences[i].start == sg.start && sentences[i].end == sg.end)
            suggested.insert({base + i, analysis::current_theme_id(sg.theme_id, d.lineage)});
      }
      for (const auto& k : d.codings) {
        if (k.report_id != rid || k.origin != CodingOrigin::human) continue;
        for (std::size_t i = 0; i < sentences.size(); ++i)
          if (overlaps(sentences[i].start, sentences[i].end, k.start, k.end))
            human.insert({base + i, analysis::current_theme_id(k.theme_id, d.lineage)});
      }
      base += sentences.size();
    }
  });
  out.by_theme = analysis::quality_by_theme(suggested, human);
  out.overall = analysis::overall(out.by_theme);
  out.macro_f1 = analysis::macro_f1(out.by_theme);
  return out;
}

Result<std::vector<FindingRow>> AnalysisResultsService::findings(const Actor& a) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::analysis::list_findings(c); });
}

Result<bool> AnalysisResultsService::any_left_out(const Actor& a) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  return !load(CodingView::coded).left_out.empty();
}

Result<FindingRow> AnalysisResultsService::finding_for_edit(const Actor& a, Id id) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  auto rows = db_.transact(store::TxMode::read,
                           [&](store::Conn& c) { return store::analysis::list_findings(c); });
  for (auto& f : rows)
    if (f.id == id) return std::move(f);
  return Error::of(Errc::not_found, "not_found");
}

std::map<std::string, std::vector<analysis::Quote>> AnalysisResultsService::choose_quotes(
    const Data& d, std::optional<int> year, const std::vector<QuoteChoice>& choices,
    const std::optional<std::string>& only_theme) {
  // Every coded passage of a counted report in the year is a candidate for its theme, once
  // (two coders of the same words make one candidate, reviewed if either coding is).
  std::map<std::string, std::map<analysis::PassageKey, analysis::QuoteCandidate>> candidates;
  const auto score = analysis_.passage_scorer();
  db_.transact(store::TxMode::read, [&](store::Conn& c) {
    std::map<Id, FollowupReport> bodies;
    for (const auto& k : d.codings) {
      const auto theme = analysis::current_theme_id(k.theme_id, d.lineage);
      if (only_theme && theme != *only_theme) continue;
      const FollowupReport* r = d.by_id.at(k.report_id);
      if ((year && r->year != *year) || d.is_left_out(k.report_id)) continue;
      auto& candidate = candidates[theme][{k.report_id, k.start, k.end}];
      const bool reviewed = k.origin != CodingOrigin::pending;
      if (!candidate.text.empty()) {
        candidate.reviewed = candidate.reviewed || reviewed;
        continue;
      }
      auto body = bodies.find(k.report_id);
      if (body == bodies.end())
        body = bodies.emplace(k.report_id, *store::analysis::find_report(c, k.report_id)).first;
      const FollowupReport& full = body->second;
      const auto scored =
          score(full.body, full.language == "cy" ? Language::cy : Language::en, k.start, k.end);
      candidate = {k.report_id,
                   k.start,
                   k.end,
                   code_point_slice(full.body, k.start, k.end),
                   r->organisation_name,
                   r->service_area,
                   r->year,
                   reviewed,
                   scored.sentences,
                   scored.by_theme};
    }
  });
  std::map<std::string, std::set<analysis::PassageKey>> pinned, set_aside;
  for (const auto& q : choices)
    (q.choice == QuoteChoiceKind::pinned ? pinned : set_aside)[q.theme_id].insert(
        {q.report_id, q.start, q.end});
  std::map<std::string, std::vector<analysis::Quote>> out;
  for (auto& [theme, by_passage] : candidates) {
    std::vector<analysis::QuoteCandidate> list;
    for (auto& [_, cand] : by_passage) list.push_back(std::move(cand));
    const auto ranked = analysis::rank_quote_candidates(std::move(list), theme);
    // Left-out reports were never candidates; d.left_out is passed too, so the rule holds
    // in the one function that chooses.
    for (const auto& q :
         analysis::spread_quotes(ranked, theme, pinned[theme], set_aside[theme], d.left_out))
      out[theme].push_back({q.candidate.text, q.candidate.organisation, q.candidate.service_area,
                            q.candidate.year, q.candidate.report_id, q.candidate.start,
                            q.candidate.end, q.pinned});
  }
  return out;
}

std::vector<QuoteChoice> AnalysisResultsService::current_choices() {
  const int version = analysis_.codebook_version();
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::analysis::quote_choices(c, version); });
}

std::vector<analysis::Finding> AnalysisResultsService::compute_draft(std::optional<int> year,
                                                                     Language lang,
                                                                     CodingView view) {
  const auto d = load(view);
  const auto names = analysis_.theme_names(lang);
  const auto quotes = choose_quotes(d, year, current_choices());
  const auto facts =
      analysis::apply_lineage(analysis::counted_reports(d.facts(), rule_), d.lineage);
  return analysis::draft_findings(facts, d.themes, names, quotes, year, lang);
}

namespace {

// A finding's quotes as stored: the words and where they come from, and the passage they
// are (report and span), so they can be swapped or pinned.
std::string quotes_json(const std::vector<analysis::Quote>& quotes) {
  bj::array qs;
  for (const auto& q : quotes)
    qs.push_back(bj::object{{"text", q.text},
                            {"organisation", q.organisation},
                            {"service_area", q.service_area},
                            {"year", q.year},
                            {"report_id", q.report_id},
                            {"start", q.start},
                            {"end", q.end},
                            {"pinned", q.pinned}});
  return bj::serialize(qs);
}

// The stored quotes read back. Findings drafted before quotes named their passage have
// report_id 0: they can be shown but not swapped or pinned until drafted again.
std::vector<analysis::Quote> stored_quotes(const std::string& json) {
  std::vector<analysis::Quote> out;
  const auto parsed = bj::parse(json);
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    analysis::Quote q{std::string(o.at("text").as_string()),
                      std::string(o.at("organisation").as_string()),
                      current_service_kind_id(o.at("service_area").as_string()),
                      static_cast<int>(o.at("year").to_number<std::int64_t>()),
                      0,
                      0,
                      0,
                      false};
    if (const auto* id = o.if_contains("report_id")) {
      q.report_id = id->to_number<std::int64_t>();
      q.start = o.at("start").to_number<std::int64_t>();
      q.end = o.at("end").to_number<std::int64_t>();
      q.pinned = o.at("pinned").as_bool();
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

Result<std::vector<FindingRow>> AnalysisResultsService::draft_findings(const Actor& a,
                                                                       std::optional<int> year,
                                                                       Language lang) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  const auto drafted = compute_draft(year, lang, CodingView::coded);
  std::vector<FindingRow> rows;
  int ordinal = 0;
  for (const auto& f : drafted) {
    rows.push_back({0, f.theme_id, ordinal++, f.what_the_data_shows, f.why_it_matters,
                    quotes_json(f.quotes), 1, year});
  }
  return db_.transact(store::TxMode::write, [&](store::Conn& c) {
    store::analysis::replace_findings(c, rows, a.user.id, clock_());
    audit_.record(c, {a.user.id,
                      "findings.draft",
                      "ok",
                      "findings",
                      "",
                      {{"year", year ? std::to_string(*year) : "all"}},
                      a.address});
    return store::analysis::list_findings(c);
  });
}

Result<FindingRow> AnalysisResultsService::update_finding(const Actor& a, const FindingRow& f) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  FindingRow clean = f;
  Validator v;
  v.text("what_data_shows", clean.what_data_shows, 1, 2000);
  v.text("why_it_matters", clean.why_it_matters, 0, 4000);
  if (!v.ok()) return v.status().error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<FindingRow> {
    auto r = store::analysis::update_finding(c, clean, a.user.id, clock_());
    if (r)
      audit_.record(c, {a.user.id,
                        "findings.update",
                        "ok",
                        "finding",
                        std::to_string(f.id),
                        {{"theme", r->theme_id}},
                        a.address});
    return r;
  });
}

Result<FindingRow> AnalysisResultsService::swap_quote(const Actor& a, Id finding,
                                                      std::size_t position, std::int64_t version) {
  return choose_quote(a, finding, position, version, QuoteAction::swap);
}

Result<FindingRow> AnalysisResultsService::pin_quote(const Actor& a, Id finding,
                                                     std::size_t position, bool pin,
                                                     std::int64_t version) {
  return choose_quote(a, finding, position, version, pin ? QuoteAction::pin : QuoteAction::unpin);
}

Result<FindingRow> AnalysisResultsService::choose_quote(const Actor& a, Id finding,
                                                        std::size_t position, std::int64_t version,
                                                        QuoteAction action) {
  if (auto s = analysis_.may_write(a); !s) return s.error();
  auto current = db_.transact(store::TxMode::read, [&](store::Conn& c) {
    return store::analysis::find_finding(c, finding);
  });
  if (!current) return Error::of(Errc::not_found, "not_found");
  if (current->version != version) return Error::of(Errc::stale, "stale");
  const auto quotes = stored_quotes(current->quotes_json);
  if (position >= quotes.size()) return Error::of(Errc::not_found, "not_found");
  const auto& q = quotes[position];
  // Drafted before quotes named their passage: nothing to set aside or pin.
  if (q.report_id == 0) return Error::of(Errc::conflict, "findings_redraft");

  QuoteChoice choice{
      analysis_.codebook_version(),
      current->theme_id,
      q.report_id,
      q.start,
      q.end,
      action == QuoteAction::swap ? QuoteChoiceKind::set_aside : QuoteChoiceKind::pinned};
  // The choices as they will be, so the quotes are chosen again with this one applied. The
  // quotes still shown are kept where they are: only the swapped one gives way.
  std::vector<QuoteChoice> choices;
  for (const auto& c : current_choices())
    if (!(c.theme_id == choice.theme_id && c.report_id == choice.report_id &&
          c.start == choice.start && c.end == choice.end))
      choices.push_back(c);
  if (action != QuoteAction::unpin) choices.push_back(choice);
  std::vector<analysis::Quote> next;
  if (action == QuoteAction::swap) {
    // The others shown stay; pinning them for this choosing only keeps them in place.
    for (std::size_t i = 0; i < quotes.size(); ++i)
      if (i != position && quotes[i].report_id != 0)
        choices.push_back({choice.codebook_version, choice.theme_id, quotes[i].report_id,
                           quotes[i].start, quotes[i].end, QuoteChoiceKind::pinned});
    const auto d = load(CodingView::coded);
    const auto chosen = choose_quotes(d, current->drafted_year, choices, current->theme_id);
    // The replacement is the one chosen quote not shown already; it takes the swapped
    // quote's place, so the list does not jump about. With none left, the quote goes.
    next = quotes;
    next.erase(next.begin() + static_cast<std::ptrdiff_t>(position));
    if (auto it = chosen.find(current->theme_id); it != chosen.end())
      for (const auto& n : it->second)
        if (std::none_of(quotes.begin(), quotes.end(), [&](const analysis::Quote& old) {
              return old.report_id == n.report_id && old.start == n.start && old.end == n.end;
            })) {
          next.insert(next.begin() + static_cast<std::ptrdiff_t>(position), n);
          break;
        }
  } else {
    next = quotes;
    next[position].pinned = action == QuoteAction::pin;
  }

  const char* audit_action = action == QuoteAction::swap  ? "findings.quote_swap"
                             : action == QuoteAction::pin ? "findings.quote_pin"
                                                          : "findings.quote_unpin";
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<FindingRow> {
    auto saved = store::analysis::update_finding_quotes(c, finding, version, quotes_json(next),
                                                        a.user.id, clock_());
    if (!saved) return saved;
    if (action == QuoteAction::unpin)
      store::analysis::clear_quote_choice(c, choice);
    else
      store::analysis::set_quote_choice(c, choice, a.user.id, clock_());
    audit_.record(c, {a.user.id,
                      audit_action,
                      "ok",
                      "finding",
                      std::to_string(finding),
                      {{"theme", current->theme_id},
                       {"report", std::to_string(q.report_id)},
                       {"start", std::to_string(q.start)},
                       {"end", std::to_string(q.end)}},
                      a.address});
    return saved;
  });
}

namespace {

std::vector<analysis::Finding> to_findings(const std::vector<FindingRow>& rows,
                                           const std::map<std::string, std::string>& names) {
  std::vector<analysis::Finding> out;
  for (const auto& r : rows) {
    analysis::Finding f;
    f.theme_id = r.theme_id;
    auto n = names.find(r.theme_id);
    f.theme_name = n == names.end() ? r.theme_id : n->second;
    f.what_the_data_shows = r.what_data_shows;
    f.why_it_matters = r.why_it_matters;
    f.quotes = stored_quotes(r.quotes_json);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

namespace {

// The lines a file starts with: which coding it counts, then what it leaves out.
std::vector<std::string> notes_for(const AnalysisResultsService::CountNotes& n, CodingView view,
                                   bool left_out) {
  std::vector<std::string> out;
  const std::string& coding = view == CodingView::suggested ? n.suggested : n.coded;
  if (!coding.empty()) out.push_back(coding);
  if (left_out && !n.left_out.empty()) out.push_back(n.left_out);
  return out;
}

// "time and work; no time (negated)": the words that made a suggestion, as the page lists them.
std::string evidence_words(const std::string& evidence_json) {
  std::string out;
  const auto parsed = bj::parse(evidence_json);
  for (const auto& e : parsed.as_array()) {
    const auto& o = e.as_object();
    out += (out.empty() ? "" : "; ") + std::string(o.at("phrase").as_string()) +
           (o.at("negated").as_bool() ? " (negated)" : "");
  }
  return out;
}

// Quotes carry service area ids; a document names them as readers know them.
std::vector<analysis::Finding> with_area_names(std::vector<analysis::Finding> fs,
                                               const AnalysisResultsService::AreaNames& areas) {
  for (auto& f : fs)
    for (auto& q : f.quotes)
      if (auto it = areas.find(q.service_area); it != areas.end()) q.service_area = it->second;
  return fs;
}

}  // namespace

Result<std::string> AnalysisResultsService::draft_document(const Actor& a, std::optional<int> year,
                                                           Language lang, CodingView view,
                                                           const AreaNames& areas,
                                                           const CountNotes& notes) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const bool left_out = !load(CodingView::coded).left_out.empty();
  return analysis::findings_markdown(with_area_names(compute_draft(year, lang, view), areas), lang,
                                     notes_for(notes, view, left_out));
}

Result<std::string> AnalysisResultsService::findings_document(const Actor& a,
                                                              const std::string& format,
                                                              Language lang, const AreaNames& areas,
                                                              const CountNotes& notes) {
  auto rows = findings(a);
  if (!rows) return rows.error();
  const auto fs = with_area_names(to_findings(*rows, analysis_.theme_names(lang)), areas);
  const auto lines = notes_for(notes, CodingView::coded, !load(CodingView::coded).left_out.empty());
  if (format == "md") return analysis::findings_markdown(fs, lang, lines);
  if (format == "html") return analysis::findings_html(fs, lang, lines);
  return Error::of(Errc::not_found, "not_found");
}

std::string AnalysisResultsService::temp_path(const std::string& suffix) const {
  return (std::filesystem::temp_directory_path() /
          ("sgwrs-export-" + crypto::random_token().substr(0, 16) + suffix))
      .string();
}

Result<std::string> AnalysisResultsService::export_file(const Actor& a, const std::string& name,
                                                        Language lang, CodingView view,
                                                        const CountNotes& notes) {
  if (auto s = analysis_.may_read(a); !s) return s.error();
  const auto names = analysis_.theme_names(lang);
  auto record = [&](const std::string& what) {
    audit_.record_now({a.user.id, "followup.export", "ok", "export", what, {}, a.address});
  };
  auto codings_table = [&]() {
    analysis::Table t;
    t.header = {"report_id", "report", "organisation", "service_area", "year",    "heading",
                "theme_id",  "theme",  "start",        "end",          "text",    "coder",
                "origin",    "memo",   "score",        "model",        "evidence"};
    const auto d = load(view);
    const auto& reports = d.by_id;
    db_.transact(store::TxMode::read, [&](store::Conn& c) {
      std::map<Id, std::string> bodies;
      for (std::size_t i = 0; i < d.codings.size(); ++i) {
        const auto& k = d.codings[i];
        if (d.is_left_out(k.report_id)) continue;
        auto r = reports.at(k.report_id);
        auto& body = bodies[k.report_id];
        if (body.empty()) body = store::analysis::find_report(c, k.report_id)->body;
        std::vector<std::string> row{std::to_string(k.report_id),
                                     r->title,
                                     r->organisation_name,
                                     r->service_area,
                                     std::to_string(r->year),
                                     k.heading,
                                     k.theme_id,
                                     names.count(k.theme_id) ? names.at(k.theme_id) : k.theme_id,
                                     std::to_string(k.start),
                                     std::to_string(k.end),
                                     code_point_slice(body, k.start, k.end),
                                     k.coder_name,
                                     std::string(kCodingOrigins.id(k.origin)),
                                     k.memo};
        // A pending suggestion: how sure, which model, and the words that made it.
        if (auto sg = d.suggested.find(i); sg != d.suggested.end()) {
          row.push_back(fmt::format("{:.3f}", sg->second.score_permille / 1000.0));
          row.push_back(sg->second.model);
          row.push_back(evidence_words(sg->second.evidence_json));
        }
        t.rows.push_back(std::move(row));
      }
    });
    return t;
  };
  auto matrix_tables = [&]() {
    std::vector<std::pair<std::string, analysis::Table>> sheets;
    const auto d = load(view);
    const auto facts = d.facts();
    for (Dimension by :
         {Dimension::organisation, Dimension::service_area, Dimension::year, Dimension::heading}) {
      const auto m = analysis::prevalence(facts, by, d.themes, rule_, d.lineage);
      auto t = analysis::matrix_wide_table(m, names, lang);
      t.notes = notes_for(notes, view, m.left_out);
      sheets.emplace_back(std::string(analysis::dimension_id(by)), std::move(t));
    }
    return sheets;
  };
  auto xlsx = [&](const std::vector<std::pair<std::string, analysis::Table>>& sheets)
      -> Result<std::string> {
    const auto path = temp_path(".xlsx");
    if (auto s = analysis::write_xlsx(sheets, path); !s) return s.error();
    return read_and_remove(path);
  };

  if (name == "matrix.csv") {
    // Every dimension in one long table: its first column says which.
    const auto d = load(view);
    const auto facts = d.facts();
    analysis::Table all;
    for (Dimension by :
         {Dimension::organisation, Dimension::service_area, Dimension::year, Dimension::heading}) {
      const auto m = analysis::prevalence(facts, by, d.themes, rule_, d.lineage);
      auto t = analysis::matrix_long_table(m, names, lang);
      if (all.header.empty()) {
        all.header = t.header;
        all.notes = notes_for(notes, view, m.left_out);
      }
      for (auto& row : t.rows) all.rows.push_back(std::move(row));
    }
    record(name);
    return analysis::to_csv(all);
  }
  if (name == "matrix.xlsx") {
    record(name);
    return xlsx(matrix_tables());
  }
  if (name == "codings.csv") {
    record(name);
    return analysis::to_csv(codings_table());
  }
  if (name == "codings.xlsx") {
    record(name);
    return xlsx({{"codings", codings_table()}});
  }
  if (name == "project.qdpx") {
    record(name);
    auto cb = analysis_.current_codebook();
    const auto d = load(view);
    analysis::QdaProject p;
    p.name = "Sgwrs follow-up reports";
    p.created = iso_time(clock_());
    p.description = fmt::format("{}", fmt::join(notes_for(notes, view, !d.left_out.empty()), " "));
    std::map<std::string, std::string> code_guid;
    std::map<std::string, analysis::QdaCode> codes;
    for (const auto& t : cb->themes) {
      code_guid[t.id] = analysis::sgwrs_guid("code:" + t.id);
      codes[t.id] = {code_guid[t.id],
                     lang == Language::cy ? t.name_cy : t.name_en,
                     lang == Language::cy ? t.description_cy : t.description_en,
                     std::nullopt,
                     true,
                     {}};
    }
    // Nest children under their parents (the codebook has no cycles).
    for (auto it = cb->themes.rbegin(); it != cb->themes.rend(); ++it)
      if (!it->parent_id.empty() && codes.count(it->parent_id))
        codes[it->parent_id].children.insert(codes[it->parent_id].children.begin(), codes[it->id]);
    for (const auto& t : cb->themes)
      if (t.parent_id.empty() || !codes.count(t.parent_id)) p.codes.push_back(codes[t.id]);
    std::map<Id, std::string> user_guid;
    for (const auto& k : d.codings)
      if (!d.is_left_out(k.report_id) && !user_guid.count(k.coder_id)) {
        user_guid[k.coder_id] = analysis::sgwrs_guid("user:" + std::to_string(k.coder_id));
        p.users.push_back({user_guid[k.coder_id], k.coder_name});
      }
    if (!p.users.empty()) p.creating_user_guid = p.users.front().guid;
    analysis::ReportVariables vars;
    p.variables = vars.all();
    db_.transact(store::TxMode::read, [&](store::Conn& c) {
      for (const auto& meta : d.reports) {
        if (d.is_left_out(meta.id)) continue;
        auto r = store::analysis::find_report(c, meta.id);
        analysis::QdaSource src;
        src.guid = analysis::sgwrs_guid("report:" + std::to_string(r->id));
        src.name = r->title;
        src.text = r->body;
        src.values =
            vars.values(r->organisation_name, r->service_area, r->report_date, r->group_size);
        for (std::size_t i = 0; i < d.codings.size(); ++i) {
          const auto& k = d.codings[i];
          if (k.report_id != r->id) continue;
          // A pending suggestion is no stored coding: its GUID comes from the suggestion's id.
          const auto sg = d.suggested.find(i);
          const auto sel = analysis::sgwrs_guid(sg != d.suggested.end()
                                                    ? "suggestion:" + std::to_string(sg->second.id)
                                                    : "coding:" + std::to_string(k.id));
          analysis::QdaSelection s;
          s.guid = sel;
          s.name = code_point_slice(r->body, k.start, std::min(k.end, k.start + 40));
          s.start = static_cast<std::size_t>(k.start);
          s.end = static_cast<std::size_t>(k.end);
          s.user_guid = user_guid[k.coder_id];
          s.created = iso_time(k.created_at);
          if (code_guid.count(k.theme_id))
            s.codings.push_back({analysis::name_guid(sel, "coding"), code_guid[k.theme_id],
                                 user_guid[k.coder_id], s.created});
          if (!k.memo.empty()) s.memo = k.memo;
          src.selections.push_back(std::move(s));
        }
        p.sources.push_back(std::move(src));
      }
    });
    const auto path = temp_path(".qdpx");
    if (auto s = analysis::write_qdpx(p, path); !s) return s.error();
    return read_and_remove(path);
  }
  return Error::of(Errc::not_found, "not_found");
}

}  // namespace sgwrs

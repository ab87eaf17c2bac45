#pragma once
// What the coding of follow-up reports adds up to: prevalence matrices with honest
// denominators and suppression, quotes behind any cell, agreement between two coders,
// the quality of automatic suggestions, headline findings, and exports.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/report/agreement.hpp"
#include "analysis/report/findings.hpp"
#include "analysis/report/prevalence.hpp"
#include "analysis/report/quality.hpp"
#include "analysis/report/table.hpp"
#include "service/analysis/analysis_service.hpp"

namespace sgwrs {

// "coded": human codings and accepted suggestions. "suggested": those plus every pending
// suggestion, for a first look before review (always labelled as such).
enum class CodingView { coded, suggested };

struct QuoteRow {
  Id report_id = 0;
  std::string report_title;
  std::string organisation;
  std::string service_area;
  int year = 0;
  std::string heading;
  std::string theme_id;
  std::string text;
  std::string coder;  // empty for a pending suggestion
};

// One report's row in the framework matrix: for each theme, the passages coded to it.
struct FrameworkRow {
  FollowupReport report;                                     // details only
  std::map<std::string, std::vector<std::string>> passages;  // theme -> passages
};

struct SegmentDifference {
  Id report_id = 0;
  std::string report_title;
  std::string text;
  std::vector<std::string> themes_a, themes_b;
};

struct AgreementReport {
  std::vector<std::pair<Id, std::string>> coders;  // everyone who has coded, for choosing
  Id coder_a = 0, coder_b = 0;
  std::size_t reports_compared = 0;
  std::map<std::string, analysis::Agreement> by_theme;
  std::vector<SegmentDifference> differences;
};

struct QualityReport {
  std::size_t reports_compared = 0;
  std::map<std::string, analysis::Quality> by_theme;
  analysis::Quality overall;
  std::optional<double> macro_f1;
};

class AnalysisResultsService {
 public:
  AnalysisResultsService(store::Db& db, AuditService& audit, AnalysisService& analysis, Clock clock,
                         analysis::SuppressionRule rule = {})
      : db_(db), audit_(audit), analysis_(analysis), clock_(std::move(clock)), rule_(rule) {}

  Result<analysis::Matrix> matrix(const Actor& a, analysis::Dimension by, CodingView view);
  // The passages behind one cell (column empty: every report); none from a suppressed cell.
  Result<std::vector<QuoteRow>> quotes(const Actor& a, const std::string& theme_id,
                                       analysis::Dimension by, const std::string& column,
                                       CodingView view);
  // Reports × themes, with the passages behind each cell (filtered like the reports list).
  Result<std::vector<FrameworkRow>> framework(const Actor& a, const ReportFilter& f,
                                              CodingView view);
  // Coders by user id; 0 and 0 picks the two who coded the most reports in common.
  Result<AgreementReport> agreement(const Actor& a, Id coder_a, Id coder_b);
  // Suggestions against human coding, on the sentences of every report a person coded.
  Result<QualityReport> evaluate(const Actor& a);

  Result<std::vector<FindingRow>> findings(const Actor& a);
  // Whether some reports are in no count (analysis/report/left_out.hpp), for a page to say so.
  Result<bool> any_left_out(const Actor& a);
  // Replaces the findings with a fresh draft from the coded analysis.
  Result<std::vector<FindingRow>> draft_findings(const Actor& a, std::optional<int> year,
                                                 Language lang);
  Result<FindingRow> update_finding(const Actor& a, const FindingRow& f);
  // The quote at `position` (from 0) of a finding swapped for the next candidate
  // (analysis/report/quote_ranking.hpp, quote_spread.hpp): its passage is set aside for the
  // theme, through redrafts too, and the next best passage takes its place; the other quotes
  // stay. `version` is the finding's version as read (stale otherwise).
  Result<FindingRow> swap_quote(const Actor& a, Id finding, std::size_t position,
                                std::int64_t version);
  // Pins (or unpins) a finding's quote: a pinned passage is kept through every redraft while
  // it is still coded to the theme and its report is counted.
  Result<FindingRow> pin_quote(const Actor& a, Id finding, std::size_t position, bool pin,
                               std::int64_t version);
  // One finding to edit: refused (and audited) for those who may read but not change them.
  Result<FindingRow> finding_for_edit(const Actor& a, Id id);
  // Service area id -> its name in the document's language (from the message catalogue,
  // which the service layer does not read); an id without a name is shown as it is.
  using AreaNames = std::map<std::string, std::string>;
  // What a matrix or findings file says in its first lines, in its reader's language (also
  // from the catalogue): which coding it counts, and, when reports of groups too small to
  // show are left out of every count (analysis/report/left_out.hpp), that they are. An empty
  // text is not written.
  struct CountNotes {
    std::string coded;      // human coding: analysts' codings and the suggestions they accepted
    std::string suggested;  // that and the suggestions from indicators not yet reviewed
    std::string left_out;
  };
  // A fresh draft as Markdown, without replacing the stored findings.
  Result<std::string> draft_document(const Actor& a, std::optional<int> year, Language lang,
                                     CodingView view = CodingView::coded,
                                     const AreaNames& areas = {}, const CountNotes& notes = {});
  // As Markdown ("md") or an HTML fragment ("html"). Stored findings were drafted from
  // reviewed coding, so the notes say that.
  Result<std::string> findings_document(const Actor& a, const std::string& format, Language lang,
                                        const AreaNames& areas = {}, const CountNotes& notes = {});

  // Exports: "matrix.csv", "matrix.xlsx", "codings.csv", "codings.xlsx", "project.qdpx".
  // Returns the file's bytes; every export is audited. None holds a report that no count may
  // include (left_out.hpp): the codings and the project could be counted by organisation.
  // In codings, a pending suggestion has its score, the model that made it and its evidence.
  Result<std::string> export_file(const Actor& a, const std::string& name, Language lang,
                                  CodingView view = CodingView::coded,
                                  const CountNotes& notes = {});

  const analysis::SuppressionRule& suppression() const { return rule_; }

 private:
  struct Data;
  Data load(CodingView view);
  std::vector<analysis::Finding> compute_draft(std::optional<int> year, Language lang,
                                               CodingView view);
  // Each theme's quotes (or one theme's), ranked and spread, with the analyst's choices.
  std::map<std::string, std::vector<analysis::Quote>> choose_quotes(
      const Data& d, std::optional<int> year, const std::vector<QuoteChoice>& choices,
      const std::optional<std::string>& only_theme = std::nullopt);
  std::vector<QuoteChoice> current_choices();
  enum class QuoteAction { swap, pin, unpin };
  Result<FindingRow> choose_quote(const Actor& a, Id finding, std::size_t position,
                                  std::int64_t version, QuoteAction action);
  std::string temp_path(const std::string& suffix) const;

  store::Db& db_;
  AuditService& audit_;
  AnalysisService& analysis_;
  Clock clock_;
  analysis::SuppressionRule rule_;
};

}  // namespace sgwrs

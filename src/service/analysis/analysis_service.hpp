#pragma once
// Use cases for follow-up reports: importing them, reading them under their headings,
// coding passages to themes, reviewing automatic suggestions, and the codebook.
//
// Who may do what: analysts and administrators import, code, review and edit; senior
// leaders and quality leads read reports and the analysis. Reports are the programme's
// shared evidence (group views, no personal data about families), so access is by role
// rather than by organisation; small numbers that name an organisation are suppressed in
// the analysis instead.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/import/metadata_csv.hpp"
#include "domain/analysis/followup.hpp"
#include "domain/core/result.hpp"
#include "service/audit/audit_service.hpp"
#include "service/core/context.hpp"
#include "service/core/store_handle.hpp"

namespace sgwrs::analysis {
class Suggester;
struct Codebook;
namespace learn {
struct ThemeModel;
}
}  // namespace sgwrs::analysis

namespace sgwrs {

// What is known about a report beside its text.
struct ReportDetails {
  std::string title;
  std::string organisation_name;
  std::string organisation_ons;
  std::string service_area;
  std::string report_date;  // YYYY-MM-DD
  int group_size = 0;
};

struct ImportInput {
  std::string file_name;
  std::string bytes;
  ReportDetails details;
};

// One file's outcome: imported (report_id) or refused (error_code, a catalogue key under
// "analysis.import_errors.", with detail in plain English).
struct ImportOutcome {
  std::string file_name;
  std::optional<Id> report_id;
  std::string error_code;
  std::string detail;
  std::vector<std::string> warnings;
  std::size_t suggestions = 0;
};

// A reports.csv read for an upload or a folder: each file's details, and a problem for each
// row that could not be read.
struct ReportsCsv {
  std::map<std::string, analysis::ReportMeta> by_file;
  std::vector<ImportOutcome> problems;
};

struct ReportView {
  FollowupReport report;
  std::vector<ReportSectionRow> sections;
  std::vector<ReportSegmentRow> segments;
  std::vector<Coding> codings;
  std::vector<SuggestionRow> suggestions;
};

// Which model makes suggestions now, and if it is the indicators alone, why (`note`, a key
// under the catalogue's analysis.model.notes: none, old_codebook, corrupt, too_few).
struct ModelStatus {
  bool in_use = false;             // a learned model is blended with the indicators
  std::string model;               // "indicators" or "learned-v<id>"
  std::string note;                // empty when in use
  int codebook_version = 0;        // of the codebook in force
  std::optional<int> trained_for;  // old_codebook: the version the newest model was for
  std::optional<Id> model_id;
  std::int64_t trained_at = 0;
  std::int64_t examples = 0;
  std::size_t themes_learned = 0, themes_total = 0;
  std::string evaluation_json;  // the cross-validation made when it was trained
};

struct CodingRequest {
  Id report_id = 0;
  std::vector<std::string> theme_ids;
  std::int64_t start = 0, end = 0;  // code points
  std::string memo;
};

class AnalysisService {
 public:
  AnalysisService(store::Db& db, AuditService& audit, Clock clock,
                  std::string default_codebook_json);
  ~AnalysisService();

  // For showing links: no audit, no error.
  bool can_read(const Actor& a) const;
  bool can_write(const Actor& a) const;
  Status may_read(const Actor& a) const;
  Status may_write(const Actor& a) const;
  // Coders remove their own codings; an administrator may remove anyone's.
  bool can_remove_coding(const Actor& a, const Coding& k) const;

  // Each file in its own transaction: a bad file is reported and stores nothing; the rest
  // still import. Suggestions are made at import with the current codebook.
  Result<std::vector<ImportOutcome>> import(const Actor& a, const std::vector<ImportInput>& files);
  // The one rule for a file's details, for the import page and `sgwrs analyse` alike: its
  // reports.csv row where it has one (the organisation's ONS code still from `given`), else
  // the details given for the whole upload; a title given for the upload names a single
  // file only.
  static ReportsCsv read_reports_csv(std::string_view bytes);
  static ReportDetails details_for(const std::string& file_name, const ReportDetails& given,
                                   const ReportsCsv& csv, bool single_file);
  // Re-runs suggestions for every report (after the codebook changed); pending ones are
  // replaced, decided ones kept. Returns the number of pending suggestions.
  Result<std::size_t> resuggest_all(const Actor& a);

  Result<std::vector<ReportSummary>> list_reports(const Actor& a, const ReportFilter& f);
  Result<ReportView> view_report(const Actor& a, Id id);
  Result<Status> delete_report(const Actor& a, Id id);

  Result<std::vector<Coding>> add_coding(const Actor& a, const CodingRequest& r);
  Result<std::vector<Coding>> add_segment_coding(const Actor& a, Id report_id,
                                                 std::int64_t segment_ordinal,
                                                 const std::vector<std::string>& theme_ids,
                                                 const std::string& memo);
  Result<Status> delete_coding(const Actor& a, Id report_id, Id coding_id);
  // accept: the suggestion becomes the actor's coding; reject: it is set aside.
  Result<SuggestionRow> decide_suggestion(const Actor& a, Id suggestion_id, bool accept);

  // The codebook in force, as stored JSON, and its version.
  Result<CodebookVersion> codebook(const Actor& a);
  Result<std::vector<CodebookVersion>> codebook_history(const Actor& a);
  // Saves a new version; `based_on` must be the version the editor started from.
  Result<CodebookVersion> save_codebook(const Actor& a, const std::string& json,
                                        const std::string& note, int based_on);

  // The parsed codebook in force (loaded, validated and cached by version).
  std::shared_ptr<const analysis::Codebook> current_codebook();
  // Theme id -> display name in the language asked for.
  std::map<std::string, std::string> theme_names(Language lang);
  // The stored version of the codebook in force (0: the default, never saved).
  int codebook_version();

  // How strongly a passage (a code-point span of a report's text) carries each theme of the
  // codebook in force, for ranking quotes (analysis/report/quote_ranking.hpp), and how many
  // sentences it holds. The scores are the indicators' today; a learned model plugs in here,
  // and the ranking does not change. Valid while the returned scorer lives; one per draft.
  struct PassageScore {
    std::map<std::string, double> by_theme;
    std::size_t sentences = 1;
  };
  using PassageScorer = std::function<PassageScore(std::string_view text, Language lang,
                                                   std::int64_t start, std::int64_t end)>;
  PassageScorer passage_scorer();

  // The model suggestions come from now (re-read when another node trains one).
  ModelStatus model_status();
  // The indicators of the codebook in force (for training and evaluation).
  std::shared_ptr<const analysis::Suggester> current_suggester();
  // The learned model blended into suggestions now; null when the indicators alone suggest.
  std::shared_ptr<const analysis::learn::ThemeModel> current_model();

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled(store::Conn& c);
  static ModelStatus load_model(store::Conn& c, int version, std::optional<Id> id,
                                std::shared_ptr<const analysis::learn::ThemeModel>& out);
  Status refuse(const Actor& a, const std::string& what) const;
  // A file read, split and suggested, ready to store (or refused, with out saying why).
  struct PreparedImport;
  static PreparedImport prepare_import(const ImportInput& in, const Compiled& cb);
  ImportOutcome store_import(const Actor& a, PreparedImport&& p);

  store::Db& db_;
  AuditService& audit_;
  Clock clock_;
  std::string default_codebook_json_;
  std::mutex mutex_;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace sgwrs

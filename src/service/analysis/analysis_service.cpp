#include "service/analysis/analysis_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <set>
#include <thread>

#include "analysis/import/extract.hpp"
#include "analysis/import/headings.hpp"
#include "analysis/learn/blend.hpp"
#include "analysis/learn/theme_model.hpp"
#include "analysis/model.hpp"
#include "analysis/text/codebook.hpp"
#include "analysis/text/language.hpp"
#include "analysis/text/segment.hpp"
#include "analysis/text/suggester.hpp"
#include "domain/core/date.hpp"
#include "domain/core/validation.hpp"
#include "domain/organisation/roles.hpp"
#include "store/analysis/codebook_store.hpp"
#include "store/analysis/coding_store.hpp"
#include "store/analysis/finding_store.hpp"
#include "store/analysis/model_store.hpp"
#include "store/analysis/report_store.hpp"
#include "store/analysis/suggestion_store.hpp"
#include "store/core/db.hpp"

namespace sgwrs {
namespace bj = boost::json;

// The codebook in force, parsed once per version, with its compiled suggester, and the
// learned model for that version (if one is stored and reads back whole) blended with it.
struct AnalysisService::Compiled {
  int version = 0;
  std::shared_ptr<const analysis::Codebook> codebook;
  std::shared_ptr<const analysis::Suggester> suggester;
  std::optional<Id> model_id;  // the stored row read (whether or not it could be used)
  std::shared_ptr<const analysis::learn::ThemeModel> model;
  std::unique_ptr<analysis::learn::BlendedSuggester> blended;
  ModelStatus status;
};

namespace {

bool has_role(const Actor& a, std::initializer_list<Role> roles) {
  return std::find(roles.begin(), roles.end(), a.user.role) != roles.end();
}

// A report's date: a real day, in the years the programme could have run.
bool valid_date(const std::string& d) {
  const auto date = parse_iso_date(d);
  return date && date->year() >= std::chrono::year{2000} && date->year() <= std::chrono::year{2100};
}

Status validate_details(ReportDetails& d) {
  Validator v;
  v.text("organisation_name", d.organisation_name, 1, 200);
  v.text("title", d.title, 0, 300);
  // Old reports.csv files spell service kinds the old way; what is stored is the id.
  if (const auto kind = read_service_kind(d.service_area))
    d.service_area = std::string(service_kind_id(*kind));
  else
    v.fail("service_area", "service_area_unknown");
  if (!valid_date(d.report_date)) v.fail("report_date", "date_format");
  if (d.group_size < 1 || d.group_size > 200) v.fail("group_size", "group_size_range");
  return v.status();
}

// The section a passage starting at `start` falls in; none for a heading line or the space
// between sections, where a coding would never be shown.
const ReportSectionRow* section_at(const std::vector<ReportSectionRow>& sections,
                                   std::int64_t start) {
  for (const auto& s : sections)
    if (start >= s.start && start < s.end) return &s;
  return nullptr;
}

std::string evidence_json(const analysis::Suggestion& s) {
  bj::array a;
  for (const auto& e : s.evidence)
    a.push_back(bj::object{{"phrase", e.phrase},
                           {"start", static_cast<std::int64_t>(e.span.start)},
                           {"end", static_cast<std::int64_t>(e.span.end)},
                           {"negated", e.negated}});
  return bj::serialize(a);
}

std::vector<SuggestionRow> suggestion_rows(const analysis::learn::BlendedSuggester& sg,
                                           int codebook_version, const std::string& text,
                                           Language lang,
                                           const std::vector<ReportSegmentRow>& segs) {
  std::vector<analysis::learn::SegmentInput> segments;
  segments.reserve(segs.size());
  for (const auto& s : segs)
    segments.push_back(
        {{s.kind, {static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end)}},
         s.heading});
  std::set<std::pair<std::int64_t, std::int64_t>> sentence_spans;
  for (const auto& s : segs)
    if (s.kind == SegmentKind::sentence) sentence_spans.insert({s.start, s.end});
  std::vector<SuggestionRow> rows;
  for (const auto& s : sg.suggest(text, lang, segments)) {
    // A paragraph of one sentence would repeat that sentence's suggestion.
    if (s.kind == analysis::SegmentKind::paragraph &&
        sentence_spans.count(
            {static_cast<std::int64_t>(s.span.start), static_cast<std::int64_t>(s.span.end)}))
      continue;
    SuggestionRow r;
    r.theme_id = s.theme_id;
    r.kind = s.kind;
    r.start = static_cast<std::int64_t>(s.span.start);
    r.end = static_cast<std::int64_t>(s.span.end);
    for (const auto& seg : segs)
      if (seg.start == r.start && seg.end == r.end) r.heading = seg.heading;
    r.score_permille = static_cast<int>(s.score * 1000 + 0.5);
    r.evidence_json = evidence_json(s);
    r.codebook_version = codebook_version;
    r.model = std::string(s.model);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace

AnalysisService::AnalysisService(store::Db& db, AuditService& audit, Clock clock,
                                 std::string default_codebook_json)
    : db_(db),
      audit_(audit),
      clock_(std::move(clock)),
      default_codebook_json_(std::move(default_codebook_json)) {}

AnalysisService::~AnalysisService() = default;

Status AnalysisService::refuse(const Actor& a, const std::string& what) const {
  audit_.record_now({a.user.id, "access.refuse", "refused", "followup", what, {}, a.address});
  return Error::of(Errc::forbidden, "forbidden");
}

bool AnalysisService::can_read(const Actor& a) const {
  return has_role(a, {Role::analyst, Role::administrator, Role::senior_leader, Role::quality_lead});
}

bool AnalysisService::can_write(const Actor& a) const {
  return has_role(a, {Role::analyst, Role::administrator});
}

bool AnalysisService::can_remove_coding(const Actor& a, const Coding& k) const {
  return can_write(a) && (k.coder_id == a.user.id || a.is_admin());
}

Status AnalysisService::may_read(const Actor& a) const {
  return can_read(a) ? ok_status() : refuse(a, "read");
}

Status AnalysisService::may_write(const Actor& a) const {
  return can_write(a) ? ok_status() : refuse(a, "write");
}

std::shared_ptr<const AnalysisService::Compiled> AnalysisService::compiled(store::Conn& c) {
  auto stored = store::analysis::current_codebook(c);
  const int version = stored ? stored->version : 0;
  // Another node may have trained a model: its id is checked on every use (one indexed
  // row), its body read and parsed only when it changed.
  const auto model_id = store::analysis::latest_theme_model_id(c, version);
  std::lock_guard lock(mutex_);
  if (compiled_ && compiled_->version == version && compiled_->model_id == model_id)
    return compiled_;
  auto next = std::make_shared<Compiled>();
  next->version = version;
  if (compiled_ && compiled_->version == version) {
    next->codebook = compiled_->codebook;
    next->suggester = compiled_->suggester;
  } else {
    auto parsed =
        analysis::parse_codebook_json(stored ? stored->body_json : default_codebook_json_);
    if (!parsed)
      throw std::runtime_error("the codebook in force cannot be read: " + parsed.error().key);
    next->codebook = std::make_shared<const analysis::Codebook>(std::move(*parsed));
    next->suggester = std::make_shared<const analysis::Suggester>(*next->codebook);
  }
  next->model_id = model_id;
  next->status = load_model(c, version, model_id, next->model);
  next->blended =
      std::make_unique<analysis::learn::BlendedSuggester>(*next->suggester, next->model);
  compiled_ = next;
  return next;
}

// Whatever is wrong with the stored model, suggestions still come, from the indicators, and
// the status says why (a catalogue key under analysis.model.notes).
ModelStatus AnalysisService::load_model(store::Conn& c, int version, std::optional<Id> id,
                                        std::shared_ptr<const analysis::learn::ThemeModel>& out) {
  ModelStatus st;
  st.codebook_version = version;
  st.model = std::string(analysis::kIndicatorModel);
  if (!id) {
    const auto newest = store::analysis::newest_theme_model_head(c);
    st.note = newest ? "old_codebook" : "none";
    if (newest) st.trained_for = newest->codebook_version;
    return st;
  }
  auto row = store::analysis::latest_theme_model(c, version);
  if (!row) return st.note = "none", st;
  st.model_id = row->id;
  st.trained_at = row->trained_at;
  st.examples = row->examples;
  st.evaluation_json = row->evaluation_json;
  auto parsed = analysis::learn::parse_model(row->body);
  if (!parsed) {
    std::fprintf(stderr, "sgwrs: theme model %lld cannot be read (%s); using indicators\n",
                 static_cast<long long>(row->id), parsed.error().detail.c_str());
    return st.note = "corrupt", st;
  }
  if (parsed->codebook_version != version) return st.note = "old_codebook", st;
  parsed->version = row->id;
  std::size_t trained = 0;
  for (const auto& t : parsed->themes) trained += t.trained ? 1 : 0;
  st.themes_learned = trained;
  st.themes_total = parsed->themes.size();
  if (trained == 0) return st.note = "too_few", st;
  out = std::make_shared<const analysis::learn::ThemeModel>(std::move(*parsed));
  st.model = out->name();
  st.in_use = true;
  return st;
}

ModelStatus AnalysisService::model_status() {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c)->status; });
}

std::shared_ptr<const analysis::learn::ThemeModel> AnalysisService::current_model() {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c)->model; });
}

std::shared_ptr<const analysis::Suggester> AnalysisService::current_suggester() {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c)->suggester; });
}

std::shared_ptr<const analysis::Codebook> AnalysisService::current_codebook() {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c)->codebook; });
}

std::map<std::string, std::string> AnalysisService::theme_names(Language lang) {
  std::map<std::string, std::string> out;
  for (const auto& t : current_codebook()->themes)
    out[t.id] = lang == Language::cy ? t.name_cy : t.name_en;
  return out;
}

int AnalysisService::codebook_version() {
  return db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c)->version; });
}

AnalysisService::PassageScorer AnalysisService::passage_scorer() {
  auto cb = db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c); });
  return [cb](std::string_view text, Language lang, std::int64_t start, std::int64_t end) {
    const analysis::Span span{static_cast<std::size_t>(start), static_cast<std::size_t>(end)};
    PassageScore out;
    // The passage as one segment, so every indicator inside it counts, as for a paragraph;
    // with a learned model, its blend with the indicators.
    const auto scores = cb->blended->score(text, lang, {{{SegmentKind::paragraph, span}, ""}});
    for (std::size_t t = 0; t < cb->codebook->themes.size(); ++t)
      if (scores[0].blended[t] > 0) out.by_theme[cb->codebook->themes[t].id] = scores[0].blended[t];
    std::size_t sentences = 0;
    for (const auto& seg : analysis::segment(text, span))
      if (seg.kind == SegmentKind::sentence) ++sentences;
    out.sentences = std::max<std::size_t>(sentences, 1);
    return out;
  };
}

struct AnalysisService::PreparedImport {
  ImportOutcome out;
  bool ready = false;  // false: refused, out says why
  FollowupReport report;
  std::vector<ReportSectionRow> sections;
  std::vector<ReportSegmentRow> segments;
  std::vector<SuggestionRow> suggestions;
};

AnalysisService::PreparedImport AnalysisService::prepare_import(const ImportInput& in,
                                                                const Compiled& cb) {
  PreparedImport p;
  ImportOutcome& out = p.out;
  out.file_name = in.file_name;
  // The file's own problem first: it is the one to fix whatever the details say.
  auto extracted = analysis::extract_text(in.file_name, in.bytes, analysis::ImportLimits{});
  if (auto* e = std::get_if<analysis::ImportError>(&extracted)) {
    out.error_code = e->code;
    out.detail = e->detail;
    return p;
  }
  ReportDetails details = in.details;
  if (auto s = validate_details(details); !s) {
    out.error_code = "details_invalid";
    for (const auto& f : s.error().fields) {
      out.detail += f.field + ": " + f.key;
      // An unknown value is told the ones allowed.
      if (f.key == "service_area_unknown")
        out.detail +=
            " \"" + in.details.service_area + "\" (choose one of: " + service_kind_ids() + ")";
      out.detail += "; ";
    }
    return p;
  }
  auto& text = std::get<analysis::ExtractedText>(extracted);
  const auto parsed = analysis::split_headings(text.text);
  const auto lang = analysis::detect_language(parsed.text);

  FollowupReport& r = p.report;
  // Without a title, the file's name without its extension stands in.
  r.title = details.title.empty() ? in.file_name.substr(0, in.file_name.rfind('.')) : details.title;
  r.file_name = in.file_name;
  r.format = text.format;
  r.language = std::string(language_id(lang));
  r.organisation_name = details.organisation_name;
  r.organisation_ons = details.organisation_ons;
  r.service_area = details.service_area;
  r.report_date = details.report_date;
  r.year = std::stoi(details.report_date.substr(0, 4));
  r.group_size = details.group_size;
  r.body = parsed.text;

  auto& sections = p.sections;
  auto& segments = p.segments;
  bool any_heading = false;
  for (const auto& s : parsed.sections) {
    const std::string h(analysis::heading_id(s.heading));
    any_heading = any_heading || s.heading != analysis::Heading::other;
    sections.push_back({h, s.heading_text, static_cast<std::int64_t>(s.body.start),
                        static_cast<std::int64_t>(s.body.end)});
    for (const auto& seg : analysis::segment(parsed.text, s.body))
      segments.push_back({static_cast<std::int64_t>(segments.size()), seg.kind, h,
                          static_cast<std::int64_t>(seg.span.start),
                          static_cast<std::int64_t>(seg.span.end)});
  }
  if (!any_heading) out.warnings.push_back("no_headings");
  for (const auto& w : out.warnings) r.warnings += (r.warnings.empty() ? "" : ",") + w;
  p.suggestions = suggestion_rows(*cb.blended, cb.version, parsed.text, lang, segments);
  p.ready = true;
  return p;
}

ImportOutcome AnalysisService::store_import(const Actor& a, PreparedImport&& p) {
  if (!p.ready) return std::move(p.out);
  p.out.report_id = db_.transact(store::TxMode::write, [&](store::Conn& c) {
    const Id id =
        store::analysis::insert_report(c, p.report, p.sections, p.segments, clock_(), a.user.id);
    store::analysis::replace_pending_suggestions(c, id, p.suggestions);
    audit_.record(c, {a.user.id,
                      "followup.import",
                      "ok",
                      "followup_report",
                      std::to_string(id),
                      {{"file_name", p.out.file_name}, {"format", p.report.format}},
                      a.address});
    return id;
  });
  p.out.suggestions = p.suggestions.size();
  return std::move(p.out);
}

ReportsCsv AnalysisService::read_reports_csv(std::string_view bytes) {
  ReportsCsv out;
  auto csv = analysis::parse_metadata_csv(bytes);
  for (auto& row : csv.rows) out.by_file[row.file_name] = std::move(row.meta);
  for (const auto& p : csv.problems)
    out.problems.push_back({"reports.csv", std::nullopt, p.error.code, p.error.detail, {}, 0});
  return out;
}

ReportDetails AnalysisService::details_for(const std::string& file_name, const ReportDetails& given,
                                           const ReportsCsv& csv, bool single_file) {
  ReportDetails d = given;
  if (auto m = csv.by_file.find(file_name); m != csv.by_file.end()) {
    d.organisation_name = m->second.organisation;
    d.service_area = m->second.service_area;
    d.report_date = m->second.date;
    d.group_size = m->second.group_size;
    if (!m->second.title.empty()) return d.title = m->second.title, d;
  }
  if (!single_file) d.title.clear();
  return d;
}

Result<std::vector<ImportOutcome>> AnalysisService::import(const Actor& a,
                                                           const std::vector<ImportInput>& files) {
  if (auto s = may_write(a); !s) return s.error();
  auto cb = db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c); });
  // Reading, splitting and suggesting are pure and take nearly all the time: one thread per
  // core prepares files while the stores happen here, in the files' order, one durable
  // transaction each.
  std::vector<PreparedImport> prepared(files.size());
  std::vector<std::exception_ptr> failed(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < files.size();) {
      try {
        prepared[i] = prepare_import(files[i], *cb);
      } catch (...) {  // raised below, on the caller's thread, as it would be without helpers
        failed[i] = std::current_exception();
      }
    }
  };
  const std::size_t helpers =
      std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency())) - 1;
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
  }
  std::vector<ImportOutcome> out;
  out.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (failed[i]) std::rethrow_exception(failed[i]);
    out.push_back(store_import(a, std::move(prepared[i])));
  }
  return out;
}

Result<std::size_t> AnalysisService::resuggest_all(const Actor& a) {
  if (auto s = may_write(a); !s) return s.error();
  auto cb = db_.transact(store::TxMode::read, [&](store::Conn& c) { return compiled(c); });
  const auto reports = db_.transact(
      store::TxMode::read, [&](store::Conn& c) { return store::analysis::all_report_metadata(c); });
  std::size_t total = 0;
  for (const auto& meta : reports) {
    db_.transact(store::TxMode::write, [&](store::Conn& c) {
      auto r = store::analysis::find_report(c, meta.id);
      if (!r) return;
      const auto segs = store::analysis::segments(c, r->id);
      const auto rows = suggestion_rows(*cb->blended, cb->version, r->body,
                                        r->language == "cy" ? Language::cy : Language::en, segs);
      store::analysis::replace_pending_suggestions(c, r->id, rows);
      total += static_cast<std::size_t>(store::analysis::count_pending(c, r->id));
    });
  }
  audit_.record_now({a.user.id,
                     "followup.resuggest",
                     "ok",
                     "codebook",
                     std::to_string(cb->version),
                     {},
                     a.address});
  return total;
}

Result<std::vector<ReportSummary>> AnalysisService::list_reports(const Actor& a,
                                                                 const ReportFilter& f) {
  if (auto s = may_read(a); !s) return s.error();
  ReportFilter current = f;
  current.service_area = current_service_kind_id(f.service_area);
  return db_.transact(store::TxMode::read, [&](store::Conn& c) {
    return store::analysis::list_reports(c, current, 1000);
  });
}

Result<ReportView> AnalysisService::view_report(const Actor& a, Id id) {
  if (auto s = may_read(a); !s) return s.error();
  return db_.transact(store::TxMode::read, [&](store::Conn& c) -> Result<ReportView> {
    auto r = store::analysis::find_report(c, id);
    if (!r) return Error::of(Errc::not_found, "not_found");
    return ReportView{*r, store::analysis::sections(c, id), store::analysis::segments(c, id),
                      store::analysis::codings_for_report(c, id),
                      store::analysis::suggestions_for_report(c, id)};
  });
}

Result<Status> AnalysisService::delete_report(const Actor& a, Id id) {
  if (auto s = may_write(a); !s) return s.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Status> {
    if (!store::analysis::delete_report(c, id)) return Error::of(Errc::not_found, "not_found");
    audit_.record(
        c,
        {a.user.id, "followup.delete", "ok", "followup_report", std::to_string(id), {}, a.address});
    return ok_status();
  });
}

Result<std::vector<Coding>> AnalysisService::add_coding(const Actor& a, const CodingRequest& req) {
  if (auto s = may_write(a); !s) return s.error();
  auto cb = current_codebook();
  Validator v;
  if (req.theme_ids.empty()) v.fail("themes", "theme_required");
  for (const auto& t : req.theme_ids)
    if (!analysis::find_theme(*cb, t)) v.fail("themes", "theme_unknown");
  std::string memo = req.memo;
  v.text("memo", memo, 0, 2000);
  if (!v.ok()) return v.status().error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<std::vector<Coding>> {
    auto r = store::analysis::find_report(c, req.report_id);
    if (!r) return Error::of(Errc::not_found, "not_found");
    const auto length = static_cast<std::int64_t>(code_point_count(r->body));
    if (req.start < 0 || req.end <= req.start || req.end > length) {
      Validator bad;
      bad.fail("selection", "selection_invalid");
      return bad.status().error();
    }
    const auto sections = store::analysis::sections(c, r->id);
    const auto* section = section_at(sections, req.start);
    if (!section) {
      Validator bad;
      bad.fail("selection", "selection_outside_sections");
      return bad.status().error();
    }
    const auto heading = section->heading;
    std::vector<Coding> made;
    for (const auto& t : std::set<std::string>(req.theme_ids.begin(), req.theme_ids.end())) {
      Coding k;
      k.report_id = r->id;
      k.theme_id = t;
      k.start = req.start;
      k.end = req.end;
      k.heading = heading;
      k.coder_id = a.user.id;
      k.coder_name = a.user.display_name;
      k.memo = memo;
      auto added = store::analysis::insert_coding(c, k, clock_());
      if (!added) return added.error();
      made.push_back(*added);
      audit_.record(
          c,
          {a.user.id,
           "followup.code",
           "ok",
           "followup_report",
           std::to_string(r->id),
           {{"theme", t}, {"start", std::to_string(req.start)}, {"end", std::to_string(req.end)}},
           a.address});
    }
    return made;
  });
}

Result<std::vector<Coding>> AnalysisService::add_segment_coding(
    const Actor& a, Id report_id, std::int64_t ordinal, const std::vector<std::string>& theme_ids,
    const std::string& memo) {
  auto segs = db_.transact(store::TxMode::read,
                           [&](store::Conn& c) { return store::analysis::segments(c, report_id); });
  auto it = std::find_if(segs.begin(), segs.end(),
                         [&](const ReportSegmentRow& s) { return s.ordinal == ordinal; });
  if (it == segs.end()) {
    if (auto s = may_write(a); !s) return s.error();
    Validator bad;
    bad.fail("segment", "selection_invalid");
    return bad.status().error();
  }
  return add_coding(a, {report_id, theme_ids, it->start, it->end, memo});
}

Result<Status> AnalysisService::delete_coding(const Actor& a, Id report_id, Id coding_id) {
  if (auto s = may_write(a); !s) return s.error();
  auto done = db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<Status> {
    auto k = store::analysis::find_coding(c, coding_id);
    if (!k || k->report_id != report_id) return Error::of(Errc::not_found, "not_found");
    if (!can_remove_coding(a, *k)) return Error::of(Errc::forbidden, "forbidden");
    store::analysis::delete_coding(c, report_id, coding_id);
    audit_.record(c, {a.user.id,
                      "followup.uncode",
                      "ok",
                      "followup_report",
                      std::to_string(report_id),
                      {{"theme", k->theme_id}, {"coding", std::to_string(coding_id)}},
                      a.address});
    return ok_status();
  });
  // The refusal is recorded on its own: the transaction above rolled back.
  if (!done && done.error().code == Errc::forbidden)
    audit_.record_now({a.user.id,
                       "access.refuse",
                       "refused",
                       "coding",
                       std::to_string(coding_id),
                       {},
                       a.address});
  return done;
}

Result<SuggestionRow> AnalysisService::decide_suggestion(const Actor& a, Id id, bool accept) {
  if (auto s = may_write(a); !s) return s.error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<SuggestionRow> {
    auto s = store::analysis::find_suggestion(c, id);
    if (!s) return Error::of(Errc::not_found, "not_found");
    const auto now = clock_();
    const auto decision = accept ? SuggestionStatus::accepted : SuggestionStatus::rejected;
    if (!store::analysis::decide_suggestion(c, id, decision, a.user.id, now))
      return Error::of(Errc::stale, "suggestion_decided");
    if (accept) {
      Coding k;
      k.report_id = s->report_id;
      k.theme_id = s->theme_id;
      k.start = s->start;
      k.end = s->end;
      k.heading = s->heading;
      k.coder_id = a.user.id;
      k.origin = CodingOrigin::suggestion;
      // Already coded by this coder to this theme: accepting adds nothing.
      store::analysis::insert_coding_if_absent(c, k, now);
    }
    audit_.record(c, {a.user.id,
                      accept ? "followup.suggestion_accept" : "followup.suggestion_reject",
                      "ok",
                      "followup_report",
                      std::to_string(s->report_id),
                      {{"theme", s->theme_id}, {"suggestion", std::to_string(id)}},
                      a.address});
    return *store::analysis::find_suggestion(c, id);
  });
}

Result<CodebookVersion> AnalysisService::codebook(const Actor& a) {
  if (auto s = may_read(a); !s) return s.error();
  return db_.transact(store::TxMode::read, [&](store::Conn& c) {
    auto v = store::analysis::current_codebook(c);
    return v ? *v : CodebookVersion{0, 0, default_codebook_json_, "", 0, std::nullopt};
  });
}

Result<std::vector<CodebookVersion>> AnalysisService::codebook_history(const Actor& a) {
  if (auto s = may_read(a); !s) return s.error();
  return db_.transact(store::TxMode::read,
                      [&](store::Conn& c) { return store::analysis::codebook_history(c); });
}

Result<CodebookVersion> AnalysisService::save_codebook(const Actor& a, const std::string& json,
                                                       const std::string& note, int based_on) {
  if (auto s = may_write(a); !s) return s.error();
  auto parsed = analysis::parse_codebook_json(json);
  if (!parsed) return parsed.error();
  std::string clean_note = note;
  Validator v;
  v.text("note", clean_note, 0, 500);
  if (!v.ok()) return v.status().error();
  return db_.transact(store::TxMode::write, [&](store::Conn& c) -> Result<CodebookVersion> {
    auto current = store::analysis::current_codebook(c);
    const int version = current ? current->version : 0;
    if (based_on != version) return Error::of(Errc::stale, "stale");
    parsed->version = version + 1;  // the stored JSON says which version it is
    CodebookVersion next{0,          version + 1, analysis::codebook_to_json(*parsed),
                         clean_note, 0,           a.user.id};
    auto saved = store::analysis::insert_codebook(c, next, clock_());
    if (!saved) return saved.error();
    audit_.record(c, {a.user.id,
                      "codebook.save",
                      "ok",
                      "codebook",
                      std::to_string(saved->version),
                      {{"note", clean_note}},
                      a.address});
    return *saved;
  });
}

}  // namespace sgwrs

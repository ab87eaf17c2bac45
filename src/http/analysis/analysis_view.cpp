#include "http/analysis/analysis_view.hpp"

#include <boost/json.hpp>

#include "domain/core/validation.hpp"

namespace sgwrs::http {

using web::Data;
namespace bj = boost::json;

std::string url_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

namespace {

// The segment's text in pieces, with the evidence words marked.
Data marked_pieces(const std::string& body, const SuggestionRow& s) {
  std::vector<std::pair<std::int64_t, std::int64_t>> marks;
  const auto parsed_json = bj::parse(s.evidence_json);
  for (const auto& e : parsed_json.as_array()) {
    const auto& o = e.as_object();
    if (o.at("negated").as_bool()) continue;
    marks.emplace_back(o.at("start").to_number<std::int64_t>(),
                       o.at("end").to_number<std::int64_t>());
  }
  std::sort(marks.begin(), marks.end());
  Data pieces{Data::type::list};
  auto piece = [&](std::int64_t a, std::int64_t b, bool mark) {
    if (b <= a) return;
    Data p{Data::type::object};
    p.set("text", code_point_slice(body, a, b));
    if (mark) p.set("mark", true);
    pieces.push_back(p);
  };
  std::int64_t at = s.start;
  for (const auto& [a, b] : marks) {
    if (a < at || b > s.end) continue;
    piece(at, a, false);
    piece(a, b, true);
    at = b;
  }
  piece(at, s.end, false);
  return pieces;
}

std::string evidence_text(const SuggestionRow& s, const std::string& negated_label) {
  std::string out;
  const auto parsed_json = bj::parse(s.evidence_json);
  for (const auto& e : parsed_json.as_array()) {
    const auto& o = e.as_object();
    out += (out.empty() ? "" : ", ") + std::string("“") + std::string(o.at("phrase").as_string()) +
           "”" + (o.at("negated").as_bool() ? " (" + negated_label + ")" : "");
  }
  return out;
}

}  // namespace

Data report_sections(App& app, const Ctx& c, const ReportView& v,
                     const std::map<std::string, std::string>& names) {
  auto theme = [&](const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? id : it->second;
  };
  const auto& body = v.report.body;
  const bool can_write = app.svc().analysis.can_write(*c.actor);
  Data sections{Data::type::list};
  int n = 0;
  for (const auto& s : v.sections) {
    Data d{Data::type::object};
    d.set("index", std::to_string(n++));
    d.set("label", app.t(c, "analysis.headings." + s.heading));
    if (!s.heading_text.empty()) d.set("as_written", s.heading_text);
    d.set("offset", std::to_string(s.start));
    d.set("text", code_point_slice(body, s.start, s.end));
    if (s.end <= s.start) d.set("empty", true);
    auto inside = [&](std::int64_t start) { return start >= s.start && start < s.end; };

    Data sentences{Data::type::list};
    for (const auto& seg : v.segments) {
      if (seg.kind != SegmentKind::sentence || !inside(seg.start)) continue;
      Data x{Data::type::object};
      x.set("ordinal", std::to_string(seg.ordinal));
      x.set("text", code_point_slice(body, seg.start, seg.end));
      sentences.push_back(x);
    }
    d.set("sentences", sentences);

    Data codings{Data::type::list};
    bool any_coding = false;
    for (const auto& k : v.codings) {
      if (!inside(k.start)) continue;
      any_coding = true;
      Data x{Data::type::object};
      x.set("theme", theme(k.theme_id));
      x.set("text", code_point_slice(body, k.start, k.end));
      x.set("coder", k.coder_name);
      x.set("memo", k.memo);
      if (k.origin == CodingOrigin::suggestion) x.set("from_suggestion", true);
      if (app.svc().analysis.can_remove_coding(*c.actor, k))
        x.set("delete_action", "/analysis/reports/" + std::to_string(v.report.id) + "/codings/" +
                                   std::to_string(k.id) + "/delete");
      codings.push_back(x);
    }
    d.set("codings", codings);
    if (any_coding) d.set("has_codings", true);

    Data suggestions{Data::type::list};
    bool any_suggestion = false;
    for (const auto& sg : v.suggestions) {
      if (sg.status != SuggestionStatus::pending || !inside(sg.start)) continue;
      any_suggestion = true;
      Data x{Data::type::object};
      x.set("id", std::to_string(sg.id));
      x.set("theme", theme(sg.theme_id));
      x.set("kind", app.t(c, "analysis.segment_kind." + std::string(kSegmentKinds.id(sg.kind))));
      x.set("score", std::to_string(sg.score_permille / 10) + "%");
      x.set("pieces", marked_pieces(body, sg));
      x.set("evidence", evidence_text(sg, app.t(c, "analysis.report.negated")));
      if (can_write) {
        x.set("accept_action", "/analysis/suggestions/" + std::to_string(sg.id) + "/accept");
        x.set("reject_action", "/analysis/suggestions/" + std::to_string(sg.id) + "/reject");
      }
      suggestions.push_back(x);
    }
    d.set("suggestions", suggestions);
    if (any_suggestion) d.set("has_suggestions", true);
    sections.push_back(d);
  }
  return sections;
}

}  // namespace sgwrs::http

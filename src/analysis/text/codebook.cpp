#include "analysis/text/codebook.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <boost/json.hpp>

#include "analysis/text/word_scan.hpp"

namespace sgwrs::analysis {
namespace json = boost::json;
namespace {

// The first problem found, with the JSON path it is at.
struct Problem {
  std::string path;
  std::string what;
};

Error to_error(const Problem& p) {
  Error e = Error::of(Errc::invalid, "codebook_invalid", p.path + ": " + p.what);
  e.fields.push_back({p.path, "codebook_invalid"});
  return e;
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Reads one JSON object field by field, remembering which it has seen so that anything
// left over can be reported as unknown.
class ObjectReader {
 public:
  ObjectReader(const json::object& o, std::string path) : o_(o), path_(std::move(path)) {}

  std::string field_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  const json::value* get(std::string_view key, bool required) {
    seen_.insert(std::string(key));
    const json::value* v = o_.if_contains(key);
    if (!v && required && !problem_) problem_ = Problem{field_path(key), "is missing"};
    return v;
  }

  void string(std::string_view key, std::string& out, bool required = true) {
    const json::value* v = get(key, required);
    if (!v) return;
    if (!v->is_string()) return fail(field_path(key), "must be a string");
    out = std::string(v->get_string());
  }

  // {"en": "...", "cy": "..."}
  void bilingual(std::string_view key, std::string& en, std::string& cy, bool required) {
    const json::value* v = get(key, required);
    if (!v) return;
    if (!v->is_object())
      return fail(field_path(key), R"(must be an object {"en": "...", "cy": "..."})");
    ObjectReader inner(v->get_object(), field_path(key));
    inner.string("en", en, required);
    inner.string("cy", cy, required);
    inner.finish();
    if (inner.problem_ && !problem_) problem_ = inner.problem_;
  }

  void fail(std::string path, std::string what) {
    if (!problem_) problem_ = Problem{std::move(path), std::move(what)};
  }
  void adopt(const std::optional<Problem>& p) {
    if (p && !problem_) problem_ = p;
  }

  // Reports the first field nobody asked for.
  void finish() {
    for (const auto& kv : o_)
      if (!seen_.contains(std::string(kv.key())))
        return fail(field_path(kv.key()), "is not a known field (check the spelling)");
  }

  const std::optional<Problem>& problem() const { return problem_; }

 private:
  const json::object& o_;
  std::string path_;
  std::set<std::string> seen_;
  std::optional<Problem> problem_;
};

std::optional<Problem> read_indicators(const json::value& v, const std::string& path, Language lang,
                                       std::vector<Indicator>& out) {
  if (!v.is_array()) return Problem{path, "must be an array of phrases"};
  const json::array& items = v.get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string item_path = path + "[" + std::to_string(i) + "]";
    Indicator ind;
    ind.lang = lang;
    if (items[i].is_string()) {
      ind.phrase = std::string(items[i].get_string());
    } else if (items[i].is_object()) {
      ObjectReader r(items[i].get_object(), item_path);
      r.string("phrase", ind.phrase);
      if (const json::value* w = r.get("weight", false)) {
        if (w->is_int64())
          ind.weight = static_cast<double>(w->get_int64());
        else if (w->is_uint64())
          ind.weight = static_cast<double>(w->get_uint64());
        else if (w->is_double())
          ind.weight = w->get_double();
        else
          r.fail(item_path + ".weight", "must be a number");
      }
      r.finish();
      if (r.problem()) return r.problem();
    } else {
      return Problem{item_path, R"(must be a phrase, or an object {"phrase": "...", "weight": 2})"};
    }
    out.push_back(std::move(ind));
  }
  return std::nullopt;
}

std::optional<Problem> read_theme(const json::value& v, const std::string& path, ThemeDef& t) {
  if (!v.is_object()) return Problem{path, "must be an object"};
  ObjectReader r(v.get_object(), path);
  r.string("id", t.id);
  r.string("parent_id", t.parent_id, false);
  r.bilingual("name", t.name_en, t.name_cy, true);
  r.bilingual("description", t.description_en, t.description_cy, false);
  r.bilingual("includes", t.includes_en, t.includes_cy, false);
  r.bilingual("excludes", t.excludes_en, t.excludes_cy, false);
  if (const json::value* ind = r.get("indicators", false)) {
    std::string ipath = path + ".indicators";
    if (!ind->is_object()) {
      r.fail(ipath, R"(must be an object {"en": [...], "cy": [...]})");
    } else {
      ObjectReader langs(ind->get_object(), ipath);
      if (const json::value* en = langs.get("en", false))
        langs.adopt(read_indicators(*en, ipath + ".en", Language::en, t.indicators));
      if (const json::value* cy = langs.get("cy", false))
        langs.adopt(read_indicators(*cy, ipath + ".cy", Language::cy, t.indicators));
      langs.finish();
      r.adopt(langs.problem());
    }
  }
  if (const json::value* rep = r.get("replaces", false)) {
    if (!rep->is_array()) {
      r.fail(path + ".replaces", "must be an array of theme ids");
    } else {
      for (std::size_t i = 0; i < rep->get_array().size(); ++i) {
        const json::value& id = rep->get_array()[i];
        if (!id.is_string()) {
          r.fail(path + ".replaces[" + std::to_string(i) + "]", "must be a string");
          break;
        }
        t.replaces.emplace_back(id.get_string());
      }
    }
  }
  r.finish();
  return r.problem();
}

std::string theme_path(std::size_t i) {
  return "themes[" + std::to_string(i) + "]";
}

std::optional<Problem> check(const Codebook& c) {
  if (is_blank(c.name)) return Problem{"name", "must not be empty"};
  if (c.version < 1) return Problem{"version", "must be a whole number, 1 or more"};
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < c.themes.size(); ++i) {
    const ThemeDef& t = c.themes[i];
    std::string p = theme_path(i);
    if (!is_valid_id(t.id))
      return Problem{p + ".id", "\"" + t.id +
                                    "\" is not a valid id: use lower-case letters and digits "
                                    "in words joined by single hyphens, e.g. time-and-capacity"};
    if (auto [it, fresh] = index.emplace(t.id, i); !fresh)
      return Problem{p + ".id", "\"" + t.id + "\" is already the id of " + theme_path(it->second)};
  }
  for (std::size_t i = 0; i < c.themes.size(); ++i) {
    const ThemeDef& t = c.themes[i];
    std::string p = theme_path(i);
    if (is_blank(t.name_en)) return Problem{p + ".name.en", "must not be empty"};
    if (is_blank(t.name_cy)) return Problem{p + ".name.cy", "must not be empty"};
    if (!t.parent_id.empty()) {
      if (t.parent_id == t.id) return Problem{p + ".parent_id", "a theme cannot be its own parent"};
      if (!index.contains(t.parent_id))
        return Problem{p + ".parent_id", "\"" + t.parent_id + "\" is not the id of any theme"};
      // Walk up: more steps than there are themes means a cycle.
      std::string at = t.parent_id;
      for (std::size_t steps = 0; !at.empty(); ++steps) {
        if (at == t.id || steps > c.themes.size())
          return Problem{p + ".parent_id", "parents form a cycle through \"" + t.id + "\""};
        at = c.themes[index.at(at)].parent_id;
      }
    }
    for (std::size_t r = 0; r < t.replaces.size(); ++r) {
      std::string rp = p + ".replaces[" + std::to_string(r) + "]";
      if (!is_valid_id(t.replaces[r])) return Problem{rp, "is not a valid theme id"};
      if (index.contains(t.replaces[r]))
        return Problem{rp, "\"" + t.replaces[r] + "\" is still a theme in this codebook"};
    }
    std::set<std::pair<Language, std::string>> seen;
    std::size_t n_en = 0, n_cy = 0;
    std::vector<detail::ScannedWord> words;
    for (const Indicator& ind : t.indicators) {
      std::size_t& n = ind.lang == Language::en ? n_en : n_cy;
      std::string ip =
          p + ".indicators." + std::string(language_id(ind.lang)) + "[" + std::to_string(n++) + "]";
      detail::scan_words(ind.phrase, words);
      if (words.empty()) return Problem{ip, "must contain at least one word"};
      if (!(ind.weight > 0 && ind.weight <= 10))
        return Problem{ip + ".weight", "must be greater than 0 and at most 10"};
      std::string folded;
      for (const auto& w : words) {
        std::string f;
        detail::fold_into(ind.phrase.substr(w.byte_begin, w.byte_end - w.byte_begin), f);
        if (!folded.empty()) folded += ' ';
        folded += f;
      }
      if (!seen.emplace(ind.lang, folded).second)
        return Problem{ip, "\"" + ind.phrase + "\" is listed twice"};
    }
  }
  return std::nullopt;
}

// ---- writing -------------------------------------------------------------------------

void put_string(std::string& out, std::string_view s) {
  out += json::serialize(json::string(s));
}

void put_weight(std::string& out, double w) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, w);
  out.append(buf, end);
}

void put_bilingual(std::string& out, std::string_view key, const std::string& en,
                   const std::string& cy, bool always) {
  if (!always && en.empty() && cy.empty()) return;
  out += ",\n      ";
  put_string(out, key);
  out += ": {\n        \"en\": ";
  put_string(out, en);
  out += ",\n        \"cy\": ";
  put_string(out, cy);
  out += "\n      }";
}

void put_indicator_list(std::string& out, const ThemeDef& t, Language lang, bool& first_list) {
  bool any = false;
  for (const Indicator& ind : t.indicators) {
    if (ind.lang != lang) continue;
    if (!any) {
      out += first_list ? "\n        " : ",\n        ";
      first_list = false;
      put_string(out, language_id(lang));
      out += ": [";
    } else {
      out += ",";
    }
    any = true;
    out += "\n          ";
    if (ind.weight == 1.0) {
      put_string(out, ind.phrase);
    } else {
      out += "{\"phrase\": ";
      put_string(out, ind.phrase);
      out += ", \"weight\": ";
      put_weight(out, ind.weight);
      out += "}";
    }
  }
  if (any) out += "\n        ]";
}

}  // namespace

Status validate_codebook(const Codebook& codebook) {
  if (auto p = check(codebook)) return to_error(*p);
  return ok_status();
}

Result<Codebook> parse_codebook_json(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return to_error({"(document)", "is not valid JSON: " + ec.message()});
  if (!root.is_object()) return to_error({"(document)", "must be a JSON object"});
  Codebook c;
  ObjectReader r(root.get_object(), "");
  r.string("name", c.name);
  if (const json::value* v = r.get("version", true)) {
    if (v->is_int64() && v->get_int64() >= 1 && v->get_int64() <= 1'000'000)
      c.version = static_cast<int>(v->get_int64());
    else
      r.fail("version", "must be a whole number, 1 or more");
  }
  if (const json::value* themes = r.get("themes", true)) {
    if (!themes->is_array()) {
      r.fail("themes", "must be an array of themes");
    } else {
      for (std::size_t i = 0; i < themes->get_array().size() && !r.problem(); ++i) {
        ThemeDef t;
        r.adopt(read_theme(themes->get_array()[i], theme_path(i), t));
        c.themes.push_back(std::move(t));
      }
    }
  }
  r.finish();
  if (r.problem()) return to_error(*r.problem());
  if (auto p = check(c)) return to_error(*p);
  return c;
}

std::string codebook_to_json(const Codebook& c) {
  std::string out = "{\n  \"name\": ";
  put_string(out, c.name);
  out += ",\n  \"version\": " + std::to_string(c.version) + ",\n  \"themes\": [";
  for (std::size_t i = 0; i < c.themes.size(); ++i) {
    const ThemeDef& t = c.themes[i];
    out += i == 0 ? "\n    {\n      \"id\": " : ",\n    {\n      \"id\": ";
    put_string(out, t.id);
    if (!t.parent_id.empty()) {
      out += ",\n      \"parent_id\": ";
      put_string(out, t.parent_id);
    }
    put_bilingual(out, "name", t.name_en, t.name_cy, true);
    put_bilingual(out, "description", t.description_en, t.description_cy, false);
    put_bilingual(out, "includes", t.includes_en, t.includes_cy, false);
    put_bilingual(out, "excludes", t.excludes_en, t.excludes_cy, false);
    if (!t.replaces.empty()) {
      out += ",\n      \"replaces\": [";
      for (std::size_t r = 0; r < t.replaces.size(); ++r) {
        if (r) out += ", ";
        put_string(out, t.replaces[r]);
      }
      out += "]";
    }
    if (!t.indicators.empty()) {
      out += ",\n      \"indicators\": {";
      bool first_list = true;
      put_indicator_list(out, t, Language::en, first_list);
      put_indicator_list(out, t, Language::cy, first_list);
      out += "\n      }";
    }
    out += "\n    }";
  }
  out += c.themes.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

Result<Codebook> load_codebook_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::of(Errc::not_found, "codebook_unreadable", "cannot open codebook file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_codebook_json(buf.str());
}

const ThemeDef* find_theme(const Codebook& codebook, std::string_view id) {
  for (const ThemeDef& t : codebook.themes)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace sgwrs::analysis

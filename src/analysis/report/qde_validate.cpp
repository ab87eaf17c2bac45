// Checks on a QdaProject before it is written, so an export never produces a file that
// other tools reject, and the analyst is told exactly what is wrong.
#include <cctype>
#include <map>
#include <set>

#include "analysis/report/guid.hpp"
#include "analysis/report/qdpx.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (from + n > s.size()) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// YYYY-MM-DD with month 01-12 and day 01-31.
bool is_date(std::string_view s) {
  if (s.size() != 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return false;
  const int month = (s[5] - '0') * 10 + (s[6] - '0');
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// YYYY-MM-DDThh:mm:ss, optional fraction, optional Z or +hh:mm / -hh:mm (xsd:dateTime).
bool is_date_time(std::string_view s) {
  if (s.size() < 19 || !is_date(s.substr(0, 10)) || s[10] != 'T' || !digits(s, 11, 2) ||
      s[13] != ':' || !digits(s, 14, 2) || s[16] != ':' || !digits(s, 17, 2))
    return false;
  if ((s[11] - '0') * 10 + (s[12] - '0') > 23 || s[14] > '5' || s[17] > '5') return false;
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  return (s[i] == '+' || s[i] == '-') && s.size() == i + 6 && digits(s, i + 1, 2) &&
         s[i + 3] == ':' && digits(s, i + 4, 2);
}

bool is_colour(std::string_view s) {
  if (s.empty() || s[0] != '#' || (s.size() != 4 && s.size() != 7)) return false;
  for (char c : s.substr(1))
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

bool fits(QdaVariableType type, std::string_view v) {
  switch (type) {
    case QdaVariableType::text:
      return true;
    case QdaVariableType::boolean:
      return v == "true" || v == "false" || v == "1" || v == "0";
    case QdaVariableType::integer: {
      std::size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
      return i < v.size() && digits(v, i, v.size() - i);
    }
    case QdaVariableType::floating: {  // xsd:decimal
      std::size_t i = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
      const std::size_t dot = v.find('.', i);
      if (dot == std::string_view::npos) return i < v.size() && digits(v, i, v.size() - i);
      const bool whole = dot == i || digits(v, i, dot - i);
      const bool frac = dot + 1 == v.size() || digits(v, dot + 1, v.size() - dot - 1);
      return whole && frac && v.size() - i > 1;
    }
    case QdaVariableType::date:
      return is_date(v);
    case QdaVariableType::date_time:
      return is_date_time(v);
  }
  return false;
}

class Checker {
 public:
  void fail(const std::string& where, const std::string& problem) {
    problems_.push_back(where + ": " + problem);
  }

  // Every GUID must be well formed and unique within the document.
  void guid(const std::string& where, const std::string& g) {
    if (!is_guid(g))
      fail(where, "'" + g + "' is not a GUID");
    else if (!seen_.insert(lower(g)).second)
      fail(where, "GUID " + g + " is used twice");
  }

  void optional_time(const std::string& where, const std::string& t) {
    if (!t.empty() && !is_date_time(t)) fail(where, "'" + t + "' is not an ISO 8601 date-time");
  }

  void user_ref(const std::string& where, const std::string& g,
                const std::set<std::string>& users) {
    if (!g.empty() && !users.count(lower(g))) fail(where, "no user has GUID " + g);
  }

  Status status() const {
    if (problems_.empty()) return ok_status();
    std::string detail;
    for (const std::string& p : problems_) detail += (detail.empty() ? "" : "; ") + p;
    return Error::of(Errc::invalid, "export.invalid_project", detail);
  }

  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> problems_;
};

void collect_codes(Checker& check, const std::vector<QdaCode>& codes, std::set<std::string>& guids,
                   const std::string& path) {
  for (const QdaCode& c : codes) {
    const std::string where = path + "code '" + c.name + "'";
    check.guid(where, c.guid);
    guids.insert(Checker::lower(c.guid));
    if (c.name.empty()) check.fail(where, "a code needs a name");
    if (c.color && !is_colour(*c.color)) check.fail(where, "'" + *c.color + "' is not a colour");
    collect_codes(check, c.children, guids, where + " > ");
  }
}

void check_values(Checker& check, const std::string& where, const std::vector<QdaValue>& values,
                  const std::map<std::string, QdaVariableType>& variables) {
  for (const auto& [variable, value] : values) {
    auto it = variables.find(Checker::lower(variable));
    if (it == variables.end())
      check.fail(where, "no variable has GUID " + variable);
    else if (!fits(it->second, value))
      check.fail(where, "'" + value + "' does not fit the type of variable " + variable);
  }
}

}  // namespace

Status validate(const QdaProject& p) {
  Checker check;
  if (p.name.empty()) check.fail("project", "a project needs a name");
  check.optional_time("project", p.created);

  std::set<std::string> users;
  for (const QdaUser& u : p.users) {
    check.guid("user '" + u.name + "'", u.guid);
    users.insert(Checker::lower(u.guid));
  }
  check.user_ref("project", p.creating_user_guid, users);

  std::set<std::string> codes;
  collect_codes(check, p.codes, codes, "");

  std::map<std::string, QdaVariableType> variables;
  for (const QdaVariable& v : p.variables) {
    check.guid("variable '" + v.name + "'", v.guid);
    if (v.name.empty()) check.fail("variable " + v.guid, "a variable needs a name");
    variables.emplace(Checker::lower(v.guid), v.type);
  }

  std::set<std::string> sources;
  for (const QdaSource& s : p.sources) {
    const std::string where = "source '" + s.name + "'";
    check.guid(where, s.guid);
    sources.insert(Checker::lower(s.guid));
    check.user_ref(where, s.user_guid, users);
    check.optional_time(where, s.created);
    std::size_t length = 0;
    if (!is_valid_utf8(s.text)) {
      check.fail(where, "the text is not valid UTF-8");
    } else {
      if (to_nfc(s.text) != s.text)
        check.fail(where, "the text is not NFC-normalised, so positions would be ambiguous");
      length = code_point_count(s.text);
    }
    for (const QdaSelection& sel : s.selections) {
      const std::string at =
          where + ", selection " + std::to_string(sel.start) + "-" + std::to_string(sel.end);
      check.guid(at, sel.guid);
      if (sel.memo) check.guid(at + " memo", memo_note_guid(sel.guid));
      if (sel.start >= sel.end)
        check.fail(at, "a selection must start before it ends");
      else if (sel.end > length)
        check.fail(at,
                   "the selection ends after the text (" + std::to_string(length) + " characters)");
      check.user_ref(at, sel.user_guid, users);
      check.optional_time(at, sel.created);
      for (const QdaCoding& c : sel.codings) {
        check.guid(at + " coding", c.guid);
        if (!codes.count(Checker::lower(c.code_guid)))
          check.fail(at + " coding", "no code has GUID " + c.code_guid);
        check.user_ref(at + " coding", c.user_guid, users);
        check.optional_time(at + " coding", c.created);
      }
    }
    check_values(check, where, s.values, variables);
  }

  for (const QdaCase& c : p.cases) {
    const std::string where = "case '" + c.name + "'";
    check.guid(where, c.guid);
    check_values(check, where, c.values, variables);
    for (const std::string& g : c.source_guids)
      if (!sources.count(Checker::lower(g))) check.fail(where, "no source has GUID " + g);
  }
  return check.status();
}

}  // namespace sgwrs::analysis

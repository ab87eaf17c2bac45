#include "http/core/json_io.hpp"

namespace sgwrs::http {

namespace json = boost::json;

json::object to_json(const Organisation& o) {
  return {{"id", o.id},
          {"name_en", o.name_en},
          {"name_cy", o.name_cy},
          {"ons_code", o.ons_code},
          {"version", o.version}};
}

json::object to_json(const Service& s) {
  return {{"id", s.id},
          {"organisation_id", s.organisation_id},
          {"kind", service_kind_id(s.kind)},
          {"name_en", s.name_en},
          {"name_cy", s.name_cy},
          {"version", s.version}};
}

json::object to_json(const Pod& p) {
  return {{"id", p.id},
          {"service_id", p.service_id},
          {"name_en", p.name_en},
          {"name_cy", p.name_cy},
          {"version", p.version}};
}

json::object to_json(const User& u) {
  json::object o{{"id", u.id},
                 {"email", u.email},
                 {"display_name", u.display_name},
                 {"role", role_id(u.role)},
                 {"organisation_id", u.organisation_id},
                 {"language", language_id(u.language)},
                 {"disabled", u.disabled},
                 {"version", u.version}};
  o["pod_id"] = u.pod_id ? json::value(*u.pod_id) : json::value(nullptr);
  return o;
}

json::object to_json(const AccessToken& t) {
  json::object o{{"id", t.id}, {"name", t.name}, {"created_at", t.created_at}};
  o["last_used_at"] = t.last_used_at ? json::value(*t.last_used_at) : json::value(nullptr);
  o["revoked"] = t.revoked_at.has_value();
  o["expires_at"] = t.expires_at;
  o["ended_because"] =
      t.revoked_reason.empty() ? json::value(nullptr) : json::value(t.revoked_reason);
  return o;
}

std::variant<JsonInput, InputProblem> JsonInput::parse(const std::string& body,
                                                       const std::vector<const char*>& allowed) {
  json::error_code ec;
  // The parser rejects invalid UTF-8 and overly deep nesting on its own.
  auto v = json::parse(body, ec);
  if (ec || !v.is_object())
    return InputProblem{"invalid_json", ec ? ec.message() : "not an object"};
  JsonInput in;
  in.obj_ = std::move(v.as_object());
  for (const auto& kv : in.obj_) {
    bool known = false;
    for (const char* a : allowed) known = known || kv.key() == a;
    if (!known) return InputProblem{"unknown_field", std::string(kv.key())};
  }
  return in;
}

std::optional<std::string> JsonInput::text(const char* name) {
  auto it = obj_.find(name);
  if (it == obj_.end()) return std::nullopt;
  if (!it->value().is_string()) {
    if (!problem_) problem_ = InputProblem{"wrong_type", name};
    return std::nullopt;
  }
  return std::string(it->value().as_string());
}

std::optional<std::int64_t> JsonInput::integer(const char* name) {
  auto it = obj_.find(name);
  if (it == obj_.end() || it->value().is_null()) return std::nullopt;
  if (!it->value().is_int64()) {
    if (!problem_) problem_ = InputProblem{"wrong_type", name};
    return std::nullopt;
  }
  return it->value().as_int64();
}

std::optional<bool> JsonInput::boolean(const char* name) {
  auto it = obj_.find(name);
  if (it == obj_.end()) return std::nullopt;
  if (!it->value().is_bool()) {
    if (!problem_) problem_ = InputProblem{"wrong_type", name};
    return std::nullopt;
  }
  return it->value().as_bool();
}

std::optional<std::vector<JsonInput>> JsonInput::objects(const char* name,
                                                         const std::vector<const char*>& allowed) {
  auto it = obj_.find(name);
  if (it == obj_.end()) return std::nullopt;
  if (!it->value().is_array()) {
    if (!problem_) problem_ = InputProblem{"wrong_type", name};
    return std::nullopt;
  }
  std::vector<JsonInput> out;
  for (const auto& v : it->value().as_array()) {
    auto one = JsonInput::parse(boost::json::serialize(v), allowed);
    if (auto* p = std::get_if<InputProblem>(&one)) {
      if (!problem_) problem_ = InputProblem{p->code, std::string(name) + "." + p->detail};
      return std::nullopt;
    }
    out.push_back(std::get<JsonInput>(std::move(one)));
  }
  return out;
}

std::optional<std::vector<std::int64_t>> JsonInput::integers(const char* name) {
  auto it = obj_.find(name);
  if (it == obj_.end()) return std::nullopt;
  std::vector<std::int64_t> out;
  if (it->value().is_array())
    for (const auto& v : it->value().as_array()) {
      if (!v.is_int64()) break;
      out.push_back(v.as_int64());
    }
  if (!it->value().is_array() || out.size() != it->value().as_array().size()) {
    if (!problem_) problem_ = InputProblem{"wrong_type", name};
    return std::nullopt;
  }
  return out;
}

bool JsonInput::is_null(const char* name) const {
  auto it = obj_.find(name);
  return it != obj_.end() && it->value().is_null();
}

}  // namespace sgwrs::http

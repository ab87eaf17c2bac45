// project.qde: the QDA-XML document, with elements in the order Project.xsd requires.
#include <map>
#include <sstream>

#include <pugixml.hpp>

#include "analysis/report/guid.hpp"
#include "analysis/report/qdpx.hpp"
#include "domain/core/validation.hpp"

namespace sgwrs::analysis {

std::string memo_note_guid(const std::string& selection_guid) {
  if (!is_guid(selection_guid)) return {};
  return name_guid(selection_guid, "memo");
}

std::string ReportVariables::sgwrs_variable_guid(const std::string& id) {
  return sgwrs_guid("refi-qda variable:" + id);
}

std::vector<QdaValue> ReportVariables::values(const std::string& organisation_name,
                                              const std::string& service_area_name,
                                              const std::string& iso_date,
                                              std::optional<int> group_size_value) const {
  std::vector<QdaValue> out;
  if (!organisation_name.empty()) out.emplace_back(organisation.guid, organisation_name);
  if (!service_area_name.empty()) out.emplace_back(service_area.guid, service_area_name);
  if (!iso_date.empty()) out.emplace_back(date.guid, iso_date);
  if (group_size_value) out.emplace_back(group_size.guid, std::to_string(*group_size_value));
  return out;
}

namespace {

// XML 1.0 cannot carry most control characters, even escaped; replace them (and any
// invalid UTF-8) with U+FFFD so the document always parses.
std::string xml_safe(std::string_view raw) {
  std::string text = to_valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
      out += "\xEF\xBF\xBD";
    else
      out += c;
  }
  return out;
}

void attr(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void attr_if(pugi::xml_node node, const char* name, std::string_view value) {
  if (!value.empty()) attr(node, name, value);
}

void text_child(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).append_child(pugi::node_pcdata).set_value(xml_safe(value).c_str());
}

const char* type_name(QdaVariableType t) {
  switch (t) {
    case QdaVariableType::text:
      return "Text";
    case QdaVariableType::boolean:
      return "Boolean";
    case QdaVariableType::integer:
      return "Integer";
    case QdaVariableType::floating:
      return "Float";
    case QdaVariableType::date:
      return "Date";
    case QdaVariableType::date_time:
      break;
  }
  return "DateTime";
}

const char* value_element(QdaVariableType t) {
  switch (t) {
    case QdaVariableType::text:
      return "TextValue";
    case QdaVariableType::boolean:
      return "BooleanValue";
    case QdaVariableType::integer:
      return "IntegerValue";
    case QdaVariableType::floating:
      return "FloatValue";
    case QdaVariableType::date:
      return "DateValue";
    case QdaVariableType::date_time:
      break;
  }
  return "DateTimeValue";
}

void add_code(pugi::xml_node parent, const QdaCode& c) {
  pugi::xml_node code = parent.append_child("Code");
  attr(code, "guid", c.guid);
  attr(code, "name", c.name);
  attr(code, "isCodable", c.codable ? "true" : "false");
  if (c.color) attr(code, "color", *c.color);
  if (!c.description.empty()) text_child(code, "Description", c.description);
  for (const QdaCode& child : c.children) add_code(code, child);
}

class Writer {
 public:
  explicit Writer(const QdaProject& p) : p_(p) {
    for (const QdaVariable& v : p.variables) types_.emplace(v.guid, v.type);
  }

  std::string run() {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";

    pugi::xml_node project = doc.append_child("Project");
    project.append_attribute("xmlns") = "urn:QDA-XML:project:1.0";
    attr(project, "name", p_.name);
    attr_if(project, "origin", p_.origin);
    attr_if(project, "creatingUserGUID", p_.creating_user_guid);
    attr_if(project, "creationDateTime", p_.created);

    // Project.xsd: Users, CodeBook, Variables, Cases, Sources, Notes, Links, Sets, Graphs,
    // Description. Each list element needs at least one child, so empty ones are left out.
    if (!p_.users.empty()) {
      pugi::xml_node users = project.append_child("Users");
      for (const QdaUser& u : p_.users) {
        pugi::xml_node user = users.append_child("User");
        attr(user, "guid", u.guid);
        attr_if(user, "name", u.name);
      }
    }
    if (!p_.codes.empty()) {
      pugi::xml_node codes = project.append_child("CodeBook").append_child("Codes");
      for (const QdaCode& c : p_.codes) add_code(codes, c);
    }
    if (!p_.variables.empty()) {
      pugi::xml_node variables = project.append_child("Variables");
      for (const QdaVariable& v : p_.variables) {
        pugi::xml_node variable = variables.append_child("Variable");
        attr(variable, "guid", v.guid);
        attr(variable, "name", v.name);
        attr(variable, "typeOfVariable", type_name(v.type));
        if (!v.description.empty()) text_child(variable, "Description", v.description);
      }
    }
    if (!p_.cases.empty()) {
      pugi::xml_node cases = project.append_child("Cases");
      for (const QdaCase& c : p_.cases) {
        pugi::xml_node node = cases.append_child("Case");
        attr(node, "guid", c.guid);
        attr_if(node, "name", c.name);
        add_values(node, c.values);
        for (const std::string& s : c.source_guids)
          attr(node.append_child("SourceRef"), "targetGUID", s);
      }
    }
    if (!p_.sources.empty()) {
      pugi::xml_node sources = project.append_child("Sources");
      for (const QdaSource& s : p_.sources) add_source(sources, s);
    }
    add_notes(project);
    if (!p_.description.empty()) text_child(project, "Description", p_.description);

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
    return out.str();
  }

 private:
  void add_values(pugi::xml_node parent, const std::vector<QdaValue>& values) {
    for (const auto& [variable, value] : values) {
      pugi::xml_node node = parent.append_child("VariableValue");
      attr(node.append_child("VariableRef"), "targetGUID", variable);
      auto it = types_.find(variable);
      text_child(node, value_element(it != types_.end() ? it->second : QdaVariableType::text),
                 value);
    }
  }

  void add_source(pugi::xml_node parent, const QdaSource& s) {
    // TextSource: Description?, PlainTextContent?, PlainTextSelection*, Coding*, NoteRef*,
    // VariableValue*. The text itself travels as a file in the archive.
    pugi::xml_node source = parent.append_child("TextSource");
    attr(source, "guid", s.guid);
    attr_if(source, "name", s.name);
    attr(source, "plainTextPath", "internal://" + s.guid + ".txt");
    attr_if(source, "creatingUser", s.user_guid);
    attr_if(source, "creationDateTime", s.created);
    for (const QdaSelection& sel : s.selections) {
      pugi::xml_node node = source.append_child("PlainTextSelection");
      attr(node, "guid", sel.guid);
      attr_if(node, "name", sel.name);
      attr(node, "startPosition", std::to_string(sel.start));
      attr(node, "endPosition", std::to_string(sel.end));
      attr_if(node, "creatingUser", sel.user_guid);
      attr_if(node, "creationDateTime", sel.created);
      for (const QdaCoding& c : sel.codings) {
        pugi::xml_node coding = node.append_child("Coding");
        attr(coding, "guid", c.guid);
        attr_if(coding, "creatingUser", c.user_guid);
        attr_if(coding, "creationDateTime", c.created);
        attr(coding.append_child("CodeRef"), "targetGUID", c.code_guid);
      }
      if (sel.memo) attr(node.append_child("NoteRef"), "targetGUID", memo_note_guid(sel.guid));
    }
    add_values(source, s.values);
  }

  // Memos on selections become notes (TextSource elements with their text inline).
  void add_notes(pugi::xml_node project) {
    pugi::xml_node notes;
    for (const QdaSource& s : p_.sources)
      for (const QdaSelection& sel : s.selections) {
        if (!sel.memo) continue;
        if (!notes) notes = project.append_child("Notes");
        pugi::xml_node note = notes.append_child("Note");
        attr(note, "guid", memo_note_guid(sel.guid));
        attr(note, "name", "Memo");
        attr_if(note, "creatingUser", sel.user_guid);
        attr_if(note, "creationDateTime", sel.created);
        text_child(note, "PlainTextContent", *sel.memo);
      }
  }

  const QdaProject& p_;
  std::map<std::string, QdaVariableType> types_;
};

}  // namespace

std::string project_qde_xml(const QdaProject& project) {
  return Writer(project).run();
}

}  // namespace sgwrs::analysis

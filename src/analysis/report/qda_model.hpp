#pragma once
// The REFI-QDA project model (QDA-XML 1.0, urn:QDA-XML:project:1.0): what Sgwrs exports so
// that NVivo, ATLAS.ti, MAXQDA, QualCoder and others can open its coded reports. Coders
// are users, the codebook is the code tree, follow-up reports are plain-text sources with
// their metadata as variable values, and each coded passage is a selection carrying one
// coding per theme applied. Positions are Unicode code points into the source text, which
// must be NFC; times are ISO 8601 date-times ("2025-03-01T10:00:00Z").
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sgwrs::analysis {

struct QdaUser {
  std::string guid;
  std::string name;
};

struct QdaCode {
  std::string guid;
  std::string name;
  std::string description;           // omitted when empty
  std::optional<std::string> color;  // "#RRGGBB" or "#RGB"
  bool codable = true;               // false for a grouping code that only holds children
  std::vector<QdaCode> children;
};

struct QdaCoding {
  std::string guid;
  std::string code_guid;
  std::string user_guid;  // the coder; may be empty
  std::string created;    // may be empty
};

struct QdaSelection {
  std::string guid;
  std::string name;       // e.g. the passage's first words; may be empty
  std::size_t start = 0;  // code points, inclusive
  std::size_t end = 0;    // code points, exclusive
  std::string user_guid;
  std::string created;
  std::vector<QdaCoding> codings;
  // Exported as a Note linked from the selection; the note's GUID is derived from the
  // selection's (name_guid(selection guid, "memo")).
  std::optional<std::string> memo;
};

enum class QdaVariableType { text, boolean, integer, floating, date, date_time };

struct QdaVariable {
  std::string guid;
  std::string name;
  QdaVariableType type = QdaVariableType::text;
  std::string description;  // omitted when empty
};

// (variable GUID, value as text: "42", "2025-03-01", "true", ...).
using QdaValue = std::pair<std::string, std::string>;

struct QdaSource {
  std::string guid;
  std::string name;
  std::string text;  // stored as sources/<guid>.txt; UTF-8, NFC
  std::string user_guid;
  std::string created;
  std::vector<QdaSelection> selections;
  std::vector<QdaValue> values;
};

// A case groups sources (e.g. one organisation's reports) and can carry values itself.
struct QdaCase {
  std::string guid;
  std::string name;
  std::vector<QdaValue> values;
  std::vector<std::string> source_guids;
};

struct QdaProject {
  std::string name;
  std::string origin = "Sgwrs";
  std::string created;
  std::string creating_user_guid;
  std::string description;  // omitted when empty
  std::vector<QdaUser> users;
  std::vector<QdaCode> codes;  // the codebook, top-level codes
  std::vector<QdaVariable> variables;
  std::vector<QdaCase> cases;
  std::vector<QdaSource> sources;
};

}  // namespace sgwrs::analysis

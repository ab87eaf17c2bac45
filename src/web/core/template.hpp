#pragma once
// A compiled mustache template. Pages keep their data in kainjow's mustache data (objects,
// lists, strings, booleans), but are rendered here: every page view renders two templates,
// and kainjow's renderer (a std::function call and an output stream per line, a fresh escape
// buffer per value) cost a quarter of a signed-in page's server time. This one walks a tree
// compiled once and appends to one string.
//
// Supported: {{name}} (HTML-escaped), {{{name}}} and {{&name}} (as is), sections {{#name}}
// (false and empty lists skip it; a list repeats it per item; anything else renders it once
// with the value on top of the context) and inverted sections {{^name}}, comments {{! }},
// and dotted names. Partials and catalogue text are expanded before compiling (Renderer).
// Lines that hold a section tag and render to nothing but white space are dropped, as
// kainjow does, so pages come out the same.
#include <cstddef>
#include <string>
#include <string_view>

#include <vector>
#include "domain/core/html.hpp"

#include <kainjow/mustache.hpp>

namespace sgwrs::web {

using Data = kainjow::mustache::data;
// An empty object or list to fill, the two shapes every page's data is built from.
inline Data obj() {
  return Data{Data::type::object};
}
inline Data list() {
  return Data{Data::type::list};
}

class Template {
 public:
  // Throws std::runtime_error naming what is wrong (an unclosed section, say).
  explicit Template(std::string_view source);

  // Renders with `context` (the innermost data last) and appends the result to out.
  void render(std::vector<const Data*>& context, std::string& out) const;

 private:
  enum class Kind { text, newline, escaped, raw, section, inverted };
  struct Node {
    Kind kind = Kind::text;
    std::string text;               // text, or the name's first part
    std::vector<std::string> path;  // the rest of a dotted name
    std::vector<Node> children;     // a section's body
  };
  struct Line;

  static const Data* lookup(const std::vector<const Data*>& context, const Node& n);
  static void render_nodes(const std::vector<Node>& nodes, std::vector<const Data*>& context,
                           std::string& out, Line& line);

  std::vector<Node> nodes_;
};

}  // namespace sgwrs::web

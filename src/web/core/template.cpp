#include "web/core/template.hpp"

#include "domain/core/html.hpp"

#include <stdexcept>

#include "domain/core/validation.hpp"

namespace sgwrs::web {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool only_white_space(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

// The line being written: where it starts in the output, and whether a section tag stood on
// it (a line with one, rendered to white space only, is dropped with its line break).
struct Template::Line {
  std::size_t start = 0;
  bool section_tag = false;
};

Template::Template(std::string_view source) {
  // Open sections, innermost last, each with the node list its body goes into.
  std::vector<std::vector<Node>*> open{&nodes_};
  std::vector<std::string> open_names;
  auto add_text = [&](std::string_view text) {
    for (std::size_t nl; !text.empty(); text.remove_prefix(nl + 1)) {
      nl = text.find('\n');
      const std::string_view before = text.substr(0, nl);
      if (!before.empty()) open.back()->push_back({Kind::text, std::string(before), {}, {}});
      if (nl == std::string_view::npos) break;
      open.back()->push_back({Kind::newline, {}, {}, {}});
    }
  };
  std::size_t pos = 0;
  while (pos < source.size()) {
    const std::size_t tag = source.find("{{", pos);
    if (tag == std::string_view::npos) {
      add_text(source.substr(pos));
      break;
    }
    add_text(source.substr(pos, tag - pos));
    const bool triple = source.substr(tag, 3) == "{{{";
    const std::string_view closer = triple ? "}}}" : "}}";
    const std::size_t end = source.find(closer, tag);
    if (end == std::string_view::npos)
      throw std::runtime_error("a tag opened at offset " + std::to_string(tag) + " is not closed");
    std::string_view inside = source.substr(tag + closer.size(), end - tag - closer.size());
    pos = end + closer.size();
    Kind kind = triple ? Kind::raw : Kind::escaped;
    const char sigil = inside.empty() ? '\0' : inside.front();
    if (!triple && (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&' || sigil == '!' ||
                    sigil == '>' || sigil == '=')) {
      inside.remove_prefix(1);
      if (sigil == '!') continue;
      if (sigil == '>' || sigil == '=')
        throw std::runtime_error("unexpanded partial or delimiter change: {{" +
                                 std::string(1, sigil) + std::string(inside) + "}}");
      kind = sigil == '#' ? Kind::section : sigil == '^' ? Kind::inverted : Kind::raw;
      if (sigil == '/') {
        const std::string name(trim(inside));
        if (open_names.empty() || open_names.back() != name)
          throw std::runtime_error(
              "{{/" + name + "}} closes " +
              (open_names.empty() ? "nothing" : "{{#" + open_names.back() + "}}"));
        open.pop_back();
        open_names.pop_back();
        continue;
      }
    }
    const std::string_view name = trim(inside);
    if (name.empty()) throw std::runtime_error("an empty tag at offset " + std::to_string(tag));
    Node node{kind, {}, {}, {}};
    std::size_t from = 0;
    for (std::size_t dot; (dot = name.find('.', from)) != std::string_view::npos; from = dot + 1)
      node.path.emplace_back(name.substr(from, dot - from));
    node.path.emplace_back(name.substr(from));
    node.text = node.path.front();
    node.path.erase(node.path.begin());
    open.back()->push_back(std::move(node));
    if (kind == Kind::section || kind == Kind::inverted) {
      open.push_back(&open.back()->back().children);
      open_names.emplace_back(name);
    }
  }
  if (!open_names.empty()) throw std::runtime_error("{{#" + open_names.back() + "}} is not closed");
}

const Data* Template::lookup(const std::vector<const Data*>& context, const Node& n) {
  for (auto it = context.rbegin(); it != context.rend(); ++it) {
    const Data* v = (*it)->get(n.text);  // nullptr unless an object with that key
    if (!v) continue;
    for (const std::string& part : n.path)
      if (!(v = v->get(part))) break;
    if (v) return v;
  }
  return nullptr;
}

void Template::render_nodes(const std::vector<Node>& nodes, std::vector<const Data*>& context,
                            std::string& out, Line& line) {
  for (const Node& n : nodes) {
    switch (n.kind) {
      case Kind::text:
        out.append(n.text);
        break;
      case Kind::newline:
        if (line.section_tag && only_white_space(std::string_view(out).substr(line.start)))
          out.resize(line.start);
        else
          out.push_back('\n');
        line = {out.size(), false};
        break;
      case Kind::escaped:
      case Kind::raw:
        if (const Data* v = lookup(context, n); v && v->is_string()) {
          if (n.kind == Kind::raw)
            out.append(v->string_value());
          else
            append_html_escaped(out, v->string_value());
        }
        break;
      case Kind::section:
      case Kind::inverted: {
        const Data* v = lookup(context, n);
        const bool falsy = !v || v->is_false() || v->is_empty_list();
        if (falsy != (n.kind == Kind::inverted)) break;
        if (v && v->is_non_empty_list()) {
          for (const Data& item : v->list_value()) {
            line.section_tag = true;
            context.push_back(&item);
            render_nodes(n.children, context, out, line);
            context.pop_back();
          }
        } else {
          line.section_tag = true;
          if (v) context.push_back(v);
          render_nodes(n.children, context, out, line);
          if (v) context.pop_back();
        }
        line.section_tag = true;
        break;
      }
    }
  }
}

void Template::render(std::vector<const Data*>& context, std::string& out) const {
  Line line{out.size(), false};
  render_nodes(nodes_, context, out, line);
  if (line.section_tag && only_white_space(std::string_view(out).substr(line.start)))
    out.resize(line.start);
}

}  // namespace sgwrs::web

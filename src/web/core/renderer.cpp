#include "web/core/renderer.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "domain/core/validation.hpp"

namespace sgwrs::web {

namespace fs = std::filesystem;

namespace {

const std::regex kPartial(R"(\{\{>\s*([a-z_]+)\s*\}\})");
const std::regex kText(R"(\{\{(\{?)\s*t\.([a-z0-9_.]+)\s*\}?\}\})");

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Replaces every match of re in text with what fn returns for it.
template <typename F>
std::string replace_all(const std::string& text, const std::regex& re, F fn) {
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
    out.append(last, text.cbegin() + it->position());
    out += fn(*it);
    last = text.cbegin() + it->position() + it->length();
  }
  out.append(last, text.cend());
  return out;
}

}  // namespace

Renderer::Renderer(const std::string& template_dir, const Catalogue& catalogue)
    : catalogue_(catalogue) {
  if (!fs::is_directory(template_dir))
    throw std::runtime_error("template directory not found: " + template_dir);
  std::map<std::string, std::string> raw, partials;
  // Templates sit in one folder per capability (core/, identity/, analysis/, …) and are
  // named by file name alone, so a name is used once across all folders.
  for (const auto& entry : fs::recursive_directory_iterator(template_dir)) {
    if (entry.path().extension() != ".mustache") continue;
    const std::string name = entry.path().stem().string();
    auto& into = name.front() == '_' ? partials[name.substr(1)] : raw[name];
    if (!into.empty())
      throw std::runtime_error("two templates are named " + name + ": " + entry.path().string());
    into = read_file(entry.path());
  }
  for (auto& [name, text] : raw) {
    const std::string expanded = replace_all(text, kPartial, [&](const std::smatch& m) {
      auto it = partials.find(m[1].str());
      if (it == partials.end())
        throw std::runtime_error("template " + name + ": no partial " + m[1].str());
      return it->second;
    });
    for (Language l : {Language::en, Language::cy}) {
      std::string resolved = replace_all(expanded, kText, [&](const std::smatch& m) {
        const std::string key = m[2].str();
        if (!catalogue.has(l, key))
          throw std::runtime_error("template " + name + " uses missing catalogue key " + key);
        const std::string& v = catalogue.text(l, key);
        if (!m[1].str().empty()) return v;
        std::string escaped;
        append_html_escaped(escaped, v);
        return escaped;
      });
      try {
        compiled_[l == Language::cy ? 1 : 0].emplace(name, Template(resolved));
        sources_[l == Language::cy ? 1 : 0].emplace(name, std::move(resolved));
      } catch (const std::runtime_error& e) {
        throw std::runtime_error("template " + name + ": " + e.what());
      }
    }
  }
}

const std::string& Renderer::source(const std::string& name, Language l) const {
  const auto& mine = sources_[l == Language::cy ? 1 : 0];
  auto it = mine.find(name);
  if (it == mine.end()) throw std::runtime_error("no template named " + name);
  return it->second;
}

const Template& Renderer::compiled(const std::string& name, Language l) const {
  const auto& mine = compiled_[l == Language::cy ? 1 : 0];
  auto it = mine.find(name);
  if (it == mine.end()) throw std::runtime_error("no template named " + name);
  return it->second;
}

std::string Renderer::render(const std::string& name, Language l, const Data& page) const {
  std::vector<const Data*> context{&page};
  std::string out;
  compiled(name, l).render(context, out);
  return out;
}

std::string Renderer::render_page(const std::string& name, Language l, const Data& page,
                                  const Data* shared) const {
  // The layout sees the page's data too (title, navigation), with the content on top.
  Data content{Data::type::object};
  content.set("content", render(name, l, page));
  std::vector<const Data*> context;
  if (shared) context.push_back(shared);
  context.push_back(&page);
  context.push_back(&content);
  std::string out;
  out.reserve(16 * 1024);
  compiled("layout", l).render(context, out);
  return out;
}

}  // namespace sgwrs::web

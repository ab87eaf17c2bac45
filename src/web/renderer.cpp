#include "web/renderer.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "domain/validation.hpp"

namespace sgwrs::web {

namespace fs = std::filesystem;
using kainjow::mustache::mustache;

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
  for (const auto& entry : fs::directory_iterator(template_dir)) {
    if (entry.path().extension() != ".mustache") continue;
    const std::string name = entry.path().stem().string();
    (name.front() == '_' ? partials[name.substr(1)] : raw[name]) = read_file(entry.path());
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
        return m[1].str().empty() ? kainjow::mustache::html_escape(v) : v;
      });
      mustache check{resolved};
      if (!check.is_valid())
        throw std::runtime_error("template " + name + ": " + check.error_message());
      sources_[l == Language::cy ? 1 : 0][name] = std::move(resolved);
    }
  }
}

mustache& Renderer::compiled(const std::string& name, Language l) const {
  // Compiled templates are kept per thread: rendering mutates a template's state.
  using Cache = std::unordered_map<std::string, std::unique_ptr<mustache>>;
  thread_local std::unordered_map<const Renderer*, std::array<Cache, 2>> cache;
  const int li = l == Language::cy ? 1 : 0;
  auto& mine = cache[this][li];
  auto it = mine.find(name);
  if (it != mine.end()) return *it->second;
  auto src = sources_[li].find(name);
  if (src == sources_[li].end()) throw std::runtime_error("no template named " + name);
  auto tmpl = std::make_unique<mustache>(src->second);
  // Values can echo what someone sent (a form field); bytes that are not UTF-8 become
  // U+FFFD so every page stays well-formed.
  tmpl->set_custom_escape(
      [](const std::string& s) { return kainjow::mustache::html_escape(to_valid_utf8(s)); });
  return *mine.emplace(name, std::move(tmpl)).first->second;
}

std::string Renderer::render(const std::string& name, Language l, const Data& page) const {
  kainjow::mustache::context<std::string> ctx(&page);
  return compiled(name, l).render(ctx);
}

std::string Renderer::render_page(const std::string& name, Language l, const Data& page) const {
  // The layout sees the page's data too (title, navigation), with the content on top.
  Data content{Data::type::object};
  content.set("content", render(name, l, page));
  kainjow::mustache::context<std::string> ctx(&page);
  ctx.push(&content);
  return compiled("layout", l).render(ctx);
}

}  // namespace sgwrs::web

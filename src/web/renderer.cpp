#include "web/renderer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace sgwrs::web {

namespace fs = std::filesystem;
using kainjow::mustache::mustache;

Renderer::Renderer(const std::string& template_dir, const Catalogue& catalogue)
    : catalogue_(catalogue) {
  if (!fs::is_directory(template_dir))
    throw std::runtime_error("template directory not found: " + template_dir);
  for (const auto& entry : fs::directory_iterator(template_dir)) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string name = entry.path().stem().string();
    mustache check{ss.str()};
    if (!check.is_valid())
      throw std::runtime_error("template " + name + ": " + check.error_message());
    sources_[name] = ss.str();
    if (name.front() == '_') {
      const std::string text = ss.str();
      partials_.set(name.substr(1), kainjow::mustache::partial([text] { return text; }));
    }
  }
}

mustache& Renderer::compiled(const std::string& name) const {
  // Compiled templates are kept per thread: rendering mutates a template's state.
  thread_local std::unordered_map<const Renderer*,
                                  std::unordered_map<std::string, std::unique_ptr<mustache>>>
      cache;
  auto& mine = cache[this];
  auto it = mine.find(name);
  if (it != mine.end()) return *it->second;
  auto src = sources_.find(name);
  if (src == sources_.end()) throw std::runtime_error("no template named " + name);
  return *mine.emplace(name, std::make_unique<mustache>(src->second)).first->second;
}

std::string Renderer::render(const std::string& name, Language l, const Data& page) const {
  kainjow::mustache::context<std::string> ctx(&partials_);
  ctx.push(&catalogue_.tree(l));
  ctx.push(&page);
  return compiled(name).render(ctx);
}

std::string Renderer::render_page(const std::string& name, Language l, const Data& page) const {
  // The layout sees the page's data too (title, navigation), with the content on top.
  Data content{Data::type::object};
  content.set("content", render(name, l, page));
  kainjow::mustache::context<std::string> ctx(&partials_);
  ctx.push(&catalogue_.tree(l));
  ctx.push(&page);
  ctx.push(&content);
  return compiled("layout").render(ctx);
}

}  // namespace sgwrs::web
